import { createServiceToken } from "@/lib/api-tokens/create-service-token";
import { createServiceTokenEndpoint, listServiceTokensEndpoint } from "@/lib/api-tokens/endpoints";
import { listServiceTokens } from "@/lib/api-tokens/list-service-tokens";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listServiceTokensEndpoint, async ({ ctx }) => listServiceTokens(ctx));

export const POST = handle(createServiceTokenEndpoint, async ({ ctx, body }) => createServiceToken(ctx, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
