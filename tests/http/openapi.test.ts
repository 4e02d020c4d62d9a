import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import type { RouteHandler } from "@/lib/http/handle";
import type { MethodNotAllowedHandler } from "@/lib/http/other-methods";
import { callRoute } from "../support/call-route";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

describe("OpenAPI document", () => {
  it("is served as OpenAPI 3.1 with every declared endpoint", async () => {
    const { status, json } = await callRoute(GET);
    expect(status).toBe(200);
    expect(json!.openapi).toBe("3.1.0");
    for (const endpoint of API_ENDPOINTS) {
      const operation = json!.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(operation.operationId).toBe(endpoint.operationId);
      expect(operation.responses[String(endpoint.response.status)]).toBeDefined();
      expect(operation.responses["500"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorEnvelope" });
    }
  });

  it("documents path parameters, request bodies and the gate's error statuses", async () => {
    const { json } = await callRoute(GET);
    const rename = json!.paths["/api/v1/o/{orgSlug}"].patch;
    expect(rename.parameters).toEqual([expect.objectContaining({ name: "orgSlug", in: "path", required: true })]);
    expect(rename.requestBody.content["application/json"].schema).toMatchObject({
      type: "object",
      additionalProperties: false,
      properties: { name: expect.objectContaining({ type: "string", minLength: 2, maxLength: 80 }), stuckAfterDays: expect.objectContaining({ type: "integer", minimum: 1, maximum: 90 }) },
    });
    expect(Object.keys(rename.responses).sort()).toEqual(["200", "400", "401", "403", "404", "413", "415", "422", "500", "503"]);
    expect(json!.paths["/api/v1/o/{orgSlug}"].get.responses["200"].content["application/json"].schema.properties.createdAt).toMatchObject({ type: "string", format: "date-time" });
  });

  it("covers every route file under app/api (a new route cannot go undocumented)", async () => {
    const appDir = path.resolve("app/api");
    const documented = new Set(API_ENDPOINTS);
    for (const file of routeFiles(appDir)) {
      if (file.includes("[...path]")) continue; // the catch-all 404 for unknown API paths
      if (file.includes(`${path.sep}auth${path.sep}`)) continue; // next-auth's own protocol, outside /api/v1
      const routeModule = (await import(file)) as Record<string, RouteHandler | MethodNotAllowedHandler>;
      // The methods a route does not serve answer 405 (lib/http/other-methods.ts; tests/http/method-not-allowed.test.ts).
      const handlers = Object.entries(routeModule).filter(([name, handler]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name) && !("methodNotAllowed" in handler)) as Array<[string, RouteHandler]>;
      expect(handlers.length, file).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        expect(handler.endpoint, `${file} ${method} must be wrapped by handle()`).toBeDefined();
        expect(documented.has(handler.endpoint), `${file} ${method} is missing from lib/api/endpoints.ts`).toBe(true);
        expect(handler.endpoint.method).toBe(method);
      }
    }
  });
});
