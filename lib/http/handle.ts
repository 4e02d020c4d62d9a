/**
 * The route gate: every API route handler is `handle(endpoint, fn, options?)`. In order it
 * assigns the request id, refuses cross-site writes (a foreign Origin; no Origin on
 * a cookie-authenticated write), refuses text PostgreSQL cannot take in the path's params,
 * authenticates (the session cookie, or an API token where the endpoint accepts one:
 * decision 0032), resolves the organization and checks the endpoint's permission,
 * validates params and query, runs the endpoint's object-level `authorize` (before any
 * body byte is read), reads (bounded) and validates the body, counts the endpoint's
 * rate limits, calls `fn`, shapes the result with the output schema, maps every
 * failure to the error envelope, and logs one line per request (with the route
 * template, never the raw path). NUL characters and unpaired surrogates in query and body
 * strings are refused (422 naming the field) before validation (storable-text.ts). Business rules live in the services `fn` calls.
 */
import type { z } from "zod";
import { authenticateToken, invalidToken } from "@/lib/api-tokens/authenticate-token";
import { runWithRequestToken } from "@/lib/api-tokens/request-token";
import type { RequestToken } from "@/lib/api-tokens/request-token";
import { can } from "@/lib/authz/policy";
import type { Permission } from "@/lib/authz/policy";
import { sessionCookieName, sessionFromCookieHeader } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { databaseUnavailable } from "@/lib/db/database-failure";
import { apiRequestRecorder } from "@/lib/observability/http-metrics";
import { getLogger } from "@/lib/observability/logger";
import type { Logger } from "@/lib/observability/logger";
import { inSpan, traceRoute } from "@/lib/observability/trace-context";
import { scopeFromRow } from "@/lib/orgs/membership";
import type { OrgContext } from "@/lib/orgs/context";
import type { MembershipRow } from "@/lib/orgs/membership";
import { clientIpFrom, rateLimitSubject } from "@/lib/security/client-ip";
import { API_TOKEN_RATE_LIMIT } from "@/lib/security/limits";
import { consumeRateLimits, rateLimited } from "@/lib/security/rate-limit";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/security/security-headers";
import { isMultipart, readJsonBody, readMultipartBody } from "./body";
import { acceptsTokens } from "./endpoint";
import type { AnyEndpoint, AuthMode, EndpointDefinition, EndpointRateLimit, RateLimitInput } from "./endpoint";
import { errorResponse, internalError, REQUEST_ID_HEADER } from "./envelope";
import { AppError, forbidden, notFound, unauthenticated } from "./errors";
import { assertStorableText } from "./storable-text";
import { requestIdFrom } from "./request-id";
import { parseInput, searchParamsToObject } from "./validation";

export interface PublicContext {
  requestId: string;
  log: Logger;
  user: SessionUser | null;
  /** The API token the request authenticated with (decision 0032); absent for a session cookie. */
  apiToken?: RequestToken;
}
export interface SessionContext extends PublicContext {
  user: SessionUser;
}
// The services' context lives with the organizations (it is not HTTP); re-exported for the routes and services that import it from here.
export type { OrgContext } from "@/lib/orgs/context";
/** What an organization endpoint's handler gets: the services' OrgContext, plus the request's id. */
export interface OrgRequestContext extends SessionContext, OrgContext {}

type ContextFor<Auth extends AuthMode, Scope> = Scope extends Permission ? OrgRequestContext : Auth extends "session" ? SessionContext : PublicContext;
type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerInput<Ctx, Params, Query, Body> {
  request: Request;
  ctx: Ctx;
  params: Params;
  query: Query;
  body: Body;
  /** Files of a multipart body (endpoints that declare `files`); empty otherwise. */
  files: File[];
}

/** Next.js passes dynamic segments as a promise in the second argument. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { endpoint: AnyEndpoint };

export interface GateOptions<Ctx, Params, Query> {
  /**
   * The object-level check (the one that needs the database: "only the assignee submits"),
   * run after the permission and the params and query are checked but before the body is
   * read, so a caller who may not act on the object never gets to send it (a 25 MB upload).
   * Throws an AppError to refuse. The handler's own checks still run: this is the early door.
   */
  authorize?: (input: { ctx: Ctx; params: Params; query: Query }) => Promise<void>;
}

export function handle<
  Auth extends AuthMode,
  Scope extends Permission | undefined,
  Params extends z.ZodObject<z.ZodRawShape> | undefined,
  Query extends z.ZodObject<z.ZodRawShape> | undefined,
  Body extends z.ZodType | undefined,
  Output extends z.ZodType,
