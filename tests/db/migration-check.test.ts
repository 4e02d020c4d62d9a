/**
 * Start-up's migration check: one query when the database is up to date (no Prisma
 * CLI process, which costs seconds), the CLI when a migration is pending, and a
 * refusal, as the CLI's own, when a migration failed half-way.
 */
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureMigrated, FailedMigrationError, migrationFolders, migrationState } from "@/lib/db/migration-check";
import { migrateDeploy, runPrismaCli } from "@/lib/db/prisma-cli";
import { createDatabase, dropDatabase, uniqueName } from "../support/database-admin";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const adminUrl = inject("adminDatabaseUrl");
const template = inject("templateDatabase");
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A database of its own: empty, or a copy of the migrated template. */
async function database(migrated: boolean): Promise<string> {
  const name = uniqueName("cairn_migration_check");
  const url = await createDatabase(adminUrl, name, migrated ? template : undefined);
  cleanups.push(() => dropDatabase(adminUrl, name));
  return url;
}

async function run(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The real CLI, counting its runs. */
function countingDeploy() {
  const calls: string[] = [];
  return {
    calls,
    deploy: async (databaseUrl: string, cwd?: string) => {
      calls.push(databaseUrl);
      await migrateDeploy(databaseUrl, cwd);
    },
  };
}

describe("the start-up migration check", () => {
  it("spawns no CLI when every migration is applied", async () => {
    const url = await database(true);
    const cli = countingDeploy();
    expect(await migrationState(url)).toEqual({ pending: [], failed: [] });
    expect(await ensureMigrated(url, { deploy: cli.deploy })).toEqual([]);
    expect(cli.calls).toEqual([]);
  });

  it("runs the CLI on a database never migrated (no _prisma_migrations table), which is then up to date", async () => {
    const url = await database(false);
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(10);
    expect((await migrationState(url)).pending).toEqual(folders);

    const cli = countingDeploy();
    expect(await ensureMigrated(url, { deploy: cli.deploy })).toEqual(folders);
    expect(cli.calls).toEqual([url]);
    expect(await migrationState(url)).toEqual({ pending: [], failed: [] });
  });

  it("runs the CLI for a new migration folder, and only for it", async () => {
    // A copy of the project with one more migration (as a new release brings).
    const copy = await mkdtemp(path.join(os.tmpdir(), "cairn-migration-check-"));
    cleanups.push(() => rm(copy, { recursive: true, force: true }));
    for (const file of ["prisma", "prisma.config.ts", "lib/db/catalog-types-glue.ts", "lib/db/connection.ts", "scripts/unref-timers.cjs", "package.json"]) {
      await cp(path.join(projectRoot, file), path.join(copy, file), { recursive: true });
    }
    await symlink(path.join(projectRoot, "node_modules"), path.join(copy, "node_modules"), "dir");
    const added = "29990101000000_migration_check_probe";
    await mkdir(path.join(copy, "prisma/migrations", added));
    await writeFile(path.join(copy, "prisma/migrations", added, "migration.sql"), `CREATE TABLE "MigrationCheckProbe" (id integer PRIMARY KEY);\n`);

    const url = await database(true);
    expect(await migrationState(url, copy)).toEqual({ pending: [added], failed: [] });
    const cli = countingDeploy();
    expect(await ensureMigrated(url, { cwd: copy, deploy: cli.deploy })).toEqual([added]);
    expect(cli.calls).toHaveLength(1);
    expect(await run(url, `SELECT to_regclass('"MigrationCheckProbe"') IS NOT NULL AS exists`)).toEqual([{ exists: true }]);
    expect(await migrationState(url, copy)).toEqual({ pending: [], failed: [] });
  });

  it("refuses a database with a migration that failed half-way, as the CLI does", async () => {
    const url = await database(true);
    const last = (await migrationFolders()).at(-1)!;
    // What a migration that failed leaves behind: its row started, never finished.
    await run(url, `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, [last]);

    const cli = countingDeploy();
    const refusal = await ensureMigrated(url, { deploy: cli.deploy }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FailedMigrationError);
    expect((refusal as Error).message).toContain(last);
    expect((refusal as Error).message).toMatch(/prisma migrate resolve --rolled-back/);
    expect(cli.calls).toEqual([]);

    // The CLI itself refuses the same database (P3009: failed migrations).
    const result = await runPrismaCli(["migrate", "deploy"], { databaseUrl: url });
    expect(result.code).not.toBe(0);
    expect(`${result.stdout}\n${result.stderr}`).toMatch(/P3009|failed migrations/);
  });

  it("treats a rolled-back migration as pending again (the CLI re-applies it)", async () => {
    const url = await database(true);
    const last = (await migrationFolders()).at(-1)!;
    // `prisma migrate resolve --rolled-back` marks the failed row rolled back.
    await run(url, `UPDATE "_prisma_migrations" SET finished_at = NULL, rolled_back_at = now() WHERE migration_name = $1`, [last]);
    expect(await migrationState(url)).toEqual({ pending: [last], failed: [] });

    const calls: string[] = [];
    expect(await ensureMigrated(url, { deploy: async (databaseUrl) => void calls.push(databaseUrl) })).toEqual([last]);
    expect(calls).toEqual([url]);
  });
});
