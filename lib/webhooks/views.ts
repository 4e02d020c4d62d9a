import type { WebhookDelivery, WebhookEndpoint } from "@/lib/generated/prisma/client";
import type { WebhookView } from "./schema";

export function webhookView(row: WebhookEndpoint): WebhookView {
  return {
    id: row.id,
    kind: row.kind,
    description: row.description,
    url: row.displayUrl,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
  };
}

export function deliveryView(row: WebhookDelivery) {
  return {
    id: row.id,
    eventType: row.eventType,
    eventSequence: row.eventSequence === null ? null : Number(row.eventSequence),
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    responseTimeMs: row.responseTimeMs,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
    lastAttemptAt: row.lastAttemptAt,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}