>(
  endpoint: EndpointDefinition<Auth, Scope, Params, Query, Body, Output>,
  fn: (input: HandlerInput<ContextFor<Auth, Scope>, Out<Params>, Out<Query>, Out<Body>>) => Promise<z.input<Output> | Response>,
  options: GateOptions<ContextFor<Auth, Scope>, Out<Params>, Out<Query>> = {},
): RouteHandler {
  const recordRequest = apiRequestRecorder(endpoint.method, endpoint.path);
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const log = getLogger().child({ requestId });
    // The route template, never the raw path: invitation tokens travel in paths (/api/v1/invitations/{token}).
    const line: Record<string, unknown> = { method: request.method, route: endpoint.path, ip: clientIpFrom(request.headers) };
    let response: Response;
    try {
      response = await run(request, context, requestId, log, line);
    } catch (error) {
      response = failure(error, requestId, log);
    }
    response.headers.set(REQUEST_ID_HEADER, requestId);
    // The proxy leaves API routes' policy to them; a route that set its own (a download's sandbox) keeps it.
    if (!response.headers.has("content-security-policy")) response.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
    line.status = response.status;
    line.durationMs = Math.round((performance.now() - started) * 10) / 10;
    recordRequest(response.status, performance.now() - started);
    log[response.status >= 500 ? "error" : "info"](line, "request");
    return response;
  };

  async function run(request: Request, context: RouteContext, requestId: string, log: Logger, line: Record<string, unknown>): Promise<Response> {
    const { allowedOrigins } = getConfig();
    // A bearer token is not sent by a browser on its own, so it needs no CSRF defence; the
    // cookie is refused alongside it (bearerToken), so nothing ambient rides with it.
    const bearer = endpoint.auth === "session" ? bearerToken(request, endpoint) : null;
    // Before anything is read or written; a missing Origin only matters once a cookie has
    // authenticated the request (a request without credentials forges nothing).
    if (bearer === null) assertSameOrigin(request, allowedOrigins, false);
    const rawParams = (await context.params) ?? {};
    // Before the organization's slug reaches the session query: PostgreSQL refuses NUL (a 500).
    assertStorableText(rawParams, "params");
    // An organization's endpoint reads the session and the membership in one statement.
    const orgSlug = endpoint.permission && typeof rawParams.orgSlug === "string" ? rawParams.orgSlug : null;
    let user: SessionUser | null = null;
    let membershipRow: MembershipRow | null | undefined;
    let apiToken: RequestToken | undefined;
    if (bearer !== null) {
      // acceptsTokens: only organization endpoints, which always have the slug.
      const caller = await inSpan("gate.session", () => authenticateToken(bearer, orgSlug ?? ""));
      ({ user, membership: membershipRow, token: apiToken } = caller);
      line.tokenId = apiToken.id;
      const outcome = await inSpan("gate.rate_limits", () => consumeRateLimits([{ ...API_TOKEN_RATE_LIMIT, key: `token:${caller.token.id}`, cost: 1 }]));
      if (!outcome.allowed) {
        line.rateLimited = true;
        throw rateLimited(outcome.retryAfterSeconds);
      }
    } else if (endpoint.auth === "session") {
      const session = await inSpan("gate.session", () => sessionFromCookieHeader(request.headers.get("cookie"), orgSlug));
      user = session?.user ?? null;
      membershipRow = session?.membership;
      if (!user) throw unauthenticated();
      assertSameOrigin(request, allowedOrigins, true);
    }
    line.userId = user?.id;

    // A path that does not fit the endpoint's shape names nothing that exists.
    const parsedParams = endpoint.params?.safeParse(rawParams);
    if (parsedParams && !parsedParams.success) throw notFound();
    const params = parsedParams?.data as Out<Params>;

    let ctx: PublicContext | OrgRequestContext = { requestId, log, user, ...(apiToken ? { apiToken } : {}) };
    if (endpoint.permission) {
      const scope = scopeFromRow(membershipRow);
      line.orgId = scope.organization.id;
      if (!can(scope.membership.role, endpoint.permission)) throw forbidden();
      // A token never exceeds its member's role as it is now (checked above), nor the scopes it was given.
      if (apiToken && !apiToken.scopes.includes(endpoint.permission)) throw forbidden(`This API token does not have the ${endpoint.permission} scope.`);
      ctx = { ...ctx, user: user!, ...scope, log: log.child({ orgId: scope.organization.id, userId: user!.id, ...(apiToken ? { tokenId: apiToken.id } : {}) }) };
    }

    const query = (endpoint.query ? parseInput(endpoint.query, storable(searchParamsToObject(new URL(request.url).searchParams), "query"), "query") : undefined) as Out<Query>;
    if (options.authorize) await inSpan("gate.authorize", () => options.authorize!({ ctx: ctx as ContextFor<Auth, Scope>, params, query }));

    let body = undefined as Out<Body>;
    let files: File[] = [];
    if (endpoint.body && endpoint.files && isMultipart(request)) {
      const form = await inSpan("gate.body", () => readMultipartBody(request, endpoint.files!.maxBodyBytes, endpoint.files!.field));
      files = form.files;
      body = parseInput(endpoint.body, storable(form.fields, "body"), "body") as Out<Body>;
    } else if (endpoint.body) {
      const raw = await inSpan("gate.body", () => readJsonBody(request, endpoint.bodyLimitBytes ?? getConfig().API_BODY_LIMIT_BYTES));
      body = parseInput(endpoint.body, storable(raw, "body"), "body") as Out<Body>;
    }

    if (endpoint.rateLimits?.length) {
      const input = { ip: clientIpFrom(request.headers), userId: user?.id ?? null, orgId: "organization" in ctx ? ctx.organization.id : null, params, query, body };
      const outcome = await inSpan("gate.rate_limits", () => consumeRateLimits(endpoint.rateLimits!.map((limit) => rateLimitCheck(limit, input))));
      if (!outcome.allowed) {
        line.rateLimited = true;
        throw rateLimited(outcome.retryAfterSeconds);
      }
    }

    // Under the token's scope, so the events the handler records name it (lib/db/events.ts).
    const result = await inSpan(`service ${endpoint.operationId}`, () =>
      runWithRequestToken(apiToken, () => fn({ request, ctx: ctx as ContextFor<Auth, Scope>, params, query, body, files })),
    );
    if (result instanceof Response) return result;
    return Response.json(shapeOutput(result), { status: endpoint.response.status, headers: { "cache-control": "no-store" } });
  }

  function shapeOutput(result: unknown): unknown {
    const shaped = endpoint.response.schema.safeParse(result);
    // The handler broke its own contract: a bug, reported opaquely like any other.
    if (!shaped.success) throw new Error(`${endpoint.operationId}: response does not match its schema: ${shaped.error.message}`);
    return shaped.data;
  }

  // Inside the route's span (trace-context.ts), so the error envelope and every log line can name the trace.
  return Object.assign(traceRoute(endpoint.path, route), { endpoint: endpoint as unknown as AnyEndpoint });
}

