/**
 * The browser-security headers every response carries. The fixed ones are set by
 * next.config.ts for every path; HSTS (decided from the runtime configuration, not at
 * build time) by proxy.ts. The Content-Security-Policy depends on what answers:
 * - pages (and next-auth's routes): the strict policy with a fresh nonce, from proxy.ts;
 * - Cairn's API routes: their own, set by the route (the gate's API_CONTENT_SECURITY_POLICY,
 *   or a download's sandbox). Next.js keeps a header that next.config.ts or the proxy put
 *   on the response and drops the route's, so neither may set one on these paths;
 * - build assets, which the proxy skips: the nonce-less policy from next.config.ts.
 * Pure functions, no configuration reads: proxy.ts and next.config.ts import them.
 */

/** The request header proxy.ts passes the nonce in, for the root layout's inline script. */
export const NONCE_HEADER = "x-nonce";

export interface Header {
  key: string;
  value: string;
}

/** Headers that never vary by request or deployment. */
export const FIXED_SECURITY_HEADERS: readonly Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers without CSP frame-ancestors; both say "never inside a frame".
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // A window Cairn opens, or that opens Cairn, gets no handle on the other.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export interface CspOptions {
  /** Per-request nonce for scripts; null for responses no page is rendered into (static files). */
  nonce: string | null;
  /** React's development build evaluates code (error overlays, stack reconstruction) and HMR uses WebSockets. */
  development: boolean;
  /** The public URL (NEXTAUTH_URL): its WebSocket origin carries Socket.IO. Unset for static files. */
  publicUrl?: string;
}

/**
 * A strict policy: scripts only with this response's nonce, and what they load
 * ('strict-dynamic', which lets Next's bootstrap load its chunks). Styles may be inline:
 * React style attributes and Next's style tags need it, and an injected style can deface
 * a page but not run script. No plugins, no framing by anyone, forms and <base> only to
 * ourselves.
 */
export function contentSecurityPolicy({ nonce, development, publicUrl }: CspOptions): string {
  const url = publicUrl ? new URL(publicUrl) : undefined;
  const socketOrigins = url ? [`${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`] : [];
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  if (development) scripts.push("'unsafe-eval'");
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", ...scripts],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // 'self' covers same-origin WebSockets in current browsers; the explicit origin covers the rest.
    ["connect-src", "'self'", ...socketOrigins, ...(development ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (url?.protocol === "https:") directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * For answers no page is rendered from (JSON, CSV, the error envelope): nothing may load
 * or run, and nothing may frame them.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Whether the route answering `pathname` sets its own Content-Security-Policy (everything
 * under /api/ that Cairn serves: the gate, the catch-all), so proxy.ts must leave it alone.
 * next-auth's routes (/api/auth/…) can render its pages and get the page policy.
 */
export function routeSetsItsOwnPolicy(pathname: string): boolean {
  return pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/");
}

/** HSTS only where it is true and safe: production, served over HTTPS. Two years, subdomains too. */
export function strictTransportSecurity({ production, publicUrl }: { production: boolean; publicUrl: string }): string | null {
  return production && publicUrl.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

/** 128 random bits, base64: unguessable, and in the form Next.js reads from the CSP header. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
