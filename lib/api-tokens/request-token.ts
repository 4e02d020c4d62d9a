/**
 * The API token a request authenticated with, for the length of its handler: the
 * event log (lib/db/events.ts) stamps every event the request records with the
 * token's id and name, so the audit log says which token did what without every
 * service passing it along. Kept on globalThis, like the metrics scope: route
 * handlers and server.ts may load this module in separate module graphs.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { ApiTokenKind } from "@/lib/generated/prisma/enums";
import type { Permission } from "@/lib/authz/policy";

export interface RequestToken {
  id: string;
  name: string;
  kind: ApiTokenKind;
  /** The scopes it was given (the gate already intersected them with the member's role for the endpoint). */
  scopes: readonly Permission[];
}

const globalForTokens = globalThis as unknown as { __cairnRequestToken?: AsyncLocalStorage<RequestToken> };
const requestTokens = (globalForTokens.__cairnRequestToken ??= new AsyncLocalStorage<RequestToken>());

export function runWithRequestToken<T>(token: RequestToken | undefined, fn: () => T): T {
  return token ? requestTokens.run(token, fn) : fn();
}

export function currentRequestToken(): RequestToken | undefined {
  return requestTokens.getStore();
}

/** What an event recorded under a token request carries about it (payload.apiToken). */
export function eventTokenStamp(): { id: string; name: string; kind: ApiTokenKind } | undefined {
  const token = requestTokens.getStore();
  return token && { id: token.id, name: token.name, kind: token.kind };
}
