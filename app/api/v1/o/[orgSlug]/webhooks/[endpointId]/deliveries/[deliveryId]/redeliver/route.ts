import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { redeliver } from "@/lib/webhooks/deliveries";
import { redeliverWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const POST = handle(redeliverWebhookEndpoint, async ({ ctx, params }) => redeliver(ctx, params.endpointId, params.deliveryId));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
