/**
 * Sends an endpoint's deliveries, one at a time in `position` order (decision
 * 0033): the worker first takes the endpoint's lease (`leaseUntil`), so however
 * many jobs run for it, one delivery is in flight; the next waits until the one
 * before succeeded or was given up (DEAD). A failed attempt is retried with
 * exponential backoff (timing.ts) for WEBHOOK_RETRY_HOURS, then dead-lettered; an
 * endpoint whose attempts have failed for WEBHOOK_DISABLE_AFTER_DAYS is disabled
 * and its organization's owners emailed.
 *
 * A worker that dies mid-attempt leaves its lease to expire; the delivery is sent
 * again then (at least once: receivers deduplicate on Cairn-Delivery).
 */
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";
import type { Logger } from "@/lib/observability/logger";
import type { WireEvent } from "@/lib/realtime/wire-event";
import { DeliveryFailure, safePost } from "./safe-post";
import type { PostAnswer } from "./safe-post";
import { scheduleDeliveries } from "./schedule";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { slackMessageFor } from "./slack-message";
import { disableAfterMs, retryDelayMs, retryWindowMs, webhookTiming } from "./timing";
import { enqueueDisabledEmail } from "./disabled-email";
import { recordIntegrationEvent } from "./manage-webhooks";

/** Deliveries one job sends before it hands over to a new job (other endpoints get their turn). */
const PER_RUN = 25;
const ERROR_MAX = 500;

type Endpoint = NonNullable<Awaited<ReturnType<typeof claim>>>;

async function claim(endpointId: string) {
  const db = getDb();
  const until = new Date(Date.now() + webhookTiming.leaseMs);
  const claimed = await db.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true, OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }] },
    data: { leaseUntil: until },
  });
  if (claimed.count === 0) return null;
  return db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    include: { organization: { select: { id: true, slug: true, name: true } } },
  });
}

async function release(endpointId: string) {
  await getDb().webhookEndpoint.updateMany({ where: { id: endpointId }, data: { leaseUntil: null } });
}

async function nextDue(endpointId: string) {
  return getDb().webhookDelivery.findFirst({ where: { endpointId, status: "PENDING" }, orderBy: { position: "asc" } });
}

// Opening a sealed value derives its key (HKDF): done once per value while a worker sends a run of deliveries.
const openedSecrets = new Map<string, string>();
function opened(sealed: string): string {
  let value = openedSecrets.get(sealed);
  if (value === undefined) {
    value = openSealedSecret(sealed);
    if (openedSecrets.size > 100) openedSecrets.clear();
    openedSecrets.set(sealed, value);
  }
  return value;
}

/** The body and headers of one attempt. */
export async function requestFor(endpoint: Endpoint, delivery: { id: string; eventType: string; event: unknown }, now: Date): Promise<{ url: string; body: string; headers: Record<string, string> }> {
  const event = delivery.event as WireEvent;
  if (endpoint.kind === "SLACK") {
    const message = await slackMessageFor(endpoint.organization, event);
    return { url: opened(endpoint.sealedUrl ?? ""), body: JSON.stringify(message), headers: { "content-type": "application/json", "user-agent": "Cairn-Webhooks/1" } };
  }
  const body = JSON.stringify({ id: delivery.id, type: delivery.eventType, organization: { slug: endpoint.organization.slug }, event });
  const timestamp = Math.floor(now.getTime() / 1000);
  const secret = opened(endpoint.sealedSecret ?? "");
  return {
    url: endpoint.url ?? "",
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "Cairn-Webhooks/1",
      "cairn-delivery": delivery.id,
      "cairn-event": delivery.eventType,
      [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(secret, timestamp, body),
    },
  };
}

export interface SendResult {
  claimed: boolean;
  sent: number;
}

