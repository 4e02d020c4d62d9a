/**
 * Gauges read when Prometheus scrapes, not kept up to date on the hot path: the pg
 * pool's connections (lib/db/client.ts), this instance's sockets (the io instance
 * server.ts registered) and the job queues' depths (pg-boss's own per-queue counts,
 * which its monitor refreshes about once a minute). A source that is not there (no pool
 * made yet, no io, no queue started) or that fails (the database is down) reports no
 * samples for that scrape rather than failing the whole scrape.
 */
import { Gauge } from "prom-client";
import type { Registry } from "prom-client";
import { existingPool } from "@/lib/db/client";
import { deadLetterQueueOf } from "@/lib/jobs/define-job";
import { getJobQueueIfStarted } from "@/lib/jobs/job-queue";
import { getSocketServer } from "@/lib/realtime/socket-server";
import { getLogger } from "./logger";
import { boundedLabel, getMetrics } from "./metrics";

/** How long a scrape waits for the queue counts (a hung database must not hang the scrape). */
const QUEUE_STATS_TIMEOUT_MS = 1_000;

function poolGauge(registry: Registry, name: string, help: string, read: (pool: NonNullable<ReturnType<typeof existingPool>>) => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      const pool = existingPool();
      if (pool) this.set(read(pool));
      else this.reset();
    },
  });
}

function register(registry: Registry): void {
  poolGauge(registry, "cairn_db_pool_in_use", "Connections of the application's pg pool checked out by a request or a transaction now.", (pool) => pool.totalCount - pool.idleCount);
  poolGauge(registry, "cairn_db_pool_idle", "Open connections of the pool that nothing uses now.", (pool) => pool.idleCount);
  poolGauge(registry, "cairn_db_pool_waiting", "Requests waiting for a pool connection because all are in use (above 0 for long: the pool is too small or statements are slow).", (pool) => pool.waitingCount);
  poolGauge(registry, "cairn_db_pool_max", "The pool's size (DATABASE_POOL_SIZE).", (pool) => pool.options.max ?? 10);

  new Gauge({
    name: "cairn_sockets_connected",
    help: "Socket.IO connections open on this instance.",
    registers: [registry],
    collect() {
      const io = getSocketServer();
      if (io) this.set(io.of("/").sockets.size);
      else this.reset();
    },
  });

  new Gauge({
    name: "cairn_job_queue_jobs",
    help: "Jobs in each queue by state: ready (waiting for a worker now), deferred (retry delay or batching) and active; from pg-boss's counts, refreshed about once a minute.",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await queueCounts();
      for (const row of rows ?? []) {
        if (row.name.endsWith(DEAD_SUFFIX)) continue;
        const label = boundedLabel(row.name);
        this.labels(label, "ready").set(row.readyCount);
        this.labels(label, "deferred").set(row.deferredCount);
        this.labels(label, "active").set(row.activeCount);
      }
    },
  });
  new Gauge({
    name: "cairn_job_dead_letters",
    help: "Jobs waiting in each queue's dead-letter queue: their retries are spent; a person must look at them (and redrive or delete them).",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await queueCounts();
      const byName = new Map((rows ?? []).map((row) => [row.name, row]));
      for (const row of rows ?? []) {
        const dead = row.name.endsWith(DEAD_SUFFIX) ? undefined : byName.get(deadLetterQueueOf(row.name));
        if (dead) this.labels(boundedLabel(row.name)).set(dead.queuedCount);
      }
    },
  });
  new Gauge({
    name: "cairn_job_queue_stats_up",
    help: "1 when the scrape could read the job queues' counts, 0 when it could not (the database is down or slow).",
    registers: [registry],
    async collect() {
      if (!getJobQueueIfStarted()) this.reset();
      else this.set((await queueCounts()) ? 1 : 0);
    },
  });
}

const DEAD_SUFFIX = deadLetterQueueOf("");
type QueueCounts = Awaited<ReturnType<NonNullable<ReturnType<typeof getJobQueueIfStarted>>["boss"]["getQueues"]>>;

// The three job gauges are collected together (prom-client collects every metric at once):
// they share one read of the counts per scrape.
let lastRead: { at: number; rows: Promise<QueueCounts | undefined> } | undefined;
function queueCounts(): Promise<QueueCounts | undefined> {
  const now = performance.now();
  if (lastRead && now - lastRead.at < QUEUE_STATS_TIMEOUT_MS) return lastRead.rows;
  const queue = getJobQueueIfStarted();
  const rows = queue
    ? withTimeout(queue.boss.getQueues(), QUEUE_STATS_TIMEOUT_MS).catch((error: unknown) => {
        getLogger().warn({ err: error, component: "metrics" }, "could not read the job queues' counts for a scrape");
        return undefined;
      })
    : Promise.resolve(undefined);
  lastRead = { at: now, rows };
  return rows;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Each scrape reads the queue counts afresh (the three gauges of one scrape share the read). */
export function forgetQueueCounts(): void {
  lastRead = undefined;
}

const globalForGauges = globalThis as unknown as { __cairnScrapeGauges?: Registry };

/** Adds the scrape-time gauges to the process's registry, once. */
export function ensureScrapeGauges(): void {
  const { registry } = getMetrics();
  if (globalForGauges.__cairnScrapeGauges === registry) return;
  register(registry);
  globalForGauges.__cairnScrapeGauges = registry;
}
