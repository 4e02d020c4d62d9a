/**
 * Every route handler under app/api, found by walking the route files as Next.js
 * does, keyed by the operationId of the endpoint it serves (the gate's `handle()`
 * attaches the declaration). The authorization matrix and the OpenAPI fuzz call
 * endpoints through these, so a declared endpoint without a route file, or a route
 * file serving an undeclared endpoint, cannot hide from them.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { RouteHandler } from "@/lib/http/handle";
import type { MethodNotAllowedHandler } from "@/lib/http/other-methods";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

export async function routeHandlersByOperationId(): Promise<Map<string, RouteHandler>> {
  const handlers = new Map<string, RouteHandler>();
  for (const file of routeFiles(path.resolve("app/api"))) {
    if (file.includes("[...path]")) continue; // the catch-all 404 for unknown API paths
    if (file.includes(`${path.sep}auth${path.sep}`)) continue; // next-auth's own protocol, outside /api/v1
    const routeModule = (await import(file)) as Record<string, RouteHandler | MethodNotAllowedHandler>;
    for (const [method, handler] of Object.entries(routeModule)) {
      if (!/^(GET|POST|PUT|PATCH|DELETE)$/.test(method) || "methodNotAllowed" in handler || !("endpoint" in handler)) continue;
      const { operationId } = handler.endpoint;
      if (handlers.has(operationId)) throw new Error(`${operationId} is served by two route handlers`);
      handlers.set(operationId, handler);
    }
  }
  return handlers;
}

/** The request path of an endpoint: its template with the params filled in (encoded), and the query. */
export function endpointPath(template: string, params: Record<string, string>, query = ""): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(params[name]!);
  });
  return query ? `${filled}?${query}` : filled;
}
