/**
 * npm run db:backup / db:restore (lib/db/backup.ts) against a real server: a
 * database with rows is dumped, restored into a fresh database and compared
 * table by table; a restore never writes over a database unless told to.
 *
 * pg_dump cannot read a server newer than itself. The tests' own cluster is the
 * embedded PostgreSQL 18; when the machine's client tools are older (Debian 12:
 * 15) the tests start a private throw-away cluster of the tools' own version from
 * Debian's server binaries (tests/support/test-postgres.ts; .ci/run installs
 * them), so they need no server on 5432. BACKUP_TEST_DATABASE_URL, when set,
 * names a local PostgreSQL to use instead (throw-away databases only).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, findPgTool, restoreDatabase, serverMajorVersion, toolMajorVersion } from "@/lib/db/backup";
import { createDb } from "@/lib/db/client";
import { migrateDeploy } from "@/lib/db/prisma-cli";
import { seedDemo } from "@/lib/db/seed-demo";
import { startPrivatePostgres } from "../support/test-postgres";
import type { PrivatePostgres } from "../support/test-postgres";
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

let origin: "embedded" | "private" | "override" = "embedded";
let privatePostgres: PrivatePostgres | undefined;

beforeAll(async () => {
  const toolMajor = await toolMajorVersion("pg_dump").catch(() => {
    throw new Error("pg_dump is not installed: apt-get install postgresql-client (.ci/run does)");
  });
  const clusterUrl = inject("adminDatabaseUrl");
  const override = process.env.BACKUP_TEST_DATABASE_URL;
  if (override) {
    assertLocal(override, "BACKUP_TEST_DATABASE_URL");
    [adminUrl, origin] = [override, "override"];
  } else if ((await serverMajorVersion(clusterUrl)) <= toolMajor) {
    [adminUrl, origin] = [clusterUrl, "embedded"];
  } else {
    privatePostgres = await startPrivatePostgres(toolMajor);
    [adminUrl, origin] = [privatePostgres.adminUrl, "private"];
  }
  workDir = await mkdtemp(path.join(os.tmpdir(), "cairn-backup-"));
}, 120_000);

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
  await privatePostgres?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe("backups", () => {
  it("run against a PostgreSQL the tests started, unless BACKUP_TEST_DATABASE_URL names one", async () => {
    const dataDirectory = (url: string) => withAdminClient(url, async (client) => (await client.query<{ data_directory: string }>("show data_directory")).rows[0]!.data_directory);
    const used = await dataDirectory(adminUrl);
    if (origin === "override") expect(adminUrl).toBe(process.env.BACKUP_TEST_DATABASE_URL);
    else expect(used).toBe(origin === "private" ? privatePostgres!.dataDir : await dataDirectory(inject("adminDatabaseUrl")));
    if (origin === "private") expect(new URL(adminUrl).port).not.toBe("5432");
  });

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
