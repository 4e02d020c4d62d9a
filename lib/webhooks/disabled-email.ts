/**
 * When an endpoint is disabled for failing, its organization's active owners get
 * an email (one job, enqueued in the transaction that disables it; the
 * idempotency key makes a second run send nothing new).
 */
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { webhookDisabledEmail } from "@/lib/email/templates/webhook-disabled";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueue } from "@/lib/jobs/enqueue";

export const webhookDisabledEmailJob = defineJob({
  name: "email.webhook-disabled",
  payload: z.object({ endpointId: z.string().min(1), disabledAt: z.string() }),
  retry: EMAIL_RETRY,
  async handler({ endpointId, disabledAt }, { log }) {
    const db = getDb();
    const endpoint = await db.webhookEndpoint.findUnique({
      where: { id: endpointId },
      select: { kind: true, displayUrl: true, description: true, disabledReason: true, organization: { select: { id: true, name: true, slug: true } } },
    });
    if (!endpoint) return log.info({ endpointId }, "webhook-disabled email skipped: the endpoint was deleted");
    const owners = await db.membership.findMany({
      where: { organizationId: endpoint.organization.id, role: "OWNER", status: "ACTIVE" },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    const page = endpoint.kind === "SLACK" ? "slack" : "webhooks";
    const settingsUrl = new URL(`/o/${endpoint.organization.slug}/settings/${page}`, getConfig().NEXTAUTH_URL).toString();
    for (const { user } of owners) {
      await deliverEmail(
        {
          kind: "webhook-disabled",
          to: user.email,
          idempotencyKey: `webhook-disabled/${endpointId}/${disabledAt}/${user.id}`,
          ...webhookDisabledEmail({
            organizationName: endpoint.organization.name,
            target: endpoint.description ? `${endpoint.description} (${endpoint.displayUrl})` : endpoint.displayUrl,
            kind: endpoint.kind === "SLACK" ? "Slack channel" : "webhook",
            reason: endpoint.disabledReason ?? "It kept failing.",
            settingsUrl,
          }),
        },
        log,
      );
    }
  },
});

export async function enqueueDisabledEmail(tx: DbClient, endpointId: string, disabledAt: Date): Promise<void> {
  await enqueue(tx, webhookDisabledEmailJob, { endpointId, disabledAt: disabledAt.toISOString() });
}
