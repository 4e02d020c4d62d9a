import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { sendTestEvent } from "@/lib/webhooks/deliveries";
import { sendTestWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const POST = handle(sendTestWebhookEndpoint, async ({ ctx, params }) => sendTestEvent(ctx, params.endpointId));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
