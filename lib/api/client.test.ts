import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { callEndpoint, endpointUrl, exchangeEndpoint, queryString } from "./client";
import { api } from "./client-endpoints";

type Sent = { url: string; init: RequestInit };

function stubFetch(response: () => Response): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return response();
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe("endpointUrl", () => {
  it("fills each path parameter as one encoded segment", () => {
    const params = { orgSlug: "acme", assignmentId: "a1", key: "Web/HTTP basics" };
    expect(endpointUrl(api.updateAssignmentItem, { params })).toBe("/api/v1/o/acme/assignments/a1/items/Web%2FHTTP%20basics");
    expect(endpointUrl(api.getAssignment, { params: { orgSlug: "été", assignmentId: "a?b#c" } })).toBe("/api/v1/o/%C3%A9t%C3%A9/assignments/a%3Fb%23c");
    expect(endpointUrl(api.previewInvitation, { params: { token: "x/../y" } })).toBe("/api/v1/invitations/x%2F..%2Fy");
  });

  it("puts numbers in the path as text", () => {
    expect(endpointUrl(api.getTrackVersion, { params: { orgSlug: "acme", trackId: "t1", number: 3 } })).toBe("/api/v1/o/acme/tracks/t1/versions/3");
  });

  it("refuses a missing or empty path parameter instead of calling another endpoint", () => {
    expect(() => endpointUrl(api.getAssignment, { params: { orgSlug: "acme", assignmentId: "" } })).toThrow(/no value for \{assignmentId\}/);
    // @ts-expect-error the compiler asks for the params too
    expect(() => endpointUrl(api.getAssignment)).toThrow(/no value for \{orgSlug\}/);
    // @ts-expect-error and for the body of an endpoint that takes one
    void callEndpoint(api.renameOrganization, { params: { orgSlug: "acme" } }).catch(() => undefined);
  });

  it("needs no options for an endpoint without parameters", () => {
    expect(endpointUrl(api.getOpenApiDocument)).toBe("/api/v1/openapi.json");
  });

  it("appends the query", () => {
    expect(endpointUrl(api.exportAuditLog, { params: { orgSlug: "acme" }, query: { format: "csv" } })).toBe("/api/v1/o/acme/audit/export?format=csv");
  });
});

describe("queryString", () => {
  it("leaves out undefined, null and false, and encodes the rest", () => {
    expect(queryString({ limit: 20, unread: true, cursor: undefined, trackId: null, overdue: false, q: "a&b =c" })).toBe("limit=20&unread=true&q=a%26b+%3Dc");
  });

  it("repeats a name for each value of an array, and sends dates as ISO strings", () => {
    expect(queryString({ status: ["ACTIVE", "DONE"], after: new Date("2026-01-02T03:04:05.000Z") })).toBe("status=ACTIVE&status=DONE&after=2026-01-02T03%3A04%3A05.000Z");
  });

  it("is empty for no values, so the URL has no '?'", () => {
    expect(queryString({})).toBe("");
    expect(endpointUrl(api.listMembers, { params: { orgSlug: "acme" }, query: {} })).toBe("/api/v1/o/acme/members");
  });
});

describe("callEndpoint", () => {
  it("sends the declared method, a JSON body and the caller's headers", async () => {
    const sent = stubFetch(() => Response.json({ nextAllowedAt: "2026-01-01T00:00:00.000Z" }));
    const result = await callEndpoint(api.nudgeHire, { params: { orgSlug: "acme", assignmentId: "a1" }, body: { message: "hi" }, headers: { "Idempotency-Key": "k1", "If-Match": undefined } });
    expect(result).toEqual({ nextAllowedAt: "2026-01-01T00:00:00.000Z" });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe("/api/v1/o/acme/assignments/a1/nudges");
    expect(sent[0]!.init.method).toBe("POST");
    expect(sent[0]!.init.body).toBe(JSON.stringify({ message: "hi" }));
    expect(sent[0]!.init.headers).toEqual({ "content-type": "application/json", "Idempotency-Key": "k1" });
  });

  it("asks for a request that outlives the page only when told (a review sent as the tab closes)", async () => {
    const sent = stubFetch(() => Response.json({}));
    await callEndpoint(api.getMe);
    await callEndpoint(api.getMe, { keepalive: true });
    expect(sent.map((request) => request.init.keepalive)).toEqual([undefined, true]);
  });

  it("sends FormData as multipart, leaving the Content-Type (and its boundary) to the browser", async () => {
    const sent = stubFetch(() => Response.json({}, { status: 201 }));
    const form = new FormData();
    form.set("kind", "NOTE");
    await callEndpoint(api.submitEvidence, { params: { orgSlug: "acme", assignmentId: "a1", key: "k" }, body: form });
    expect(sent[0]!.init.body).toBe(form);
    expect(sent[0]!.init.headers).toEqual({});
  });

  it("returns the response headers with exchangeEndpoint (a version's ETag)", async () => {
    stubFetch(() => Response.json({ nodes: [] }, { headers: { etag: '"v7"' } }));
    const { headers } = await exchangeEndpoint(api.getTrackVersion, { params: { orgSlug: "acme", trackId: "t1", number: 1 } });
    expect(headers.get("etag")).toBe('"v7"');
  });

  it("turns the error envelope into an ApiError with status, code, message, field errors, details and request id", async () => {
    const envelope = {
      error: {
        code: "VALIDATION_FAILED",
        message: "Check the highlighted fields.",
        requestId: "req-1",
        details: {
          issues: [
            { path: "body.name", message: "Too short" },
            { path: "body.name", message: "second message loses" },
            { path: "query.after", message: "Not a cursor" },
            { path: "body", message: "Whole body" },
          ],
        },
      },
    };
    stubFetch(() => Response.json(envelope, { status: 422 }));
    const error = await callEndpoint(api.renameOrganization, { params: { orgSlug: "acme" }, body: { name: "x" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_FAILED", message: "Check the highlighted fields.", requestId: "req-1", details: envelope.error.details });
    expect((error as ApiError).fieldErrors).toEqual({ name: "Too short", after: "Not a cursor", form: "Whole body" });
  });

  it("keeps a 409's details and falls back to the status when a failure has no envelope", async () => {
    stubFetch(() => Response.json({ error: { code: "CONFLICT", message: "Changed meanwhile", details: { conflicts: ["k"] } } }, { status: 409 }));
    await expect(callEndpoint(api.getMe)).rejects.toMatchObject({ status: 409, code: "CONFLICT", details: { conflicts: ["k"] } });
    stubFetch(() => new Response("", { status: 502 }));
    await expect(callEndpoint(api.getMe)).rejects.toMatchObject({ status: 502, code: "UNKNOWN", message: "The request failed (502)." });
  });

  it("reports an unreachable server as a NETWORK error, but lets a cancelled request stay an abort", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(callEndpoint(api.getMe)).rejects.toMatchObject({ status: 0, code: "NETWORK" });
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal("fetch", async () => {
      throw new DOMException("aborted", "AbortError");
    });
    await expect(callEndpoint(api.getMe, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});
