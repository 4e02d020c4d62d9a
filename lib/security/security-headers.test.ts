import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, createNonce, FIXED_SECURITY_HEADERS, routeSetsItsOwnPolicy, strictTransportSecurity } from "./security-headers";

/** The directives of a policy as a map, e.g. { "script-src": ["'self'", …] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("contentSecurityPolicy", () => {
  it("in production allows scripts only with the nonce (and what they load), and nothing frames the page", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", development: false, publicUrl: "https://cairn.example.com" }));
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["img-src"]).toEqual(["'self'", "data:", "blob:"]);
    expect(policy["connect-src"]).toEqual(["'self'", "wss://cairn.example.com"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy["upgrade-insecure-requests"]).toEqual([]);
  });

  it("in development also allows eval (React's debugging) and WebSockets (HMR), and does not upgrade plain http", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n0nce", development: true, publicUrl: "http://localhost:3000" }));
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    expect(policy["connect-src"]).toEqual(["'self'", "ws://localhost:3000", "ws:"]);
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("without a nonce (build assets) allows only same-origin scripts", () => {
    const policy = directives(contentSecurityPolicy({ nonce: null, development: false }));
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  });
});

describe("routeSetsItsOwnPolicy", () => {
  it("is true for Cairn's API routes (a download's sandbox must survive) and false for pages and next-auth's routes", () => {
    for (const path of ["/api/v1/o/acme/evidence/files/abc", "/api/v1/openapi.json", "/api/health/live", "/api/nowhere"]) expect(routeSetsItsOwnPolicy(path), path).toBe(true);
    for (const path of ["/", "/o/acme", "/api", "/apiary", "/api/auth/csrf", "/api/auth/callback/github", "/docs/api"]) expect(routeSetsItsOwnPolicy(path), path).toBe(false);
  });

  it("gives API answers a policy under which nothing loads, runs or frames them", () => {
    const policy = directives(API_CONTENT_SECURITY_POLICY);
    expect(policy).toEqual({ "default-src": ["'none'"], "frame-ancestors": ["'none'"] });
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in the base64 form Next.js extracts from the policy", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/); // Next.js's CSP_NONCE_SOURCE_REGEX accepts this
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("strictTransportSecurity", () => {
  it("is sent only in production over https", () => {
    expect(strictTransportSecurity({ production: true, publicUrl: "https://cairn.example.com" })).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity({ production: true, publicUrl: "http://cairn.internal:3000" })).toBeNull();
    expect(strictTransportSecurity({ production: false, publicUrl: "https://cairn.example.com" })).toBeNull();
  });
});

describe("FIXED_SECURITY_HEADERS", () => {
  it("forbid sniffing and framing, trim referrers and switch off powerful features", () => {
    const byName = Object.fromEntries(FIXED_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));
    expect(byName).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
      "permissions-policy": expect.stringContaining("camera=()"),
    });
  });
});
