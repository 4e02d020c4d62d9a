import { defineEndpoint } from "@/lib/http/endpoint";
import { WEBHOOK_TEST_RATE_LIMITS } from "@/lib/security/limits";
import {
  createdWebhookSchema,
  createSlackChannelSchema,
  createWebhookSchema,
  deletedWebhookSchema,
  deliveryPageSchema,
  deliveryParamsSchema,
  deliverySchema,
  ENDPOINTS_PER_ORGANIZATION,
  listDeliveriesQuerySchema,
  listWebhooksQuerySchema,
  rotatedSecretSchema,
  updateWebhookSchema,
  webhookListSchema,
  webhookParamsSchema,
  webhookSchema,
  webhooksParamsSchema,
} from "./schema";

const OWNERS = "Owners only. Another organization's endpoint is 404.";
const ORDER = "Deliveries of one endpoint go one at a time in order; a failure is retried with exponential backoff for 24 hours (WEBHOOK_RETRY_HOURS), then given up (DEAD), and an endpoint failing for 3 days (WEBHOOK_DISABLE_AFTER_DAYS) is turned off and the owners emailed. See /docs/webhooks.";

export const listWebhooksEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/webhooks",
  operationId: "listWebhooks",
  summary: "List outgoing webhooks and Slack channels",
  description: `The organization's endpoints, oldest first (\`kind\` to list only webhooks or Slack channels), with the event types each kind can subscribe to. ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhooksParamsSchema,
  query: listWebhooksQuerySchema,
  response: { status: 200, description: "The endpoints.", schema: webhookListSchema },
});

export const createWebhookEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/webhooks",
  operationId: "createWebhook",
  summary: "Register a webhook",
  description: `Cairn POSTs each event of the chosen types recorded from now on to \`url\`, as JSON signed with HMAC-SHA256 (header \`Cairn-Signature: t=…,v1=…\`). The answer carries the signing secret, shown this once. The URL must be http(s) and, unless the server allows private targets, resolve to public addresses only (422 otherwise); at most ${ENDPOINTS_PER_ORGANIZATION} endpoints per organization (409). ${ORDER} ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhooksParamsSchema,
  body: createWebhookSchema,
  bodyLimitBytes: 16 * 1024,
  response: { status: 201, description: "The webhook and its secret.", schema: createdWebhookSchema },
  errors: ["CONFLICT"],
});

export const createSlackChannelEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/slack-channels",
  operationId: "createSlackChannel",
  summary: "Connect a Slack channel",
  description: `Posts the chosen events (evidence waiting for review, review done, a hire stuck, an assignment overdue, assignment completed) to a Slack channel through its incoming-webhook URL, which must be a Slack one (422 otherwise) and is stored sealed. Managed afterwards through the webhook routes. ${ORDER} ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhooksParamsSchema,
  body: createSlackChannelSchema,
  bodyLimitBytes: 16 * 1024,
  response: { status: 201, description: "The channel (its URL masked).", schema: createdWebhookSchema },
  errors: ["CONFLICT"],
});

export const updateWebhookEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/o/{orgSlug}/webhooks/{endpointId}",
  operationId: "updateWebhook",
  summary: "Change or turn on/off a webhook or Slack channel",
  description: `The URL (checked as when registering: 422 for one that is not http(s), points at a private address, or is not a Slack incoming-webhook URL for a channel; nothing is changed then), description, event types, and \`enabled\`. The signing secret is kept: rotate it with \`POST …/secret\`. Recorded in the audit log as integration.updated. ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhookParamsSchema,
  body: updateWebhookSchema,
  bodyLimitBytes: 16 * 1024,
  response: { status: 200, description: "The endpoint.", schema: webhookSchema },
});

export const deleteWebhookEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}/webhooks/{endpointId}",
  operationId: "deleteWebhook",
  summary: "Delete a webhook or Slack channel",
  description: `With its delivery log; nothing more is sent to it. ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhookParamsSchema,
  response: { status: 200, description: "Deleted.", schema: deletedWebhookSchema },
});

export const rotateWebhookSecretEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/webhooks/{endpointId}/secret",
  operationId: "rotateWebhookSecret",
  summary: "Rotate a webhook's signing secret",
  description: `A new secret signs every delivery from now on (shown this once); a Slack channel has none (409). ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhookParamsSchema,
  response: { status: 200, description: "The new secret.", schema: rotatedSecretSchema },
  errors: ["CONFLICT"],
});

export const sendTestWebhookEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/webhooks/{endpointId}/test",
  operationId: "sendTestWebhook",
  summary: "Send a test event",
  description: `Queues a \`webhook.test\` delivery (its event's \`sequence\` is null) behind what already waits; watch the delivery log. A turned-off endpoint is 409. ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhookParamsSchema,
  rateLimits: WEBHOOK_TEST_RATE_LIMITS,
  response: { status: 202, description: "The queued delivery.", schema: deliverySchema },
  errors: ["CONFLICT"],
});

export const listWebhookDeliveriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/webhooks/{endpointId}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "An endpoint's delivery log",
  description: `Newest first: status, attempts, the last answer's status and time, the last error, the next attempt. Older pages: pass \`nextBefore\` as \`before\`. ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: webhookParamsSchema,
  query: listDeliveriesQuerySchema,
  response: { status: 200, description: "A page of deliveries.", schema: deliveryPageSchema },
});

export const redeliverWebhookEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/webhooks/{endpointId}/deliveries/{deliveryId}/redeliver",
  operationId: "redeliverWebhook",
  summary: "Redeliver",
  description: `Queues a delivered or given-up delivery again (the same delivery id, a fresh retry window) behind what already waits; one still waiting is 409, as is a turned-off endpoint. ${OWNERS}`,
  tags: ["Integrations"],
  auth: "session",
  permission: "integration.manage",
  params: deliveryParamsSchema,
  rateLimits: WEBHOOK_TEST_RATE_LIMITS,
  response: { status: 202, description: "The queued delivery.", schema: deliverySchema },
  errors: ["CONFLICT"],
});
