import { revokeServiceTokenEndpoint } from "@/lib/api-tokens/endpoints";
import { revokeServiceToken } from "@/lib/api-tokens/revoke-service-token";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const DELETE = handle(revokeServiceTokenEndpoint, async ({ ctx, params }) => revokeServiceToken(ctx, params.tokenId));

export const { GET, POST, PUT, PATCH } = otherMethods({ DELETE });
