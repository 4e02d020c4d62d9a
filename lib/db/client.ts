/**
 * The Prisma client, one per process. Route handlers (which Next.js may load in
 * a separate module graph) and server.ts share it through globalThis.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/config";

export type Db = PrismaClient;
/** A client or an interactive transaction: what data-access functions take. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolSize,
    // Fail fast when the database is unreachable instead of queueing forever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __cairnDb?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForDb.__cairnDb) {
    const config = getConfig();
    if (!config.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start Cairn with server.ts, which starts the embedded database");
    }
    globalForDb.__cairnDb = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  }
  return globalForDb.__cairnDb;
}

/** Closes the shared client (shutdown, tests). The next getDb() makes a new one. */
export async function disconnectDb(): Promise<void> {
  const db = globalForDb.__cairnDb;
  globalForDb.__cairnDb = undefined;
  await db?.$disconnect();
}
