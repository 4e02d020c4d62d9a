/**
 * Enqueues a job in the caller's transaction: the job row is written through the
 * Prisma transaction client (pg-boss's `db` option with its `fromPrisma`
 * adapter, i.e. `tx.$queryRawUnsafe(text, ...values)`), so it commits with the
 * change that caused it or disappears with its rollback. No email goes out for
 * a change that did not happen, and none is lost for one that did.
 */
import { fromPrisma } from "pg-boss";
import type { z } from "zod";
import type { DbClient } from "@/lib/db/client";
import type { JobDefinition } from "./define-job";
import { getJobQueue } from "./job-queue";
import { withTraceContext } from "./job-trace";

/** Call with the transaction client (inside db.$transaction). Returns the job id. */
export async function enqueue<Payload extends z.ZodType>(tx: DbClient, job: JobDefinition<Payload>, payload: z.input<Payload>): Promise<string> {
  const id = await getJobQueue().boss.send(job.name, checked(job, payload), { db: fromPrisma(tx) });
  if (!id) throw new Error(`${job.name}: pg-boss created no job`);
  return id;
}

/**
 * Enqueues many jobs of one kind with one insert, in the caller's transaction
 * (a scan that found a thousand reminders writes their jobs in one statement).
 * `startAfter` delays one job (e.g. until the recipient's quiet hours end).
 */
export async function enqueueMany<Payload extends z.ZodType>(tx: DbClient, job: JobDefinition<Payload>, items: ReadonlyArray<{ payload: z.input<Payload>; startAfter?: Date }>): Promise<void> {
  if (items.length === 0) return;
  await getJobQueue().boss.insert(
    job.name,
    items.map((item) => ({ data: checked(job, item.payload), ...(item.startAfter ? { startAfter: item.startAfter } : {}) })),
    { db: fromPrisma(tx) },
  );
}

/**
 * Enqueues a job to run `delaySeconds` from now unless one with the same
 * `batchKey` is already waiting (the job's queue has the "short" policy): the
 * waiting job then does the work of both. Returns the new job's id, or null when
 * it joined the waiting one.
 */
export async function enqueueBatched<Payload extends z.ZodType>(
  tx: DbClient,
  job: JobDefinition<Payload>,
  payload: z.input<Payload>,
  batch: { batchKey: string; delaySeconds: number },
): Promise<string | null> {
  if (job.policy !== "short") throw new Error(`${job.name}: batching needs the "short" queue policy`);
  return getJobQueue().boss.send(job.name, checked(job, payload), { db: fromPrisma(tx), singletonKey: batch.batchKey, startAfter: batch.delaySeconds });
}

// A payload that does not fit its schema is a bug in the caller: fail its transaction now
// rather than dead-letter the job later.
// The active trace context rides along (job-trace.ts).
function checked<Payload extends z.ZodType>(job: JobDefinition<Payload>, payload: z.input<Payload>): object {
  return withTraceContext(job.payload.parse(payload) as object);
}
