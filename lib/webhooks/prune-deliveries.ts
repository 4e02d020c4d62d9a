import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";

/** How long the delivery log keeps a finished delivery (delivered or given up). */
export const DELIVERY_LOG_DAYS = 30;

/**
 * Deletes finished deliveries older than DELIVERY_LOG_DAYS, so the log (and the
 * copies of events in it) does not grow for ever. Waiting ones stay whatever their
 * age: they are the endpoint's queue.
 */
export async function pruneDeliveries(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_LOG_DAYS * 86_400_000);
  const { count } = await getDb().webhookDelivery.deleteMany({ where: { status: { in: ["SUCCEEDED", "DEAD"] }, createdAt: { lt: before } } });
  return count;
}

export const pruneDeliveriesJob = defineJob({
  name: "maintenance.prune-webhook-deliveries",
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  // Hourly, at a minute the other clean-ups do not use.
  cron: "23 * * * *",
  async handler(_payload, { log }) {
    log.info({ deleted: await pruneDeliveries() }, "old webhook deliveries deleted");
  },
});
