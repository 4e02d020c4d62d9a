/**
 * HTTP request durations (cairn_http_request_duration_seconds) with bounded labels.
 *
 * Two places record, and each request is counted once:
 * - the API gate (handle()) records its endpoint's route template
 *   (/api/v1/o/{orgSlug}/assignments/{assignmentId}) and marks the request as counted;
 * - server.ts wraps every request it hands to Next.js (`countServedRequest`): when the
 *   response finishes and no gate counted it (pages, Next's assets, next-auth, unknown
 *   paths), it is counted under the page's template from the app directory
 *   (/o/{orgSlug}/tracks/{trackId}), a fixed prefix (/_next/static) or "other".
 * The mark travels in an AsyncLocalStorage scope on globalThis: route handlers may run
 * in another module graph than server.ts, but in the same process and async context.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getMetrics } from "./metrics";
import { routeTemplateMatcher } from "./route-templates";
import type { RouteTemplateMatcher } from "./route-templates";

interface RequestScope {
  counted: boolean;
}

const globalForScope = globalThis as unknown as { __cairnHttpMetricsScope?: AsyncLocalStorage<RequestScope> };
const scopes = (globalForScope.__cairnHttpMetricsScope ??= new AsyncLocalStorage<RequestScope>());

type Observer = { observe(seconds: number): void };

/**
 * The recorder of one API endpoint: the histogram's children for its (method, route) are
 * made once per status and reused, so a request costs a Map lookup and an observe.
 */
export function apiRequestRecorder(method: string, route: string): (status: number, durationMs: number) => void {
  const byStatus = new Map<number, Observer>();
  return (status, durationMs) => {
    let child = byStatus.get(status);
    if (!child) byStatus.set(status, (child = getMetrics().httpRequestDuration.labels(method, route, String(status))));
    child.observe(durationMs / 1000);
    const scope = scopes.getStore();
    if (scope) scope.counted = true;
  };
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * server.ts's wrapper around Next.js's handler: counts the request when its response
 * finishes unless the API gate already did. A request the client abandons before the
 * response finished is not counted (it has no status).
 */
export function createServedRequestCounter(matcher: RouteTemplateMatcher = routeTemplateMatcher()) {
  return function countServedRequest(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const started = performance.now();
    const scope: RequestScope = { counted: false };
    res.once("finish", () => {
      if (scope.counted) return;
      const method = req.method && METHODS.has(req.method) ? req.method : "OTHER";
      const route = matcher(pathOf(req.url));
      getMetrics()
        .httpRequestDuration.labels(method, route, String(res.statusCode))
        .observe((performance.now() - started) / 1000);
    });
    scopes.run(scope, next);
  };
}

function pathOf(url: string | undefined): string {
  if (!url) return "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
