/**
 * The Prisma client, one per process, and the pg pool under it. Route handlers
 * (which Next.js may load in a separate module graph) and server.ts share them
 * through globalThis. The few hot statements in plain SQL (lib/db/sql.ts) run on
 * the same pool, so the process keeps one set of connections.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/config";
import { abandonHungConnections, connectionBudgetFrom, DEFAULT_CONNECTION_BUDGET, poolBudgetOptions } from "./connection-budget";
import type { ConnectionBudget } from "./connection-budget";
import { statementMetricsExtension } from "@/lib/observability/statement-metrics";

export type Db = PrismaClient;
/** A client or an interactive transaction: what data-access functions take. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPool(databaseUrl: string, poolSize = 10, budget: ConnectionBudget = DEFAULT_CONNECTION_BUDGET): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // Fail fast when the database is unreachable, hung or holding a lock, instead of queueing forever.
    ...poolBudgetOptions(budget),
    idleTimeoutMillis: 30_000,
  });
  abandonHungConnections(pool);
  return pool;
}

/** A client on a pool of its own, or on `pool` (which the client then ends on $disconnect). */
export function createDb(databaseUrl: string, poolSize = 10, pool = createPool(databaseUrl, poolSize)): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  // Times every operation (decision 0022); the extension adds no methods, so the type is unchanged.
  return client.$extends(statementMetricsExtension) as unknown as PrismaClient;
}

const globalForDb = globalThis as unknown as { __cairnDb?: PrismaClient; __cairnPool?: pg.Pool };

export function getDb(): PrismaClient {
  if (!globalForDb.__cairnDb) {
    const config = getConfig();
    if (!config.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start Cairn with server.ts, which starts the embedded database");
    }
    const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE, connectionBudgetFrom(config));
    globalForDb.__cairnDb = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE, pool);
    globalForDb.__cairnPool = pool;
  }
  return globalForDb.__cairnDb;
}

/** The pool under getDb()'s client: for the plain-SQL statements of lib/db/sql.ts. */
export function getPool(): pg.Pool {
  getDb();
  return globalForDb.__cairnPool!;
}

/** The pool under getDb()'s client if one was made (metrics read it at scrape time without making one). */
export function existingPool(): pg.Pool | undefined {
  return globalForDb.__cairnPool;
}

/** Closes the shared client (shutdown, tests). The next getDb() makes a new one. */
export async function disconnectDb(): Promise<void> {
  const db = globalForDb.__cairnDb;
  const pool = globalForDb.__cairnPool;
  globalForDb.__cairnDb = undefined;
  globalForDb.__cairnPool = undefined;
  await db?.$disconnect();
  // The adapter ends the pool only if the client ever connected.
  if (pool && !pool.ended) await pool.end();
}
