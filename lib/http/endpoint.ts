/**
 * An endpoint's contract: method, path, who may call it and the zod shapes of
 * its input and output. The route gate (handle.ts) enforces it and the OpenAPI
 * document (openapi.ts) is generated from it, so declaring is documenting.
 */
import type { z } from "zod";
import type { Permission } from "@/lib/authz/policy";
import type { RateLimit } from "@/lib/security/rate-limit";
import type { ErrorCode } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type AnyObject = z.ZodObject<z.ZodRawShape>;

export type AuthMode = "public" | "session";

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a rate limit's key and cost are computed from: the validated input and the caller. */
export interface RateLimitInput<Params = unknown, Query = unknown, Body = unknown> {
  /** The client's address (lib/security/client-ip.ts). */
  ip: string;
  userId: string | null;
  /** For organization-scoped endpoints. */
  orgId: string | null;
  params: Params;
  query: Query;
  body: Body;
}

/**
 * A rate limit on an endpoint, checked by the gate after validation and before the handler.
 * `key` names whose attempts are counted: "ip" (the client's address; IPv6 by /64), or a
 * value from the input such as the email. Over the limit the gate answers 429 RATE_LIMITED
 * with Retry-After. Shared presets live in lib/security/limits.ts.
 */
export interface EndpointRateLimit<Input = RateLimitInput> extends RateLimit {
  key: "ip" | ((input: Input) => string);
  /** Points one request takes (e.g. the number of invitations it sends); 1 when unset. */
  cost?: (input: Input) => number;
}

export interface EndpointDefinition<
  Auth extends AuthMode = AuthMode,
  Scope extends Permission | undefined = Permission | undefined,
  Params extends AnyObject | undefined = AnyObject | undefined,
  Query extends AnyObject | undefined = AnyObject | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Output extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI-style path, e.g. "/api/v1/o/{orgSlug}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** "public": anyone; "session": a signed-in user, or an API token where `tokens` allows it. */
  auth: Auth;
  /**
   * Whether `Authorization: Bearer cairn_…` API tokens are accepted (decision 0032).
   * Default: yes for organization endpoints (they declare a permission, and a token
   * acts within one organization), no for everything else. Set `false` where only the
   * person at the browser may act (managing tokens themselves); account endpoints
   * (password, sessions, one's tokens) never accept them.
   */
  tokens?: boolean;
  /**
   * For organization-scoped endpoints (a path with {orgSlug}): the permission the
   * caller's role needs. The gate resolves the organization from the caller's
   * memberships, so another organization's slug is a 404.
   */
  permission?: Scope;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Largest accepted body; API_BODY_LIMIT_BYTES when unset. */
  bodyLimitBytes?: number;
  /**
   * The endpoint also takes multipart/form-data: its text fields are validated
   * by `body` like JSON, and the files in `field` reach the handler as `files`.
   * `maxBodyBytes` bounds the whole multipart body (413 beyond it).
   */
  files?: { field: string; maxBodyBytes: number; description: string };
  response: { status: number; description: string; schema: Output };
  /** Counted after the input is validated, before the handler runs; see EndpointRateLimit. */
  rateLimits?: ReadonlyArray<EndpointRateLimit<RateLimitInput<Out<Params>, Out<Query>, Out<Body>>>>;
  /** Error codes worth documenting beyond the ones the gate itself may answer. */
  errors?: ErrorCode[];
}

export type AnyEndpoint = EndpointDefinition<AuthMode, Permission | undefined, AnyObject | undefined, AnyObject | undefined, z.ZodType | undefined, z.ZodType>;

/** Identity function that keeps the literal types of a definition. */
export function defineEndpoint<
  Auth extends AuthMode,
  Scope extends Permission | undefined = undefined,
  Params extends AnyObject | undefined = undefined,
  Query extends AnyObject | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Output extends z.ZodType = z.ZodType,
>(definition: EndpointDefinition<Auth, Scope, Params, Query, Body, Output>): EndpointDefinition<Auth, Scope, Params, Query, Body, Output> {
  if (definition.path.includes("{orgSlug}") !== Boolean(definition.permission)) {
    throw new Error(`${definition.operationId}: organization-scoped paths (with {orgSlug}) must declare a permission, and only they may`);
  }
  if (definition.tokens && !definition.permission) {
    throw new Error(`${definition.operationId}: only organization endpoints can accept API tokens (a token acts within one organization)`);
  }
  return definition;
}

/** Whether the gate accepts API tokens on this endpoint (see `tokens`). */
export function acceptsTokens(endpoint: Pick<AnyEndpoint, "auth" | "permission" | "tokens">): boolean {
  return endpoint.auth === "session" && Boolean(endpoint.permission) && endpoint.tokens !== false;
}
