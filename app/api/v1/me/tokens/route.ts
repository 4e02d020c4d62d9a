import { createPersonalToken } from "@/lib/api-tokens/create-personal-token";
import { createPersonalTokenEndpoint, listPersonalTokensEndpoint } from "@/lib/api-tokens/endpoints";
import { listPersonalTokens } from "@/lib/api-tokens/list-personal-tokens";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listPersonalTokensEndpoint, async ({ ctx }) => listPersonalTokens(ctx));

export const POST = handle(createPersonalTokenEndpoint, async ({ ctx, body }) => createPersonalToken(ctx, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
