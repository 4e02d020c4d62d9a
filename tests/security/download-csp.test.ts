/**
 * The download sandbox reaches the browser (issue 13). The evidence download route sets
 * `sandbox; default-src 'none'`, but the response carried the page policy: Next.js puts the
 * headers of next.config.ts and of the proxy on the response first and adds a route's
 * header only when it is absent (next/dist/server/send-response.js), so whichever of them
 * set a CSP won. This test runs the real pieces (next.config.ts's headers, the real proxy
 * with a NextRequest, the real download route) and combines them the way Next.js does.
 * e2e/downloads.spec.ts checks the same through the real server.
 */
import { NextRequest } from "next/server";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { proxy } from "@/proxy";
import { GET as downloadRoute } from "@/app/api/v1/o/[orgSlug]/evidence/files/[fileId]/route";
import { GET as unknownApiPath } from "@/app/api/[...path]/route";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/security/security-headers";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg, submitEvidence } from "../evidence/evidence-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

/** The headers next.config.ts gives `pathname`, later rules over earlier ones, as Next.js applies them. */
async function configHeaders(pathname: string): Promise<Headers> {
  const headers = new Headers();
  for (const rule of (await nextConfig.headers?.()) ?? []) {
    if (getPathMatch(rule.source)(pathname) === false) continue;
    for (const { key, value } of rule.headers) headers.set(key, value);
  }
  return headers;
}

/** What the proxy puts on the response (Next.js's x-middleware-* bookkeeping aside). */
function proxyHeaders(pathname: string): Headers {
  const response = proxy(new NextRequest(`http://localhost:3000${pathname}`));
  const headers = new Headers();
  response.headers.forEach((value, key) => {
    if (!key.startsWith("x-middleware-")) headers.set(key, value);
  });
  return headers;
}

/** The response the browser gets: config, then proxy (each overriding), then the route's headers where still absent. */
async function asServed(pathname: string, route: Response): Promise<Headers> {
  const served = await configHeaders(pathname);
  proxyHeaders(pathname).forEach((value, key) => served.set(key, value));
  route.headers.forEach((value, key) => {
    if (!served.has(key)) served.set(key, value);
  });
  return served;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const HTML = new TextEncoder().encode("<!doctype html><script>alert(document.domain)</script>\n");

describe("Content-Security-Policy of downloads", () => {
  it("a downloaded file is served with the route's sandbox, not the page policy", async () => {
    const org = await assignedOrg();
    const form = new FormData();
    form.set("note", "Files.");
    form.append("files", new File([PNG], "screen.png"));
    form.append("files", new File([HTML], "page.txt"));
    const sent = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), form);
    expect(sent.status).toBe(201);

    for (const file of sent.json!.files as Array<{ id: string }>) {
      const pathname = `/api/v1/o/${org.slug}/evidence/files/${file.id}`;
      const route = await downloadRoute(new Request(`http://localhost:3000${pathname}`, { headers: { cookie: org.mentor.cookie } }), { params: Promise.resolve({ orgSlug: org.slug, fileId: file.id }) });
      expect(route.status).toBe(200);
      await route.body?.cancel();
      const policy = (await asServed(pathname, route)).get("content-security-policy") ?? "";
      const directives = policy.split(";").map((part) => part.trim().split(/\s+/)[0]);
      expect(directives).toContain("sandbox");
      expect(policy).toContain("default-src 'none'");
      expect(policy).not.toContain("script-src");
      expect(policy).not.toContain("nonce-");
    }
  });

  it("neither next.config.ts nor the proxy sets a CSP on Cairn's API paths", async () => {
    for (const pathname of ["/api/v1/o/acme/evidence/files/abc", "/api/v1/o/acme", "/api/health/live", "/api/v1/nowhere"]) {
      expect((await configHeaders(pathname)).has("content-security-policy"), pathname).toBe(false);
      expect(proxyHeaders(pathname).has("content-security-policy"), pathname).toBe(false);
      // The fixed headers still apply.
      expect((await configHeaders(pathname)).get("x-content-type-options"), pathname).toBe("nosniff");
    }
  });

  it("pages and next-auth's routes still get the nonce policy from the proxy, build assets the one from next.config.ts", async () => {
    for (const pathname of ["/", "/o/acme", "/sign-in", "/api/auth/csrf", "/apiary"]) {
      expect(proxyHeaders(pathname).get("content-security-policy"), pathname).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    }
    const assets = (await configHeaders("/_next/static/chunks/app.js")).get("content-security-policy");
    expect(assets).toMatch(/script-src 'self'/);
    expect(assets).not.toContain("nonce-");
  });

  it("API answers without a policy of their own get the API policy (JSON and the error envelope)", async () => {
    const org = await assignedOrg();
    const missing = await callRoute(downloadRoute, { path: `/api/v1/o/${org.slug}/evidence/files/nope`, params: { orgSlug: org.slug, fileId: "cjld2cjxh0000qzrmn831i7rn" }, cookie: org.mentor.cookie });
    expect(missing.status).toBe(404);
    expect(missing.response.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
    const unknown = await unknownApiPath(new Request("http://localhost:3000/api/v1/nowhere"));
    expect(unknown.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
    expect((await asServed("/api/v1/nowhere", unknown)).get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
  });
});
