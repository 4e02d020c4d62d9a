/**
 * Forged list cursors (found by the OpenAPI fuzz, decision 0021). A cursor is decoded
 * after the gate has checked the query, so a position holding a NUL, or an instant
 * JavaScript reads but PostgreSQL cannot hold (year 0000, ±270,000 years), reached the
 * list's query: a 500 on every paged list. Each is now a 422 on `query.cursor`, like
 * any cursor the API did not issue, and a real next-page cursor still pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { encodeCursorParts } from "@/lib/http/cursor";
import type { RouteHandler } from "@/lib/http/handle";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { endpointPath, routeHandlersByOperationId } from "../support/route-handlers";
import { callerFor } from "../security/matrix/actors";
import { OPERATIONS } from "../security/matrix/operations";
import { buildWorld } from "../security/matrix/world";
import type { World } from "../security/matrix/world";

/** Text PostgreSQL cannot take, in any list's cursor. */
const FORGED_TEXT: Array<[string, Array<string | null>]> = [
  ["a NUL in the id", ["2026-01-01T00:00:00.000Z", "c\u0000id"]],
  ["a NUL in the first part", ["A\u0000da", "cid"]],
  ["an unpaired surrogate", ["2026-01-01T00:00:00.000Z", "c\ud800"]],
];
/** Instants PostgreSQL cannot hold, in the lists paged by (createdAt, id); the members list pages by name, where these are just names. */
const FORGED_INSTANTS: Array<[string, Array<string | null>]> = [
  ["year 0000", ["0000-01-01T00:00:00.000Z", "cid"]],
  ["JavaScript's last instant", ["+275760-09-13T00:00:00.000Z", "cid"]],
  ["JavaScript's first instant", ["-271821-04-20T00:00:00.000Z", "cid"]],
];

const PAGED = API_ENDPOINTS.filter((endpoint) => endpoint.query && "cursor" in endpoint.query.shape);

let queue: JobQueue | undefined;
let world: World;
let handlers: Map<string, RouteHandler>;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
  handlers = await routeHandlersByOperationId();
  world = await buildWorld();
});
afterAll(() => stopTestJobQueue(queue));

async function list(operationId: string, cursor: string, limit?: number) {
  const handler = handlers.get(operationId)!;
  const caller = callerFor(world, "owner");
  const call = await OPERATIONS[operationId]!.call(world, caller, undefined);
  const params = { orgSlug: caller.slug, ...call.params };
  const query = new URLSearchParams({ cursor, ...(limit ? { limit: String(limit) } : {}) }).toString();
  return callRoute(handler, { path: endpointPath(handler.endpoint.path, params, query), params, cookie: caller.cookie });
}

describe("forged list cursors", () => {
  it("covers the paged lists", () => {
    expect(PAGED.map((endpoint) => endpoint.operationId).sort()).toEqual(
      ["listAssignments", "listAuditLog", "listEventLog", "listInvitations", "listItemComments", "listMembers", "listNotifications", "listReviewQueue", "listTracks"].sort(),
    );
  });

  for (const endpoint of PAGED) {
    it(`${endpoint.operationId}: refuses each (422 on query.cursor)`, async () => {
      const forged = endpoint.operationId === "listMembers" ? FORGED_TEXT : [...FORGED_TEXT, ...FORGED_INSTANTS];
      const answers = [];
      for (const [what, parts] of forged) {
        const { status, json } = await list(endpoint.operationId, encodeCursorParts(parts));
        answers.push({ what, status, paths: json?.error?.details?.issues?.map((issue: { path: string }) => issue.path) });
      }
      expect(answers).toEqual(forged.map(([what]) => ({ what, status: 422, paths: ["query.cursor"] })));
    });
  }

  it("a cursor the API issued pages as before", async () => {
    const first = await list("listMembers", "", 2).catch(() => undefined);
    expect(first?.status).toBe(422); // an empty cursor was never issued either
    const handler = handlers.get("listMembers")!;
    const caller = callerFor(world, "owner");
    const page = await callRoute(handler, { path: `/api/v1/o/${caller.slug}/members?limit=2`, params: { orgSlug: caller.slug }, cookie: caller.cookie });
    expect(page.json!.nextCursor).toEqual(expect.any(String));
    const next = await list("listMembers", page.json!.nextCursor as string, 2);
    expect(next.status).toBe(200);
    expect(next.json!.items).toHaveLength(2);
  });
});
