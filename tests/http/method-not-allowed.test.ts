/**
 * A method a route does not serve (issue 13): Next.js answered 405 with an empty body. Every
 * route file under app/api now exports a handler for each method it does not declare
 * (lib/http/other-methods.ts) answering the error envelope with `Allow`, logged with its
 * request id. This walks the real route files, so a new one cannot forget.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RouteHandler } from "@/lib/http/handle";
import type { MethodNotAllowedHandler } from "@/lib/http/other-methods";
import { ROUTE_METHODS } from "@/lib/http/other-methods";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/security/security-headers";
import { captureLogs } from "../support/capture-logs";

const logs = captureLogs();

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

type AnyHandler = (RouteHandler | MethodNotAllowedHandler) & ((request: Request, context: unknown) => Promise<Response>);

describe("methods a route does not serve", () => {
  it("every route file answers each of GET, POST, PUT, PATCH, DELETE: its own, or 405 in the envelope with Allow", async () => {
    const files = routeFiles(path.resolve("app/api")).filter((file) => !file.includes("[...path]")); // the catch-all answers 404 to every method
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const routeModule = (await import(file)) as Record<string, AnyHandler | undefined>;
      const served = ROUTE_METHODS.filter((method) => routeModule[method] && !("methodNotAllowed" in routeModule[method]));
      expect(served.length, file).toBeGreaterThan(0);
      const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
      for (const method of ROUTE_METHODS.filter((candidate) => !served.includes(candidate))) {
        const handler = routeModule[method];
        expect(handler, `${file} exports ${method}`).toBeDefined();
        const response = await handler!(new Request(`http://localhost:3000/api/some/path/tok3n`, { method, headers: { "x-request-id": `req-${method}-0001` } }), { params: Promise.resolve({}) });
        expect(response.status, `${file} ${method}`).toBe(405);
        expect(response.headers.get("allow"), file).toBe(allow);
        expect(response.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
        expect(await response.json()).toEqual({
          error: { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here; this path takes ${served.join(", ")}.`, details: { allowed: served }, requestId: `req-${method}-0001` },
        });
      }
    }
  });

  it("logs the refusal with its request id and the route's template", async () => {
    const { DELETE } = await import("@/app/api/v1/invitations/[token]/route");
    const token = "Q2hhbmdlIG1lOiB0aGlzIGlzIGEgdG9rZW4gb2YgNDMgY2g";
    const response = await DELETE(new Request(`http://localhost:3000/api/v1/invitations/${token}`, { method: "DELETE", headers: { "x-request-id": "req-405-log-0001" } }));
    expect(response.status).toBe(405);
    expect(logs.lines().find((line) => line.requestId === "req-405-log-0001")).toMatchObject({ msg: "request", method: "DELETE", route: "/api/v1/invitations/{token}", status: 405 });
    expect(logs.text()).not.toContain(token);
  });
});
