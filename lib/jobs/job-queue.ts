/**
 * pg-boss in Cairn's own database, schema "pgboss" (pg-boss creates and migrates
 * it at start; Prisma's migrations never touch it). One queue per job plus its
 * dead-letter queue, created from the declarations. The server process starts
 * it after the database migrations and stops it on shutdown before the Prisma
 * client disconnects. Route handlers (which Next.js may load in another module
 * graph) reach the same instance through globalThis, to enqueue.
 */
import { PgBoss } from "pg-boss";
import type { Job } from "pg-boss";
import { countJobAttempt } from "@/lib/observability/domain-metrics";
import type { Logger } from "@/lib/observability/logger";
import { deadLetterQueueOf } from "./define-job";
import { inJobSpan } from "./job-trace";
import type { AnyJob, RetryPolicy } from "./define-job";

export const JOBS_SCHEMA = "pgboss";

export interface JobQueueOptions {
  databaseUrl: string;
  jobs: readonly AnyJob[];
  /** Run the workers here (JOB_WORKERS_ENABLED), or only enqueue. */
  workers: boolean;
  log: Logger;
  /** Seconds an idle worker waits between polls (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Replaces every job's retry policy: tests use tiny delays. */
  retryOverride?: RetryPolicy;
}

export interface JobQueue {
  boss: PgBoss;
  /** Stops polling, lets running jobs finish (up to timeoutMs), closes pg-boss's pool. */
  stop(timeoutMs: number): Promise<void>;
}

/** The name pg-boss's connections carry (pg_stat_activity; the tests' statement counts leave them out). */
export const JOB_QUEUE_APPLICATION = "cairn-jobs";
/** pg-boss keeps its own small pool (workers poll and complete through it). */
const POOL_SIZE = 4;
/** How long one attempt may run before pg-boss counts it failed and retries it. */
const DEFAULT_TIMEOUT_SECONDS = 300;

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const log = options.log;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOBS_SCHEMA,
    max: POOL_SIZE,
    application_name: JOB_QUEUE_APPLICATION,
    // The scheduler (a cron check every 30 s) runs only where workers do and a job has a cron.
    schedule: options.workers && options.jobs.some((job) => job.cron !== undefined),
  });
  // Without a listener an 'error' event would crash the process; these are pg-boss's
  // background loops (maintenance, polling) failing, which it retries by itself.
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  boss.on("warning", (warning) => log.warn({ warning }, "job queue warning"));
  await boss.start();

  try {
    for (const job of options.jobs) await ensureQueues(boss, job, options.retryOverride ?? job.retry);
    if (options.workers) {
      for (const job of options.jobs) if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    }
    if (options.workers) {
      for (const job of options.jobs) {
        await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([raw]) => {
          if (raw) await inJobSpan(job.name, raw, (untraced) => runJob(job, untraced, options.retryOverride ?? job.retry, log));
        });
      }
    }
  } catch (error) {
    await boss.stop({ graceful: false, timeout: 1000 }).catch(() => undefined);
    throw error;
  }

  return {
    boss,
    stop: (timeoutMs) => boss.stop({ graceful: true, close: true, timeout: timeoutMs }),
  };
}

/**
 * createQueue leaves an existing queue as it is, so the policy is then written
 * again: the declaration in code is the truth, also after it changes.
 */
async function ensureQueues(boss: PgBoss, job: AnyJob, retry: RetryPolicy): Promise<void> {
  const deadLetter = deadLetterQueueOf(job.name);
  // Dead letters are kept for a person to inspect and redrive, so longer than jobs.
  await boss.createQueue(deadLetter, { retentionSeconds: 30 * 24 * 3600 });
  const policy = {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    expireInSeconds: DEFAULT_TIMEOUT_SECONDS,
    deadLetter,
  };
  const maxDelay = retry.backoff && retry.maxDelaySeconds !== undefined ? retry.maxDelaySeconds : undefined;
  // The policy is fixed when pg-boss creates the queue; the rest is written again below.
  await boss.createQueue(job.name, { ...policy, policy: job.policy ?? "standard", ...(maxDelay === undefined ? {} : { retryDelayMax: maxDelay }) });
  await boss.updateQueue(job.name, { ...policy, retryDelayMax: maxDelay ?? null });
}

async function runJob(job: AnyJob, raw: Job<unknown>, retry: RetryPolicy, log: Logger): Promise<void> {
  const attempt = raw.retryCount + 1;
  const jobLog = log.child({ job: job.name, jobId: raw.id, attempt });
  const payload = job.payload.safeParse(raw.data);
  if (!payload.success) {
    // Retrying cannot fix it; it ends in the dead-letter queue for a person to look at.
    jobLog.error({ issues: payload.error.issues }, "job payload does not match its schema");
    countJobAttempt(job.name, attempt > retry.limit ? "dead-lettered" : "failed");
    throw new Error(`${job.name}: payload does not match its schema`);
  }
  const started = performance.now();
  try {
    await job.handler(payload.data, { jobId: raw.id, log: jobLog, lastAttempt: attempt > retry.limit });
    countJobAttempt(job.name, "completed");
    jobLog.info({ durationMs: Math.round(performance.now() - started) }, "job done");
  } catch (error) {
    const last = attempt > retry.limit;
    countJobAttempt(job.name, last ? "dead-lettered" : "failed");
    jobLog[last ? "error" : "warn"]({ err: error }, last ? "job failed for the last time: moved to its dead-letter queue" : "job failed: it will be retried");
    throw error;
  }
}

const globalForJobs = globalThis as unknown as { __cairnJobQueue?: JobQueue };

export function setJobQueue(queue: JobQueue | undefined): void {
  globalForJobs.__cairnJobQueue = queue;
}

/** The process's job queue, or undefined before one started (metrics read it without requiring one). */
export function getJobQueueIfStarted(): JobQueue | undefined {
  return globalForJobs.__cairnJobQueue;
}

/** The process's job queue, started by server.ts (or a test). */
export function getJobQueue(): JobQueue {
  const queue = globalForJobs.__cairnJobQueue;
  if (!queue) throw new Error("the job queue is not started: start Cairn with server.ts (tests: startTestJobQueue)");
  return queue;
}
