/** The OpenAPI document declares the bearer scheme beside the cookie exactly where the gate accepts tokens (decision 0032). */
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { acceptsTokens } from "@/lib/http/endpoint";
import { buildOpenApiDocument } from "@/lib/http/openapi";

describe("the OpenAPI document and API tokens", () => {
  const document = buildOpenApiDocument() as unknown as {
    paths: Record<string, Record<string, { operationId: string; security: Array<Record<string, string[]>> }>>;
    components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
  };
  const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

  it("declares an http bearer scheme", () => {
    expect(document.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists it, with the permission as its scope, on every endpoint that accepts tokens and on no other", () => {
    for (const endpoint of API_ENDPOINTS) {
      const operation = operations.find((candidate) => candidate.operationId === endpoint.operationId)!;
      if (acceptsTokens(endpoint)) expect(operation.security, endpoint.operationId).toEqual([{ sessionCookie: [] }, { apiToken: [endpoint.permission] }]);
      else expect(JSON.stringify(operation.security), endpoint.operationId).not.toContain("apiToken");
    }
    const byId = (id: string) => operations.find((operation) => operation.operationId === id)!;
    for (const id of ["getMe", "changePassword", "revokeAllSessions", "listPersonalTokens", "createPersonalToken", "createServiceToken", "revokeServiceToken"]) {
      expect(JSON.stringify(byId(id).security), id).not.toContain("apiToken");
    }
    expect(byId("listMembers").security).toEqual([{ sessionCookie: [] }, { apiToken: ["member.read"] }]);
  });
});
