import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { listWebhookDeliveriesEndpoint } from "@/lib/webhooks/endpoints";

export const GET = handle(listWebhookDeliveriesEndpoint, async ({ ctx, params, query }) => listDeliveries(ctx, params.endpointId, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
