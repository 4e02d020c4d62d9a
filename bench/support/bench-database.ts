/**
 * A throw-away database for a benchmark: an embedded PostgreSQL (or the local
 * server in TEST_DATABASE_URL), a fresh database migrated with Cairn's
 * migrations, and DATABASE_URL pointing at it. `stop()` drops it and stops the
 * server. Call setBenchEnvironment() before importing application modules.
 */
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const ORIGIN = "http://localhost:3000";

/** The values vitest.config.ts gives the tests (NODE_ENV is typed read-only by Next.js). */
export function setBenchEnvironment(): void {
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= "test";
  env.LOG_LEVEL = "silent";
  env.NEXTAUTH_URL ??= ORIGIN;
  env.NEXTAUTH_SECRET ??= "test-secret-that-is-long-enough-for-next-auth-0123456789";
}

/** A positive whole number from the environment (a benchmark's knob), or the default. */
export function whole(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export async function startBenchDatabase(): Promise<{ databaseUrl: string; stop: () => Promise<void> }> {
  const { startTestCluster } = await import("../../tests/support/test-cluster");
  const { createDatabase, dropDatabase, uniqueName } = await import("../../tests/support/database-admin");
  const { migrateDeploy } = await import("../../lib/db/prisma-cli");
  const { resetConfig } = await import("../../lib/config");
  const cluster = await startTestCluster();
  const dbName = uniqueName("cairn_bench");
  try {
    const databaseUrl = await createDatabase(cluster.adminUrl, dbName);
    await migrateDeploy(databaseUrl, ROOT);
    process.env.DATABASE_URL = databaseUrl;
    resetConfig();
    return {
      databaseUrl,
      stop: async () => {
        await dropDatabase(cluster.adminUrl, dbName);
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/** "Load average before: … ; after: …; 2 CPUs." — printed with every run, as the figures depend on it. */
export async function loadAverageLine(before: number[]): Promise<string> {
  const os = await import("node:os");
  const show = (values: number[]) => values.map((value) => value.toFixed(2)).join(" / ");
  return `Load average before: ${show(before)}; after: ${show(os.loadavg())}; ${os.cpus().length} CPUs.`;
}

/** "min … / p50 … / p95 … / max …" of some samples (nearest rank), with `digits` decimals. */
export function spread(samples: readonly number[], digits = 1): string {
  if (samples.length === 0) return "no samples";
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return `min ${sorted[0]!.toFixed(digits)} / p50 ${at(0.5).toFixed(digits)} / p95 ${at(0.95).toFixed(digits)} / max ${sorted.at(-1)!.toFixed(digits)}`;
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 (with the error) when it failed. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
