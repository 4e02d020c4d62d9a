import { handle } from "@/lib/http/handle";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { openApiEndpoint } from "@/lib/http/openapi-endpoint";

export const GET = handle(openApiEndpoint, async () => buildOpenApiDocument());
