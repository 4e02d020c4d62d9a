/**
 * The webhook jobs (decision 0033): `webhooks.fan-out` turns an organization's
 * new events into deliveries, `webhooks.deliver` sends an endpoint's deliveries
 * in order, `webhooks.sweep` (every minute) catches what a lost notification or a
 * dead worker left behind.
 */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { fanOutEvents } from "./fan-out";
import { DELIVER_JOB, FAN_OUT_JOB, scheduleDeliveries } from "./schedule";
import { sendEndpointDeliveries } from "./send-deliveries";

// The delivery schedule is the deliveries' own (timing.ts); these retries only cover the database failing.
const JOB_RETRY = { limit: 5, delaySeconds: 5, backoff: true, maxDelaySeconds: 120 };

export const webhookFanOutJob = defineJob({
  name: FAN_OUT_JOB,
  payload: z.object({ organizationId: z.string().min(1) }),
  retry: JOB_RETRY,
  policy: "short",
  async handler({ organizationId }) {
    await fanOutEvents(organizationId);
  },
});

export const webhookDeliverJob = defineJob({
  name: DELIVER_JOB,
  payload: z.object({ endpointId: z.string().min(1) }),
  retry: JOB_RETRY,
  async handler({ endpointId }, { log }) {
    await sendEndpointDeliveries(endpointId, log);
  },
});

export const webhookSweepJob = defineJob({
  name: "webhooks.sweep",
  payload: z.object({}),
  retry: JOB_RETRY,
  cron: "* * * * *",
  async handler() {
    const db = getDb();
    const behind = await db.$queryRaw<Array<{ organizationId: string }>>`
      SELECT DISTINCT e."organizationId" FROM "WebhookEndpoint" e JOIN "Organization" o ON o.id = e."organizationId"
      WHERE e."afterSequence" < o."eventSequence" AND e.enabled`;
    for (const { organizationId } of behind) await fanOutEvents(organizationId);
    const due = await db.$queryRaw<Array<{ endpointId: string }>>`
      SELECT DISTINCT d."endpointId" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC') AND e.enabled AND (e."leaseUntil" IS NULL OR e."leaseUntil" < (now() AT TIME ZONE 'UTC'))`;
    await scheduleDeliveries(due.map((row) => row.endpointId));
  },
});
