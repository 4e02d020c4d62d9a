/**
 * CSRF defence for the JSON API: a browser always sends `Origin` on POST, PUT, PATCH
 * and DELETE, and a page on another site cannot forge it. So a state-changing request
 * that carries a foreign Origin is refused outright, and one authenticated by the
 * session cookie (which the browser attaches on its own) must carry one of ours.
 * SameSite=Lax cookies already stop most cross-site POSTs; this also covers sibling
 * subdomains (same-site, different origin) and old browsers. next-auth's own routes
 * are not behind the gate: they check their double-submit CSRF token.
 */
import { forbidden } from "@/lib/http/errors";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

export type OriginVerdict = "same-origin" | "missing" | "foreign";

/** Compares the request's Origin with the allowed origins (each "scheme://host[:port]"). */
export function originVerdict(headers: Headers, allowedOrigins: readonly string[]): OriginVerdict {
  const origin = headers.get("origin");
  if (origin === null || origin === "") return "missing";
  // "null" (sandboxed frames, some redirects) is never one of ours.
  return allowedOrigins.includes(origin.toLowerCase()) ? "same-origin" : "foreign";
}

/**
 * Throws 403 FORBIDDEN for a state-changing request from a foreign origin, and, when
 * `originRequired` (the session cookie authenticated it), for one without an Origin.
 */
export function assertSameOrigin(request: Request, allowedOrigins: readonly string[], originRequired: boolean): void {
  if (!isStateChanging(request.method)) return;
  const verdict = originVerdict(request.headers, allowedOrigins);
  if (verdict === "foreign" || (verdict === "missing" && originRequired)) {
    throw forbidden("Cross-site request refused.");
  }
}
