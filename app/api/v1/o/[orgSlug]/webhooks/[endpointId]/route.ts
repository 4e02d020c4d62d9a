import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/manage-webhooks";

export const PATCH = handle(updateWebhookEndpoint, async ({ ctx, params, body }) => updateWebhook(ctx, params.endpointId, body));

export const DELETE = handle(deleteWebhookEndpoint, async ({ ctx, params }) => deleteWebhook(ctx, params.endpointId));

export const { GET, POST, PUT } = otherMethods({ PATCH, DELETE });
