/**
 * An endpoint's delivery log, "Send test event" and "Redeliver". A test event and
 * a redelivery take the endpoint's next position, so they go after what already
 * waits (one in flight per endpoint, in order: send-deliveries.ts).
 */
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { TEST_EVENT_TYPE } from "./event-types";
import { findEndpoint } from "./manage-webhooks";
import { scheduleDeliveries } from "./schedule";
import { deliveryView } from "./views";

export async function listDeliveries(ctx: OrgContext, endpointId: string, query: { limit: number; before?: number }) {
  const endpoint = await findEndpoint(ctx, endpointId);
  const rows = await getDb().webhookDelivery.findMany({
    where: { endpointId: endpoint.id, organizationId: ctx.organization.id, ...(query.before ? { position: { lt: BigInt(query.before) } } : {}) },
    orderBy: { position: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(deliveryView), nextBefore: rows.length > query.limit ? Number(page.at(-1)!.position) : null };
}

function assertEnabled(endpoint: { enabled: boolean }) {
  if (!endpoint.enabled) throw new AppError("CONFLICT", "This endpoint is turned off: turn it on first.");
}

export async function sendTestEvent(ctx: OrgContext, endpointId: string) {
  const endpoint = await findEndpoint(ctx, endpointId);
  assertEnabled(endpoint);
  const now = new Date();
  const delivery = await getDb().$transaction(async (tx) => {
    const { nextPosition } = await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { nextPosition: { increment: 1 } }, select: { nextPosition: true } });
    return tx.webhookDelivery.create({
      data: {
        organizationId: ctx.organization.id,
        endpointId: endpoint.id,
        position: nextPosition - 1n,
        eventSequence: null,
        eventType: TEST_EVENT_TYPE,
        event: {
          sequence: null,
          type: TEST_EVENT_TYPE,
          subjectType: "webhook",
          subjectId: endpoint.id,
          actorId: ctx.user.id,
          payload: { message: "A test event from Cairn: your endpoint receives and verifies deliveries." },
          createdAt: now.toISOString(),
        },
      },
    });
  });
  await scheduleDeliveries([endpoint.id]);
  return deliveryView(delivery);
}

export async function redeliver(ctx: OrgContext, endpointId: string, deliveryId: string) {
  const endpoint = await findEndpoint(ctx, endpointId);
  assertEnabled(endpoint);
  const updated = await getDb().$transaction(async (tx) => {
    // The endpoint row first: it serializes two redeliveries of the same row.
    const { nextPosition } = await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { nextPosition: { increment: 1 } }, select: { nextPosition: true } });
    const delivery = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: endpoint.id, organizationId: ctx.organization.id } });
    if (!delivery) throw notFound("delivery");
    if (delivery.status === "PENDING") throw new AppError("CONFLICT", "This delivery is already waiting to be sent.");
    // The same row (one delivery per event per endpoint), queued again at the back with a fresh retry window.
    return tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", position: nextPosition - 1n, attempts: 0, firstAttemptAt: null, nextAttemptAt: new Date(), lastError: null, deliveredAt: null },
    });
  });
  await scheduleDeliveries([endpoint.id]);
  return deliveryView(updated);
}
