/**
 * npm run db:backup / db:restore (lib/db/backup.ts) against a real server: a
 * database with rows is dumped, restored into a fresh database and compared
 * table by table; a restore never writes over a database unless told to.
 *
 * pg_dump cannot read a server newer than itself. The tests' own cluster is the
 * embedded PostgreSQL 18; with Debian 12's client tools (15) the dump is taken
 * from this machine's PostgreSQL instead (BACKUP_TEST_DATABASE_URL, default
 * 127.0.0.1:5432, which the CI machine runs), in throw-away databases.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, findPgTool, restoreDatabase, serverMajorVersion, toolMajorVersion } from "@/lib/db/backup";
import { createDb } from "@/lib/db/client";
import { migrateDeploy } from "@/lib/db/prisma-cli";
import { seedDemo } from "@/lib/db/seed-demo";
import { assertLocal, createDatabase, dropDatabase, uniqueName, withAdminClient } from "../support/database-admin";

let adminUrl = "";
let workDir = "";
const created: string[] = [];

async function freshDatabase(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  created.push(name);
  return createDatabase(adminUrl, name);
}

/** Every public table's row count and a digest of its rows in a stable order. */
async function contents(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  return withAdminClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1");
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables) {
      const table = client.escapeIdentifier(name);
      const { rows } = await client.query<{ rows: string; digest: string }>(
        `select count(*) as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${table} t`,
      );
      result[name] = { rows: Number(rows[0]!.rows), digest: rows[0]!.digest };
    }
    return result;
  });
}

beforeAll(async () => {
  const toolMajor = await toolMajorVersion("pg_dump").catch(() => {
    throw new Error("pg_dump is not installed: apt-get install postgresql-client (.ci/run does)");
  });
  const clusterUrl = inject("adminDatabaseUrl");
  adminUrl = (await serverMajorVersion(clusterUrl)) <= toolMajor ? clusterUrl : (process.env.BACKUP_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  assertLocal(adminUrl, "BACKUP_TEST_DATABASE_URL");
  workDir = await mkdtemp(path.join(os.tmpdir(), "cairn-backup-"));
});

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("backups", () => {
  it("restore a database with rows into a fresh one, table for table and row for row", async () => {
    const source = await freshDatabase("cairn_backup_source");
    await migrateDeploy(source);
    const db = createDb(source, 2);
    try {
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
    const before = await contents(source);
    expect(before._prisma_migrations!.rows).toBeGreaterThan(0);
    expect(before.ItemProgress!.rows).toBeGreaterThan(0);

    const file = path.join(workDir, "cairn.dump");
    await backupDatabase(source, file);
    const target = await freshDatabase("cairn_backup_target");
    await restoreDatabase(target, file);

    expect(await contents(target)).toEqual(before);
  });

  it("refuse to write over a database that has tables, and replace it only when told to", async () => {
    const source = await freshDatabase("cairn_backup_replace");
    await migrateDeploy(source);
    const file = path.join(workDir, "replace.dump");
    await backupDatabase(source, file);
    const before = await contents(source);

    // A row written after the backup: --replace brings the database back to the backup.
    await withAdminClient(source, (client) => client.query(`insert into "User" (id, email, "updatedAt") values ('after-backup', 'after@backup.test', now())`));
    await expect(restoreDatabase(source, file)).rejects.toThrow(/already has \d+ tables/);
    expect((await contents(source)).User!.rows).toBe(1);

    await restoreDatabase(source, file, { replace: true });
    expect(await contents(source)).toEqual(before);
  });

  it("refuse a pg_dump older than the server, saying which client to install", async () => {
    const toolMajor = await toolMajorVersion("pg_dump");
    await expect(findPgTool("pg_dump", toolMajor + 1)).rejects.toThrow(`install the PostgreSQL ${toolMajor + 1} client tools`);
  });
});
