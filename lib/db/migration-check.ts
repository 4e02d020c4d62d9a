/**
 * Start-up's migration check in one query (docs/decisions/0024-failure-behaviour.md):
 * `prisma migrate deploy` costs about 3.5 s on every start even when there is nothing
 * to do (a CLI process, its engine, its own connection). Instead the applied
 * migrations are read from Prisma's `_prisma_migrations` table and compared with the
 * folders of prisma/migrations; the CLI runs only when one is pending, and does the
 * applying (and its locking) as before. The reading follows the CLI's own rules:
 * - no `_prisma_migrations` table: nothing is applied, everything is pending;
 * - a row finished and not rolled back: applied;
 * - a row neither finished nor rolled back: a migration that failed half-way. The CLI
 *   refuses to apply anything until someone resolves it (P3009); so does this, with a
 *   message saying how;
 * - a row rolled back (`prisma migrate resolve --rolled-back`): not applied, so that
 *   migration is pending again.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "./prisma-cli";

export interface MigrationState {
  /** Folders of prisma/migrations with no finished row, in the order they apply. */
  pending: string[];
  /** Migrations that started and neither finished nor were rolled back. */
  failed: string[];
}

export class FailedMigrationError extends Error {
  constructor(readonly migrations: string[]) {
    super(
      `The database has ${migrations.length === 1 ? "a migration" : "migrations"} that failed half-way: ${migrations.join(", ")}. ` +
        "Cairn will not start on a half-migrated database. Fix the database, then mark each one with " +
        "`npx prisma migrate resolve --rolled-back <name>` (to apply it again) or `--applied <name>` (if it was completed by hand), and start again.",
    );
    this.name = "FailedMigrationError";
  }
}

/** The migration folders Prisma would apply (those holding a migration.sql), sorted as it sorts them. */
export async function migrationFolders(cwd = process.cwd()): Promise<string[]> {
  const dir = path.join(cwd, "prisma/migrations");
  const entries = await readdir(dir, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(path.join(dir, entry.name));
    if (files.includes("migration.sql")) folders.push(entry.name);
  }
  return folders.sort();
}

/** The table Prisma keeps, in the URL's `?schema=` (public unless given). */
function migrationsTable(client: pg.Client, databaseUrl: string): string {
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? "public";
  return `${client.escapeIdentifier(schema)}."_prisma_migrations"`;
}

/** What is pending and what failed, with one query. */
export async function migrationState(databaseUrl: string, cwd = process.cwd()): Promise<MigrationState> {
  const folders = await migrationFolders(cwd);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client
      .query<{ name: string; finished: boolean; rolledBack: boolean }>(
        `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack" FROM ${migrationsTable(client, databaseUrl)}`,
      )
      .catch((error: { code?: string }) => {
        // 42P01 undefined_table, 3F000 invalid_schema_name: a database never migrated.
        if (error.code === "42P01" || error.code === "3F000") return { rows: [] };
        throw error;
      });
    const applied = new Set(rows.filter((row) => row.finished && !row.rolledBack).map((row) => row.name));
    const failed = [...new Set(rows.filter((row) => !row.finished && !row.rolledBack).map((row) => row.name))].sort();
    return { pending: folders.filter((name) => !applied.has(name)), failed };
  } finally {
    await client.end();
  }
}

/**
 * Brings the database up to the migrations: nothing but the one query when it already
 * is; the CLI (`deploy`, `prisma migrate deploy`) when something is pending. Refuses a
 * database with a failed migration. Returns the migrations that were pending.
 */
export async function ensureMigrated(
  databaseUrl: string,
  options: { cwd?: string; deploy?: (databaseUrl: string, cwd?: string) => Promise<void> } = {},
): Promise<string[]> {
  const state = await migrationState(databaseUrl, options.cwd);
  if (state.failed.length > 0) throw new FailedMigrationError(state.failed);
  if (state.pending.length === 0) return [];
  await (options.deploy ?? migrateDeploy)(databaseUrl, options.cwd);
  return state.pending;
}