/** Sends what is due for one endpoint; safe to call any number of times at once (the lease). */
export async function sendEndpointDeliveries(endpointId: string, log?: Logger): Promise<SendResult> {
  const db = getDb();
  let sent = 0;
  for (let round = 0; round < 2; round += 1) {
    const endpoint = await claim(endpointId);
    if (!endpoint) return { claimed: round > 0, sent };
    let handOver = false;
    let leasedAt = Date.now();
    try {
      for (;;) {
        if (sent >= PER_RUN) {
          handOver = true;
          break;
        }
        const delivery = await nextDue(endpointId);
        if (!delivery) break;
        if (delivery.nextAttemptAt.getTime() > Date.now()) {
          await scheduleDeliveries([endpointId], delivery.nextAttemptAt);
          return { claimed: true, sent };
        }
        const { outcome, nextAttemptAt } = await attempt(endpoint, delivery, log);
        sent += 1;
        if (outcome === "disabled") return { claimed: true, sent };
        if (outcome === "retry-later") {
          await scheduleDeliveries([endpointId], nextAttemptAt);
          return { claimed: true, sent };
        }
        // Renewed once half of it is gone: an attempt takes at most totalTimeoutMs, well under half.
        if (Date.now() - leasedAt > webhookTiming.leaseMs / 2) {
          leasedAt = Date.now();
          await db.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { leaseUntil: new Date(leasedAt + webhookTiming.leaseMs) } });
        }
      }
    } finally {
      await release(endpointId);
    }
    if (handOver) {
      await scheduleDeliveries([endpointId]);
      return { claimed: true, sent };
    }
    // A delivery written while this worker held the lease may have had its job turned away: look once more.
    const late = await nextDue(endpointId);
    if (!late || late.nextAttemptAt.getTime() > Date.now()) return { claimed: true, sent };
  }
  return { claimed: true, sent };
}

type Outcome = "delivered" | "dead" | "retry-later" | "disabled";

async function attempt(endpoint: Endpoint, delivery: NonNullable<Awaited<ReturnType<typeof nextDue>>>, log?: Logger): Promise<{ outcome: Outcome; nextAttemptAt?: Date }> {
  const db = getDb();
  const config = getConfig();
  const now = new Date();
  let answer: PostAnswer | null = null;
  let error: string | null = null;
  try {
    const request = await requestFor(endpoint, delivery, now);
    answer = await safePost(request.url, {
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
      headers: request.headers,
      body: request.body,
      connectTimeoutMs: webhookTiming.connectTimeoutMs,
      totalTimeoutMs: webhookTiming.totalTimeoutMs,
    });
    if (answer.status < 200 || answer.status >= 300) {
      const snippet = answer.body.replace(/\s+/g, " ").trim().slice(0, 200);
      error = `HTTP ${answer.status}${answer.status >= 300 && answer.status < 400 ? " (redirects are not followed)" : ""}${snippet ? `: ${snippet}` : ""}`;
    }
  } catch (failure) {
    error = failure instanceof DeliveryFailure ? failure.message : `Could not send: ${(failure as Error).message}`;
    if (!(failure instanceof DeliveryFailure)) log?.warn({ err: failure, deliveryId: delivery.id }, "webhook attempt failed before an answer");
  }
  const attempts = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? now;
  const common = { attempts, firstAttemptAt, lastAttemptAt: now, responseStatus: answer?.status ?? null, responseTimeMs: answer?.timeMs ?? null };

  if (error === null) {
    const delivered = db.webhookDelivery.update({ where: { id: delivery.id }, data: { ...common, status: "SUCCEEDED", deliveredAt: now, lastError: null } });
    if (endpoint.failingSince === null) await delivered;
    else await db.$transaction([delivered, db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: null } })]);
    endpoint.failingSince = null;
    return { outcome: "delivered" };
  }

  const dead = now.getTime() - firstAttemptAt.getTime() >= retryWindowMs();
  const failingSince = endpoint.failingSince ?? now;
  endpoint.failingSince = failingSince;
  const disable = now.getTime() - failingSince.getTime() >= disableAfterMs();
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { ...common, status: dead ? "DEAD" : "PENDING", lastError: error.slice(0, ERROR_MAX), nextAttemptAt },
    });
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: disable
        ? { failingSince, enabled: false, disabledAt: now, disabledReason: `Every attempt failed for ${getConfig().WEBHOOK_DISABLE_AFTER_DAYS} days (last: ${error.slice(0, 200)})` }
        : { failingSince },
    });
    if (disable) {
      await recordIntegrationEvent(tx, endpoint.organizationId, null, "integration.updated", endpoint, { enabled: false, reason: "failing" });
      await enqueueDisabledEmail(tx, endpoint.id, now);
    }
  });
  log?.info({ endpointId: endpoint.id, deliveryId: delivery.id, attempts, status: answer?.status, dead, disabled: disable }, "webhook delivery failed");
  if (disable) return { outcome: "disabled" };
  return dead ? { outcome: "dead" } : { outcome: "retry-later", nextAttemptAt };
}
