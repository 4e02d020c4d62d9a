/**
 * Builds the OpenAPI 3.1 document from endpoint declarations with zod 4's own
 * JSON Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12), so no
 * second description of the API exists to drift from the code.
 */
import { z } from "zod";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { acceptsTokens } from "./endpoint";
import type { AnyEndpoint } from "./endpoint";
import { ERROR_STATUS } from "./errors";
import type { ErrorCode } from "./errors";

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: (ctx) => {
      // Dates travel as ISO 8601 strings.
      if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodObject | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = toSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

/** Error codes the gate itself can answer for an endpoint, from its declaration. */
function errorCodesOf(endpoint: AnyEndpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(endpoint.errors ?? []);
  if (endpoint.auth === "session") codes.add("UNAUTHENTICATED");
  if (endpoint.permission) (["FORBIDDEN", "NOT_FOUND"] as const).forEach((code) => codes.add(code));
  if (endpoint.query || endpoint.body) codes.add("VALIDATION_FAILED");
  if (endpoint.body) (["MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"] as const).forEach((code) => codes.add(code));
  // The gate refuses cross-site writes (lib/security/same-origin.ts) and counts declared rate limits.
  if (["POST", "PUT", "PATCH", "DELETE"].includes(endpoint.method)) codes.add("FORBIDDEN");
  if (endpoint.rateLimits?.length) codes.add("RATE_LIMITED");
  codes.add("INTERNAL");
  // The database down or over its time budget (lib/db/database-failure.ts): 503 with Retry-After.
  codes.add("SERVICE_UNAVAILABLE");
  return [...codes];
}

function errorResponses(endpoint: AnyEndpoint) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(endpoint)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      { description: `Error: ${codes.join(" or ")}.`, content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } } },
    ]),
  );
}

/** JSON, and for endpoints that take files the same fields as multipart/form-data with the files beside them. */
function requestContent(endpoint: AnyEndpoint, body: z.ZodType) {
  const json = toSchema(body, "input");
  if (!endpoint.files) return { "application/json": { schema: json } };
  const { field, description } = endpoint.files;
  const properties = { ...((json.properties as Record<string, unknown> | undefined) ?? {}), [field]: { type: "array", items: { type: "string", format: "binary" }, description } };
  return { "application/json": { schema: json }, "multipart/form-data": { schema: { type: "object", properties } } };
}

export function buildOpenApiDocument(endpoints: AnyEndpoint[] = API_ENDPOINTS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const operation = {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      tags: endpoint.tags,
      // Either scheme alone (a request with both is refused): an organization endpoint also takes an API token, whose scopes must include the permission.
      security: endpoint.auth !== "session" ? [] : acceptsTokens(endpoint) ? [{ sessionCookie: [] }, { apiToken: [endpoint.permission!] }] : [{ sessionCookie: [] }],
      ...(acceptsTokens(endpoint) ? { "x-required-scope": endpoint.permission } : {}),
      parameters: [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query")],
      ...(endpoint.body ? { requestBody: { required: true, content: requestContent(endpoint, endpoint.body) } } : {}),
      responses: {
        [String(endpoint.response.status)]: {
          description: endpoint.response.description,
          content: { "application/json": { schema: toSchema(endpoint.response.schema, "output") } },
        },
        ...errorResponses(endpoint),
      },
    };
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Cairn API",
      version: "1",
      description:
        "Onboarding tracks, progress, evidence and reviews. Organization resources live under /api/v1/o/{orgSlug}. Every error answers with the same envelope; send `x-request-id` to correlate logs.",
    },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session (`__Secure-` prefixed over HTTPS)." },
        apiToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "cairn_pat_… (personal) or cairn_sat_… (service)",
          description:
            "An API token from Account settings (personal) or Organization settings (service tokens, owners), sent as `Authorization: Bearer <token>` without the session cookie. It acts in its one organization, needs the endpoint's permission among its scopes, and never exceeds its member's role at the time of the request. No Origin header is needed. 600 requests a minute per token.",
        },
      },
      schemas: {
        ErrorEnvelope: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message", "requestId"],
              properties: {
                code: { type: "string", enum: Object.keys(ERROR_STATUS) },
                message: { type: "string" },
                details: { description: "For VALIDATION_FAILED: `{ issues: [{ path, message }] }`." },
                requestId: { type: "string" },
                traceId: { type: "string", description: "The request's OpenTelemetry trace id, when the server records traces." },
              },
            },
          },
        },
      },
    },
  };
}
