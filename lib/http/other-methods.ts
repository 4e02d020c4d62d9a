/**
 * The methods a route file does not serve. Next.js answers them with an empty 405 of its
 * own; every route file under app/api exports these handlers for them instead, so the
 * answer is the error envelope with an `Allow` header, and one log line:
 *
 *   export const GET = handle(…);
 *   export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
 *
 * tests/http/method-not-allowed.test.ts checks every route file exports all five.
 */
import { getLogger } from "@/lib/observability/logger";
import { clientIpFrom } from "@/lib/security/client-ip";
import type { HttpMethod } from "./endpoint";
import { errorResponse } from "./envelope";
import { AppError } from "./errors";
import { requestIdFrom } from "./request-id";

export const ROUTE_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export type MethodNotAllowedHandler = ((request: Request) => Promise<Response>) & { methodNotAllowed: true; allow: string };

type Declared = Partial<Record<HttpMethod, (...args: never[]) => unknown>>;

/** Handlers answering 405 for each method `declared` lacks; `declared` is the route file's own handlers. */
export function otherMethods<D extends Declared>(declared: D): Record<Exclude<HttpMethod, keyof D>, MethodNotAllowedHandler> {
  const served = ROUTE_METHODS.filter((method) => declared[method] !== undefined);
  // As Next.js computes it for OPTIONS: HEAD comes with GET, OPTIONS always.
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  // The declared path of a gate handler names the route in the log without the raw path.
  const route = Object.values(declared).map((handler) => (handler as { endpoint?: { path?: string } } | undefined)?.endpoint?.path).find(Boolean);
  const refuse = async (request: Request): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const error = new AppError("METHOD_NOT_ALLOWED", `${request.method} is not allowed here; this path takes ${served.join(", ")}.`, { allowed: served });
    const response = errorResponse(error, requestId, { allow });
    getLogger().child({ requestId }).info({ method: request.method, ...(route ? { route } : { path: new URL(request.url).pathname }), ip: clientIpFrom(request.headers), status: response.status }, "request");
    return response;
  };
  const handler = Object.assign(refuse, { methodNotAllowed: true as const, allow });
  return Object.fromEntries(ROUTE_METHODS.filter((method) => !served.includes(method)).map((method) => [method, handler])) as Record<Exclude<HttpMethod, keyof D>, MethodNotAllowedHandler>;
}
