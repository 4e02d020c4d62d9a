/** Shared set-up for the API token tests: the token routes, and calls made with a bearer token. */
import { GET as listPersonalRoute, POST as createPersonalRoute } from "@/app/api/v1/me/tokens/route";
import { DELETE as revokePersonalRoute } from "@/app/api/v1/me/tokens/[tokenId]/route";
import { GET as listServiceRoute, POST as createServiceRoute } from "@/app/api/v1/o/[orgSlug]/service-tokens/route";
import { DELETE as revokeServiceRoute } from "@/app/api/v1/o/[orgSlug]/service-tokens/[tokenId]/route";
import type { RouteHandler } from "@/lib/http/handle";
import { callRoute } from "../support/call-route";
import type { CallOptions } from "../support/call-route";

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface TokenSpec {
  name?: string;
  scopes: string[];
  expiresInDays?: number | null;
}

export function createPersonalToken(cookie: string, orgSlug: string, spec: TokenSpec) {
  return callRoute(createPersonalRoute, { cookie, body: { orgSlug, name: spec.name ?? "Test token", scopes: spec.scopes, expiresInDays: spec.expiresInDays ?? null } });
}

/** A personal token's secret and id; throws when the route refused. */
export async function personalToken(cookie: string, orgSlug: string, spec: TokenSpec) {
  const created = await createPersonalToken(cookie, orgSlug, spec);
  if (created.status !== 201) throw new Error(`createPersonalToken answered ${created.status} ${created.text}`);
  return { token: created.json!.token as string, id: created.json!.id as string };
}

export function listPersonalTokens(cookie: string) {
  return callRoute(listPersonalRoute, { cookie });
}

export function revokePersonalToken(cookie: string, tokenId: string) {
  return callRoute(revokePersonalRoute, { path: `/api/v1/me/tokens/${tokenId}`, params: { tokenId }, cookie });
}

export function createServiceToken(cookie: string, orgSlug: string, body: { name?: string; role: string; scopes: string[]; expiresInDays?: number | null }) {
  return callRoute(createServiceRoute, {
    path: `/api/v1/o/${orgSlug}/service-tokens`,
    params: { orgSlug },
    cookie,
    body: { name: body.name ?? "CI bot", role: body.role, scopes: body.scopes, expiresInDays: body.expiresInDays ?? null },
  });
}

export function listServiceTokens(cookie: string, orgSlug: string) {
  return callRoute(listServiceRoute, { path: `/api/v1/o/${orgSlug}/service-tokens`, params: { orgSlug }, cookie });
}

export function revokeServiceToken(cookie: string, orgSlug: string, tokenId: string) {
  return callRoute(revokeServiceRoute, { path: `/api/v1/o/${orgSlug}/service-tokens/${tokenId}`, params: { orgSlug, tokenId }, cookie });
}

/** Calls an organization route with a bearer token and no cookie (and, unless given, no Origin: a server-side client). */
export function callWithToken(handler: RouteHandler, token: string, orgSlug: string, options: Omit<CallOptions, "cookie"> & { extraParams?: Record<string, string> } = {}) {
  const params = { orgSlug, ...options.extraParams };
  const path = options.path ?? handler.endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name as keyof typeof params] ?? `{${name}}`);
  return callRoute(handler, { origin: null, ...options, path, params, headers: { ...bearer(token), ...options.headers } });
}
