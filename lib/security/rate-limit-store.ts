/**
 * Where rate-limit counters live, shared by every instance of Cairn: Redis when
 * REDIS_URL is set, else PostgreSQL's `rate_limits` table (created by a migration in
 * rate-limiter-flexible's column layout). One small client per process, kept on
 * globalThis because Next.js may load route modules in a separate module graph.
 */
import { once } from "node:events";
import { Redis } from "ioredis";
import pg from "pg";
import { getConfig } from "@/lib/config";
import { getLogger } from "@/lib/observability/logger";

export type RateLimitStore = { kind: "postgres"; pool: pg.Pool } | { kind: "redis"; client: Redis };

/** Options for each store's client; tests point them at their own database or Redis. */
export interface StoreTarget {
  databaseUrl?: string;
  redisUrl?: string;
}

// Counters are one upsert each: a few connections serve many requests, and the app's
// Prisma pool is not spent on them.
const POOL_SIZE = 3;
// A slow store must not hold sign-ins hostage: past this the in-memory fallback answers.
const STORE_TIMEOUT_MS = 2_000;
// How long a request waits for a Redis connection that is still being set up (start-up).
const CONNECT_WAIT_MS = 1_000;

export function createRateLimitStore(target: StoreTarget): RateLimitStore {
  const log = getLogger().child({ component: "rate-limit" });
  if (target.redisUrl) {
    const client = new Redis(target.redisUrl, {
      // Fail a command at once while disconnected (the limiter then falls back to memory)
      // instead of queueing it until Redis returns.
      enableOfflineQueue: false,
      commandTimeout: STORE_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    client.on("error", (error: Error) => log.warn({ err: error }, "rate-limit Redis connection error"));
    return { kind: "redis", client };
  }
  if (!target.databaseUrl) throw new Error("DATABASE_URL is not set: rate limits need PostgreSQL or REDIS_URL");
  const pool = new pg.Pool({
    connectionString: target.databaseUrl,
    max: POOL_SIZE,
    connectionTimeoutMillis: STORE_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
  });
  // An idle connection the server closes (restart, failover) must not crash the process.
  pool.on("error", (error) => log.warn({ err: error }, "rate-limit PostgreSQL connection error"));
  return { kind: "postgres", pool };
}

/**
 * Resolves once the store can take commands, or at once when it cannot soon. Redis commands
 * fail fast while disconnected (the fallback counts them in memory), so without this the
 * first requests after start, sent while the connection is still opening, would be counted
 * apart from everything after. PostgreSQL's pool connects on demand: nothing to wait for.
 */
export async function storeReady(store: RateLimitStore): Promise<void> {
  if (store.kind !== "redis" || !["wait", "connecting", "connect"].includes(store.client.status)) return;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CONNECT_WAIT_MS);
  try {
    await once(store.client, "ready", { signal: controller.signal });
  } catch {
    // Not ready in time: the fallback answers.
  } finally {
    clearTimeout(timer);
  }
}

const globalForStore = globalThis as unknown as { __cairnRateLimitStore?: RateLimitStore };

/** The process's store, made on first use from the configuration. */
export function getRateLimitStore(): RateLimitStore {
  if (!globalForStore.__cairnRateLimitStore) {
    const config = getConfig();
    globalForStore.__cairnRateLimitStore = createRateLimitStore({ redisUrl: config.REDIS_URL, databaseUrl: config.DATABASE_URL });
  }
  return globalForStore.__cairnRateLimitStore;
}

export async function closeRateLimitStore(store: RateLimitStore): Promise<void> {
  if (store.kind === "redis") await store.client.quit().catch(() => store.client.disconnect());
  else await store.pool.end();
}

/** Closes the shared store (shutdown, tests). The next getRateLimitStore() makes a new one. */
export async function disconnectRateLimitStore(): Promise<void> {
  const store = globalForStore.__cairnRateLimitStore;
  globalForStore.__cairnRateLimitStore = undefined;
  if (store) await closeRateLimitStore(store);
}