/**
 * The API token of an `Authorization: Bearer` header, or null without one. Another scheme
 * is not Cairn's (a proxy's Basic authentication passed along) and is ignored. Refused (401)
 * on an endpoint that does not accept tokens, when malformed, or beside a session cookie:
 * a request carries one credential, never two to pick from (decision 0032).
 */
function bearerToken(request: Request, endpoint: AnyEndpoint): string | null {
  const header = request.headers.get("authorization");
  if (header === null || !/^bearer(\s|$)/i.test(header)) return null;
  if (!acceptsTokens(endpoint)) throw new AppError("UNAUTHENTICATED", "This endpoint does not accept API tokens: it needs a signed-in session.");
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) throw invalidToken();
  const cookieName = sessionCookieName();
  const cookies = request.headers.get("cookie") ?? "";
  if (cookies.split(";").some((pair) => pair.trim().startsWith(cookieName))) {
    throw new AppError("BAD_REQUEST", "Send either an API token or a session cookie, not both.");
  }
  return match[1]!;
}

/** The input unchanged, once no string in it holds a NUL or an unpaired surrogate (else the 422 naming them). */
function storable<T>(value: T, prefix: string): T {
  assertStorableText(value, prefix);
  return value;
}

function rateLimitCheck<Input extends RateLimitInput>(limit: EndpointRateLimit<Input>, input: Input) {
  const key = limit.key === "ip" ? `ip:${rateLimitSubject(input.ip)}` : `input:${limit.key(input)}`;
  return { name: limit.name, points: limit.points, durationSeconds: limit.durationSeconds, key, cost: limit.cost?.(input) ?? 1 };
}

function failure(error: unknown, requestId: string, log: Logger): Response {
  // The database down or over its time budget is a 503 to retry, not a bug (lib/db/database-failure.ts).
  const unavailable = databaseUnavailable(error);
  if (unavailable) log.warn({ err: error }, "database unavailable");
  error = unavailable ?? error;
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    // RFC 9110 Retry-After in seconds, for clients that honour the header rather than the body.
    const retries = error.code === "RATE_LIMITED" || error.code === "SERVICE_UNAVAILABLE";
    return errorResponse(error, requestId, retries && typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : undefined);
  }
  log.error({ err: error }, "unhandled error");
  return errorResponse(internalError(), requestId);
}
