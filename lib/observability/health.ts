import type { DbClient } from "@/lib/db/client";

export type DatabaseCheck = { status: "up"; latencyMs: number } | { status: "down"; reason: string };

/**
 * Asks the database for `select 1`, giving up after `timeoutMs`: a database that
 * hangs (not just one that refuses connections) must not hang the probe.
 */
export async function checkDatabase(db: DbClient, timeoutMs: number): Promise<DatabaseCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseCheck>((resolve) => {
    timer = setTimeout(() => resolve({ status: "down", reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const probe = db.$queryRaw`select 1`.then(
    (): DatabaseCheck => ({ status: "up", latencyMs: Math.round(performance.now() - started) }),
    (): DatabaseCheck => ({ status: "down", reason: "the database refused or dropped the connection" }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
