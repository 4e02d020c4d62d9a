import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { createWebhookEndpoint, listWebhooksEndpoint } from "@/lib/webhooks/endpoints";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage-webhooks";

export const GET = handle(listWebhooksEndpoint, async ({ ctx, query }) => listWebhooks(ctx, query.kind));

export const POST = handle(createWebhookEndpoint, async ({ ctx, body }) => createWebhook(ctx, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
