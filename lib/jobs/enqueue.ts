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

/** Call with the transaction client (inside db.$transaction). Returns the job id. */
export async function enqueue<Payload extends z.ZodType>(tx: DbClient, job: JobDefinition<Payload>, payload: z.input<Payload>): Promise<string> {
  // A payload that does not fit its schema is a bug in the caller: fail its transaction now
  // rather than dead-letter the job later.
  const data = job.payload.parse(payload) as object;
  const id = await getJobQueue().boss.send(job.name, data, { db: fromPrisma(tx) });
  if (!id) throw new Error(`${job.name}: pg-boss created no job`);
  return id;
}
