/**
 * Asking the job queue to run the webhook jobs (lib/webhooks/jobs.ts). Sends go
 * straight to pg-boss (no transaction of the caller to join: what they act on is
 * already committed). Several sends for one endpoint are harmless: only the
 * worker holding the endpoint's lease sends (send-deliveries.ts).
 */
import { getJobQueueIfStarted } from "@/lib/jobs/job-queue";
import { withTraceContext } from "@/lib/jobs/job-trace";

export const DELIVER_JOB = "webhooks.deliver";
export const FAN_OUT_JOB = "webhooks.fan-out";

export async function scheduleDeliveries(endpointIds: readonly string[], at?: Date): Promise<void> {
  const queue = getJobQueueIfStarted();
  if (!queue) return; // no queue in this process (a script): the sweep picks them up
  for (const endpointId of endpointIds) {
    await queue.boss.send(DELIVER_JOB, withTraceContext({ endpointId }), at ? { startAfter: at } : {});
  }
}

/** One waiting fan-out per organization at most (the queue's "short" policy): a burst of events makes one run. */
export async function scheduleFanOut(organizationId: string): Promise<void> {
  const queue = getJobQueueIfStarted();
  if (!queue) return;
  await queue.boss.send(FAN_OUT_JOB, withTraceContext({ organizationId }), { singletonKey: organizationId });
}
