import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { rotateWebhookSecretEndpoint } from "@/lib/webhooks/endpoints";
import { rotateWebhookSecret } from "@/lib/webhooks/manage-webhooks";

export const POST = handle(rotateWebhookSecretEndpoint, async ({ ctx, params }) => rotateWebhookSecret(ctx, params.endpointId));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
