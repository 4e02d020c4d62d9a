/**
 * The migrations and the schema: the template every test database is cloned
 * from has every migration applied, the migrations agree with
 * prisma/schema.prisma, and a disagreement (drift) is reported.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/prisma-cli";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const adminUrl = () => process.env.TEST_ADMIN_DATABASE_URL!;
const tempDirs: string[] = [];

afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationFolders(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, "prisma/migrations"), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

describe("the migrated database", () => {
  it("has every table of the schema", async () => {
    const rows = await query<{ table_name: string }>(
      "select table_name::text from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const tables = rows.map((row) => row.table_name);
    for (const table of ["User", "Account", "Session", "VerificationToken", "Organization", "Membership", "Event", "_prisma_migrations"]) {
      expect(tables).toContain(table);
    }
  });

  it("records every folder in prisma/migrations as applied and finished", async () => {
    const folders = await migrationFolders(projectRoot);
    expect(folders.length).toBeGreaterThan(0);
    const applied = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      "select migration_name, finished_at, rolled_back_at, applied_steps_count from _prisma_migrations order by migration_name",
    );
    expect(applied.map((row) => row.migration_name)).toEqual(folders);
    for (const row of applied) {
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.rolled_back_at, row.migration_name).toBeNull();
      expect(row.applied_steps_count, row.migration_name).toBeGreaterThan(0);
    }
  });
});

describe("diffMigrationsToSchema", () => {
  it("finds nothing to change for the project as it is", async () => {
    expect(await diffMigrationsToSchema(adminUrl())).toBe("");
  });

  it("reports drift when schema.prisma has a field no migration creates", async () => {
    // A copy of just what the Prisma CLI needs: the schema and migrations, the
    // config and the glue it imports, the preload script, and the dependencies.
    const copy = await mkdtemp(path.join(os.tmpdir(), "cairn-drift-test-"));
    tempDirs.push(copy);
    for (const file of ["prisma", "prisma.config.ts", "lib/db/catalog-types-glue.ts", "lib/db/connection.ts", "scripts/unref-timers.cjs", "package.json"]) {
      await cp(path.join(projectRoot, file), path.join(copy, file), { recursive: true });
    }
    await symlink(path.join(projectRoot, "node_modules"), path.join(copy, "node_modules"), "dir");

    const schemaFile = path.join(copy, "prisma/schema.prisma");
    const schema = await readFile(schemaFile, "utf8");
    const drifted = schema.replace(/model Organization \{\n/, "model Organization {\n  driftProbe String?\n");
    expect(drifted).not.toBe(schema);
    await writeFile(schemaFile, drifted);

    const diff = await diffMigrationsToSchema(adminUrl(), copy);
    expect(diff).not.toBe("");
    expect(diff).toMatch(/ALTER TABLE "Organization" ADD COLUMN\s+"driftProbe" TEXT/);
  });
});
