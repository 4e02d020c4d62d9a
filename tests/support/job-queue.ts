/**
 * pg-boss for integration tests: each test file has its own database, so each
 * starts its own queue there (pg-boss creates its schema on start), with tiny
 * retry delays and fast polling, and registers it where enqueue() finds it.
 */
import { getConfig } from "@/lib/config";
import { ALL_JOBS } from "@/lib/jobs/all-jobs";
import type { AnyJob, RetryPolicy } from "@/lib/jobs/define-job";
import { setJobQueue, startJobQueue } from "@/lib/jobs/job-queue";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { getLogger } from "@/lib/observability/logger";

/** Two retries, immediately: a failing job reaches its dead-letter queue within a few polls. */
export const TEST_RETRY: RetryPolicy = { limit: 2, delaySeconds: 0, backoff: false };

export async function startTestJobQueue(options: { jobs?: readonly AnyJob[]; workers?: boolean; retry?: RetryPolicy | null; register?: boolean } = {}): Promise<JobQueue> {
  const databaseUrl = getConfig().DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: the integration set-up provides one per test file");
  const queue = await startJobQueue({
    databaseUrl,
    jobs: options.jobs ?? ALL_JOBS,
    workers: options.workers ?? true,
    log: getLogger(),
    pollingIntervalSeconds: 0.5,
    // null: keep each job's declared policy.
    retryOverride: options.retry === null ? undefined : (options.retry ?? TEST_RETRY),
  });
  if (options.register ?? true) setJobQueue(queue);
  return queue;
}

export async function stopTestJobQueue(queue: JobQueue | undefined): Promise<void> {
  setJobQueue(undefined);
  await queue?.stop(5_000);
}

/** Polls until `check` returns a value (not undefined/null/false), or fails naming `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
