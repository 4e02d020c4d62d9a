/**
 * A job is declared once: its queue name, the zod schema of its payload, its
 * handler and its retry policy. The queue (lib/jobs/job-queue.ts) creates the
 * pg-boss queue and its dead-letter queue from the declaration, and enqueue()
 * validates payloads against the same schema.
 */
import type { z } from "zod";
import type { Logger } from "@/lib/observability/logger";

/**
 * How a failing job is retried: `limit` more attempts, the first `delaySeconds`
 * later, doubling each time (with jitter) when `backoff`, capped at
 * `maxDelaySeconds`. After the last failure the job is copied to its
 * dead-letter queue, where it waits for a person (pg-boss's redrive).
 */
export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
  maxDelaySeconds?: number;
}

export interface JobContext {
  /** pg-boss's id: the same on every attempt of this job. */
  jobId: string;
  log: Logger;
  /** Whether a failure now is final (the retries are spent and the job goes to its dead-letter queue). */
  lastAttempt?: boolean;
}

export interface JobDefinition<Payload extends z.ZodType = z.ZodType> {
  /** Queue name, e.g. "email.password-reset" (letters, digits, . - _ /). */
  name: string;
  payload: Payload;
  retry: RetryPolicy;
  /**
   * A cron expression (UTC) for jobs the queue runs by itself, such as clean-ups;
   * pg-boss's scheduler makes sure one instance enqueues each tick. The payload
   * of a scheduled run is `{}`.
   */
  cron?: string;
  /**
   * pg-boss's queue policy. "short" keeps at most one job waiting per
   * singletonKey: a later send with the same key while one waits creates
   * nothing, which is how an email is batched (enqueue's `batchKey`).
   */
  policy?: "standard" | "short";
  /**
   * pg-boss delivers at least once (a worker that dies mid-job gets it again when
   * it expires, and a failure is retried), so a handler must be safe to run twice
   * for the same payload. Throwing fails the attempt.
   */
  handler(payload: z.output<Payload>, ctx: JobContext): Promise<void>;
}

export type AnyJob = JobDefinition<z.ZodType>;

const QUEUE_NAME = /^[a-z][a-z0-9.-]*[a-z0-9]$/;

export function defineJob<Payload extends z.ZodType>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  if (!QUEUE_NAME.test(definition.name)) throw new Error(`job name "${definition.name}" must be lower-case words joined by . or -`);
  return definition;
}

/** Where a job lands once its retries are spent. */
export function deadLetterQueueOf(jobName: string): string {
  return `${jobName}.dead`;
}
