/** Calls a route handler the way Next.js does: a Request plus a promise of the path's params. */
import type { RouteHandler } from "@/lib/http/handle";

export interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  cookie?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as-is (for malformed bodies). */
  body?: unknown;
}

export async function callRoute(handler: RouteHandler, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost:3000${options.path ?? handler.endpoint.path}`, {
    method: options.method ?? handler.endpoint.method,
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { response, status: response.status, json: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}
