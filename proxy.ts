/**
 * Next.js 16's proxy (formerly middleware): runs before every route. It gives each
 * request a fresh CSP nonce: on the request, so Next.js stamps its own scripts with it
 * (it reads the nonce from the request's Content-Security-Policy) and the root layout
 * can hand it to our inline theme script (`x-nonce`); and on the response, with HSTS
 * where it applies. The fixed security headers come from next.config.ts.
 *
 * Not on Cairn's API routes: a header the proxy puts on the response wins over the one
 * the route sets (Next.js adds a route's header only when it is absent), which replaced
 * the download route's sandbox with the page policy. Those routes set their own
 * (lib/security/security-headers.ts, routeSetsItsOwnPolicy).
 */
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { contentSecurityPolicy, createNonce, NONCE_HEADER, routeSetsItsOwnPolicy, strictTransportSecurity } from "@/lib/security/security-headers";

/** A NUL in a path segment: PostgreSQL refuses it in text, so a page that looked it up answered 500. */
const NUL_IN_PATH = /%00/;

export function proxy(request: NextRequest) {
  // No page or resource has a NUL in its path: the not-found page (404), before any lookup.
  // API routes refuse it in the gate, in the error envelope (lib/http/storable-text.ts).
  if (NUL_IN_PATH.test(request.nextUrl.pathname) && !request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.rewrite(new URL("/_no-such-page", request.url), { status: 404 });
  }
  const settings = getConfig();
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV !== "production", publicUrl: settings.NEXTAUTH_URL });

  // Whatever a client sent under these names is replaced, never trusted.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!routeSetsItsOwnPolicy(request.nextUrl.pathname)) response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity({ production: settings.NODE_ENV === "production", publicUrl: settings.NEXTAUTH_URL });
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  // Everything but build assets, which render no page (next.config.ts gives them a script-less policy).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
