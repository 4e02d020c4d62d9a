/**
 * The route gate's contract, on endpoints declared just for this test: every
 * failure answers with the one envelope and the right status, nothing internal
 * leaks, and the request id is honoured and echoed.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as unknownApiPath } from "@/app/api/[...path]/route";
import { defineEndpoint } from "@/lib/http/endpoint";
import { AppError } from "@/lib/http/errors";
import { handle } from "@/lib/http/handle";
import { callRoute } from "../support/call-route";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";

const echoEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/test/echo",
  operationId: "testEcho",
  summary: "Echo",
  tags: ["Test"],
  auth: "public",
  query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }),
  body: z.strictObject({ title: z.string().min(1).max(20), tags: z.array(z.string()).max(3).optional() }),
  bodyLimitBytes: 256,
  response: { status: 201, description: "Echoed.", schema: z.object({ title: z.string(), limit: z.number().nullable() }) },
});
const echo = handle(echoEndpoint, async ({ body, query }) => ({ title: body.title, limit: query.limit ?? null, secretColumn: "must not leak" }));

const failing = (error: unknown) =>
  handle(
    defineEndpoint({ method: "GET", path: "/api/v1/test/fail", operationId: "testFail", summary: "Fail", tags: ["Test"], auth: "public", response: { status: 200, description: "", schema: z.object({}) } }),
    async () => {
      throw error;
    },
  );

const sessionOnly = handle(
  defineEndpoint({ method: "GET", path: "/api/v1/test/private", operationId: "testPrivate", summary: "Private", tags: ["Test"], auth: "session", response: { status: 200, description: "", schema: z.object({ userId: z.string() }) } }),
  async ({ ctx }) => ({ userId: ctx.user.id }),
);

function expectEnvelope(json: Record<string, any> | undefined, code: string) {
  expect(json).toEqual({ error: expect.objectContaining({ code, message: expect.any(String), requestId: expect.any(String) }) });
  expect(Object.keys(json!.error).every((key) => ["code", "message", "details", "requestId"].includes(key))).toBe(true);
}

describe("route gate", () => {
  it("passes valid input through and shapes the output with the response schema", async () => {
    const { status, json } = await callRoute(echo, { path: "/api/v1/test/echo?limit=5", body: { title: "Hello" } });
    expect(status).toBe(201);
    expect(json).toEqual({ title: "Hello", limit: 5 }); // secretColumn stripped
  });

  it("answers malformed JSON with 400 MALFORMED_JSON", async () => {
    const { status, json } = await callRoute(echo, { body: '{"title": "unterminated' });
    expect(status).toBe(400);
    expectEnvelope(json, "MALFORMED_JSON");
  });

  it("answers invalid fields with 422 listing each field path", async () => {
    const { status, json } = await callRoute(echo, { path: "/api/v1/test/echo?limit=0&page=2", body: { title: "", tags: ["a", "b", "c", "d"], extra: true } });
    expect(status).toBe(422);
    expectEnvelope(json, "VALIDATION_FAILED");
    const paths = (json!.error.details.issues as Array<{ path: string }>).map((issue) => issue.path).sort();
    // Query problems are reported first (the body is read only after the query passes).
    expect(paths).toEqual(["query.limit", "query.page"]);
    const bodyOnly = await callRoute(echo, { body: { title: "", tags: ["a", "b", "c", "d"], extra: true } });
    expect((bodyOnly.json!.error.details.issues as Array<{ path: string }>).map((issue) => issue.path).sort()).toEqual(["body.extra", "body.tags", "body.title"]);
  });

  it("answers a missing body with 422 naming the body", async () => {
    const { status, json } = await callRoute(echo, {});
    expect(status).toBe(422);
    expect(json!.error.details.issues[0].path).toBe("body");
  });

  it("refuses a body over the endpoint's limit with 413, even without Content-Length", async () => {
    const { status, json } = await callRoute(echo, { body: { title: "x".repeat(400) } });
    expect(status).toBe(413);
    expectEnvelope(json, "PAYLOAD_TOO_LARGE");
    expect(json!.error.details).toEqual({ limitBytes: 256 });
  });

  it("refuses a non-JSON body with 415", async () => {
    const { status, json } = await callRoute(echo, { body: "title=Hello", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(status).toBe(415);
    expectEnvelope(json, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers 401 for a session endpoint without a session, and for a forged cookie", async () => {
    const anonymous = await callRoute(sessionOnly);
    expect(anonymous.status).toBe(401);
    expectEnvelope(anonymous.json, "UNAUTHENTICATED");
    const forged = await callRoute(sessionOnly, { cookie: "next-auth.session-token=not-a-real-token" });
    expect(forged.status).toBe(401);
  });

  it("lets a signed-in user through", async () => {
    const { user } = await createOrgWithMember();
    const { status, json } = await callRoute(sessionOnly, { cookie: await sessionCookieFor(user) });
    expect(status).toBe(200);
    expect(json).toEqual({ userId: user.id });
  });

  it("maps an AppError thrown by a service to its status", async () => {
    const { status, json } = await callRoute(failing(new AppError("CONFLICT", "Already assigned.", { assignmentId: "a1" })));
    expect(status).toBe(409);
    expect(json!.error).toMatchObject({ code: "CONFLICT", message: "Already assigned.", details: { assignmentId: "a1" } });
  });

  it("turns an unknown error into an opaque 500 with no stack, SQL or message", async () => {
    const error = new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
    const { status, json, response } = await callRoute(failing(error));
    expect(status).toBe(500);
    expectEnvelope(json, "INTERNAL");
    const text = JSON.stringify(json);
    expect(text).not.toContain("secret_table");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(json!.error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("treats a handler that breaks its own response schema as a 500", async () => {
    const broken = handle(
      defineEndpoint({ method: "GET", path: "/api/v1/test/broken", operationId: "testBroken", summary: "Broken", tags: ["Test"], auth: "public", response: { status: 200, description: "", schema: z.object({ count: z.number() }) } }),
      async () => ({ count: "three" }) as never,
    );
    const { status, json } = await callRoute(broken);
    expect(status).toBe(500);
    expectEnvelope(json, "INTERNAL");
  });

  it("echoes a valid incoming x-request-id and replaces an unsafe one", async () => {
    const honoured = await callRoute(echo, { body: { title: "Hi" }, headers: { "x-request-id": "client-req-12345" } });
    expect(honoured.response.headers.get("x-request-id")).toBe("client-req-12345");
    const failed = await callRoute(echo, { body: "{", headers: { "x-request-id": "client-req-67890" } });
    expect(failed.json!.error.requestId).toBe("client-req-67890");
    const unsafe = await callRoute(echo, { body: { title: "Hi" }, headers: { "x-request-id": "bad id <script>" } });
    expect(unsafe.response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown /api path with the 404 envelope", async () => {
    const { status, json } = await callRoute(unknownApiPath as never, { method: "GET", path: "/api/v1/nope" });
    expect(status).toBe(404);
    expectEnvelope(json, "NOT_FOUND");
  });

  it("rejects a declaration whose organization scope and permission disagree", () => {
    expect(() =>
      defineEndpoint({ method: "GET", path: "/api/v1/o/{orgSlug}/things", operationId: "x", summary: "x", tags: [], auth: "session", response: { status: 200, description: "", schema: z.object({}) } }),
    ).toThrow(/must declare a permission/);
  });
});
