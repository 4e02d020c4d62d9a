import { handle } from "@/lib/http/handle";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { openApiEndpoint } from "@/lib/http/openapi-endpoint";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(openApiEndpoint, async () => buildOpenApiDocument());

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
