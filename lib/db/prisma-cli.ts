/**
 * Runs the Prisma CLI (migrate deploy/status/diff) against a database URL.
 * Used by server.ts at start-up, the db:* scripts and the test set-up.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export interface PrismaCliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runPrismaCli(args: string[], options: { databaseUrl: string; cwd?: string; inherit?: boolean }): Promise<PrismaCliResult> {
  const cli = require.resolve("prisma/build/index.js");
  const preload = path.resolve(options.cwd ?? process.cwd(), "scripts/unref-timers.cjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
      stdio: options.inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Applies every pending migration; throws with Prisma's output when one fails. */
export async function migrateDeploy(databaseUrl: string, cwd?: string): Promise<void> {
  const result = await runPrismaCli(["migrate", "deploy"], { databaseUrl, cwd });
  if (result.code !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * The SQL that would bring the migrations up to prisma/schema.prisma (empty when
 * they agree). Prisma replays the migrations into a throw-away shadow database
 * on the given server, so the URL only needs to reach a server we may create
 * databases on.
 */
export async function diffMigrationsToSchema(databaseUrl: string, cwd?: string): Promise<string> {
  const result = await runPrismaCli(
    ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { databaseUrl, cwd },
  );
  if (result.code !== 0) throw new Error(`prisma migrate diff failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return isEmptyMigration(result.stdout) ? "" : result.stdout;
}

/** Prisma prints a comment (and nothing else) when there is nothing to migrate. */
export function isEmptyMigration(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
