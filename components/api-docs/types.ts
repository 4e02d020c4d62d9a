// The slice of OpenAPI 3.1 that the reference page renders. Declared here rather than
// imported from the server's generator so the page depends only on the document's shape.

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A JSON Schema object; shown as JSON, never interpreted beyond a short type label. */
export type JsonSchema = { [key: string]: unknown };

export interface ApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: JsonSchema;
}

export interface ApiMediaType {
  schema?: JsonSchema;
}

export interface ApiRequestBody {
  description?: string;
  required?: boolean;
  content: Record<string, ApiMediaType>;
}

export interface ApiResponse {
  description: string;
  content?: Record<string, ApiMediaType>;
}

/** Each entry is one acceptable way to authenticate; an empty list means none is needed. */
export type ApiSecurityRequirement = Record<string, string[]>;

export interface ApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: ApiSecurityRequirement[];
  parameters?: ApiParameter[];
  requestBody?: ApiRequestBody;
  responses: Record<string, ApiResponse>;
}

export interface ApiSecurityScheme {
  type: string;
  description?: string;
  scheme?: string;
  bearerFormat?: string;
  name?: string;
  in?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags?: Array<{ name: string; description?: string }>;
  security?: ApiSecurityRequirement[];
  paths: Record<string, Partial<Record<HttpMethod, ApiOperation>>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, ApiSecurityScheme>;
  };
}

/** One operation, flattened and with its references resolved, ready to render. */
export interface DocOperation {
  anchor: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Names of the schemes that may authenticate the call; empty when it is public. */
  security: string[];
  parameters: ApiParameter[];
  requestBody?: ApiRequestBody;
  responses: Array<[status: string, response: ApiResponse]>;
}

export interface TagGroup {
  name: string;
  anchor: string;
  description?: string;
  operations: DocOperation[];
}
