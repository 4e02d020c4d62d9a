import { revokePersonalTokenEndpoint } from "@/lib/api-tokens/endpoints";
import { revokePersonalToken } from "@/lib/api-tokens/revoke-personal-token";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const DELETE = handle(revokePersonalTokenEndpoint, async ({ ctx, params }) => revokePersonalToken(ctx, params.tokenId));

export const { GET, POST, PUT, PATCH } = otherMethods({ DELETE });
