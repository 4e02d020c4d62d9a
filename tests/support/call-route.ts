/**
 * Calls a route handler the way Next.js does behind server.ts: a Request plus a
 * promise of the path's params. Like a browser on Cairn's own pages, a state-changing
 * call carries `Origin: http://localhost:3000` (the tests' NEXTAUTH_URL); and like
 * server.ts, every call carries a client address, a fresh one per call unless given,
 * so per-IP rate limits never couple unrelated tests.
 */
import { randomInt } from "node:crypto";
import type { RouteHandler } from "@/lib/http/handle";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";

export const TEST_ORIGIN = "http://localhost:3000";

export interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  cookie?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as-is (for malformed bodies); FormData as multipart. */
  body?: unknown;
  /** The Origin of a POST/PUT/PATCH/DELETE: TEST_ORIGIN unless given; null sends none. */
  origin?: string | null;
  /** The client address server.ts would record: a random one unless given; null sends none. */
  clientIp?: string | null;
}

/** A random address in 10.0.0.0/8: unlikely to repeat within one test file. */
export function randomClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export async function callRoute(handler: RouteHandler, options: CallOptions = {}) {
  const method = options.method ?? handler.endpoint.method;
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
  if (origin !== null && /^(POST|PUT|PATCH|DELETE)$/i.test(method) && !headers.has("origin")) headers.set("origin", origin);
  const clientIp = options.clientIp === undefined ? randomClientIp() : options.clientIp;
  if (clientIp !== null && !headers.has(CLIENT_IP_HEADER)) headers.set(CLIENT_IP_HEADER, clientIp);
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    // The Request sets multipart/form-data with its boundary.
    body = options.body;
  } else if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost:3000${options.path ?? handler.endpoint.path}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  // JSON (every answer of the gate, errors too) is parsed; other bodies (a CSV, a file) are read from `text`.
  const isJson = (response.headers.get("content-type") ?? "application/json").includes("json");
  return { response, status: response.status, text, json: text && isJson ? (JSON.parse(text) as Record<string, any>) : undefined };
}
