import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { IDEMPOTENCY_WINDOW_MS } from "@/lib/http/idempotency";
import { defineJob } from "@/lib/jobs/define-job";

/** Deletes remembered Idempotency-Key answers older than their replay window. */
export async function pruneIdempotencyKeys(now = new Date()): Promise<number> {
  const { count } = await getDb().idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } } });
  return count;
}

export const pruneIdempotencyKeysJob = defineJob({
  name: "maintenance.prune-idempotency-keys",
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  // Hourly: the table holds at most about a day of keys.
  cron: "17 * * * *",
  async handler(_payload, { log }) {
    log.info({ deleted: await pruneIdempotencyKeys() }, "expired idempotency keys deleted");
  },
});
