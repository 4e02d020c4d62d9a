/**
 * The operations of the OpenAPI document as the fuzz needs them: method, path,
 * whether a session is required, and the JSON Schemas of the path and query
 * parameters and of the request body (read from GET /api/v1/openapi.json, the same
 * document clients get).
 */
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import type { HttpMethod } from "@/lib/http/endpoint";
import { callRoute } from "../../support/call-route";

export type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  [key: string]: unknown;
};

export interface Parameter {
  name: string;
  schema: JsonSchema;
}

export interface FuzzOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  session: boolean;
  orgScoped: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: JsonSchema;
  multipart: boolean;
}

interface OpenApiOperation {
  operationId: string;
  security: unknown[];
  parameters: Array<{ name: string; in: "path" | "query"; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export async function readOpenApiOperations(): Promise<FuzzOperation[]> {
  const { status, json } = await callRoute(openApiRoute);
  if (status !== 200) throw new Error(`the OpenAPI document answered ${status}`);
  const operations: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(json!.paths as Record<string, Record<string, OpenApiOperation>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      const content = operation.requestBody?.content ?? {};
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        session: operation.security.length > 0,
        orgScoped: path.includes("{orgSlug}"),
        pathParams: operation.parameters.filter((parameter) => parameter.in === "path").map(({ name, schema }) => ({ name, schema })),
        queryParams: operation.parameters.filter((parameter) => parameter.in === "query").map(({ name, schema }) => ({ name, schema })),
        body: content["application/json"]?.schema,
        multipart: "multipart/form-data" in content,
      });
    }
  }
  return operations;
}

/** The JSON types a schema allows ("integer" also for "number" values that are whole). */
export function typesOf(schema: JsonSchema): Set<string> {
  if (schema.anyOf ?? schema.oneOf) return new Set((schema.anyOf ?? schema.oneOf)!.flatMap((branch) => [...typesOf(branch)]));
  if (schema.const !== undefined) return new Set([jsonType(schema.const)]);
  if (schema.enum) return new Set(schema.enum.map(jsonType));
  if (Array.isArray(schema.type)) return new Set(schema.type);
  if (schema.type) return new Set([schema.type]);
  return new Set(["string", "integer", "number", "boolean", "null", "array", "object"]);
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** The branch of a schema that describes `value` (for anyOf: the first whose type fits). */
export function branchFor(schema: JsonSchema, value: unknown): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  const type = jsonType(value);
  const fits = (branch: JsonSchema) => {
    const types = typesOf(branch);
    return types.has(type) || (type === "integer" && types.has("number"));
  };
  const candidates = branches.filter(fits);
  // Objects: the branch whose properties hold the value's keys (createTrack's text or library).
  if (type === "object" && candidates.length > 1) {
    const keys = Object.keys(value as object);
    return candidates.find((branch) => keys.every((key) => key in (branch.properties ?? {}))) ?? candidates[0]!;
  }
  return candidates[0] ?? branches[0]!;
}
