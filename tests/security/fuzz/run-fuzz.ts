/**
 * Runs the OpenAPI fuzz (decision 0021): for each operation of the document, a fixed
 * number of generated requests (fixed seed per operation; fast-check prints the seed
 * and the shrunk counterexample on failure) through the real route handler, as a
 * signed-in member of organization A who may make the valid request (its owner where
 * the owner may), some without a session. Every answer: below 500; every 4xx in the
 * one error envelope; a write never succeeds; and after each operation's run the
 * database holds exactly what it held before.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { getConfig } from "@/lib/config";
import type { AnyEndpoint } from "@/lib/http/endpoint";
import type { RouteHandler } from "@/lib/http/handle";
import { ERROR_STATUS } from "@/lib/http/errors";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { randomClientIp, TEST_ORIGIN } from "../../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../../support/job-queue";
import { endpointPath, routeHandlersByOperationId } from "../../support/route-handlers";
import { storedState } from "../../support/stored-state";
import { callerFor } from "../matrix/actors";
import type { Actor } from "../matrix/actors";
import { EXPECTED_STATUSES } from "../matrix/expected-statuses";
import { OPERATIONS } from "../matrix/operations";
import { buildWorld } from "../matrix/world";
import type { World } from "../matrix/world";
import { defectsOf, named, noiseOf } from "./bad-requests";
import type { Draft, Foreign, Mutation } from "./bad-requests";
import { readOpenApiOperations } from "./openapi-operations";
import type { FuzzOperation } from "./openapi-operations";

export const FUZZ_SEED = 20_261_213;
export const RUNS = { write: 40, read: 80 } as const;

/** A stable seed per operation, so adding one does not change the others' runs. */
function seedOf(operationId: string): number {
  let hash = FUZZ_SEED;
  for (const char of operationId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Who sends an operation's requests: the first of these the matrix allows (the owner, where the owner may). */
/** Reads that record themselves in the Event log: those events are theirs to write, and nothing else may change. */
const RECORDS_ITSELF: Record<string, readonly string[]> = { exportAuditLog: ["audit.exported"], exportOrganization: ["organization.exported"] };

function fuzzCallerOf(operationId: string): Actor {
  return (["owner", "admin", "hire", "mentor"] as const).find((actor) => EXPECTED_STATUSES[operationId]![actor] < 300) ?? "owner";
}

function foreignValues(other: World): Foreign {
  return {
    params: {
      orgSlug: other.slug,
      trackId: other.trackId,
      assignmentId: other.assignmentId,
      key: other.key("Types"),
      membershipId: other.people.member.membershipId,
      invitationId: other.invitationId,
      attemptId: other.attemptId,
      fileId: other.fileId,
      commentId: other.commentId,
      userId: other.people.hire.userId,
    },
    body: {
      trackId: other.trackId,
      assigneeIds: [other.people.member.userId],
      mentorIds: [other.people.mentor.userId],
      attemptIds: [other.attemptId],
      assignmentId: other.assignmentId,
      parentKey: other.key("Basics"),
      keys: [other.key("HTTP")],
      sectionKey: other.key("Drills"),
    },
  };
}

async function send(handler: RouteHandler, operation: FuzzOperation, draft: Draft, sessionCookie: string | undefined) {
  const write = operation.method !== "GET";
  const headers = new Headers(draft.headers);
  const cookie = draft.cookie === undefined ? sessionCookie : draft.cookie;
  if (cookie) headers.set("cookie", cookie);
  if (write && draft.origin !== null) headers.set("origin", draft.origin ?? TEST_ORIGIN);
  headers.set(CLIENT_IP_HEADER, randomClientIp());
  let body: string | Uint8Array | FormData | undefined = draft.raw;
  if (body === undefined && draft.body !== undefined) body = JSON.stringify(draft.body);
  if (draft.contentType !== undefined && draft.contentType !== null) headers.set("content-type", draft.contentType);
  else if (draft.contentType === undefined && typeof body === "string") headers.set("content-type", "application/json");
  // Paths carry what Next.js would decode to the params; a lone surrogate cannot be percent-encoded, so the URL gets its well-formed form.
  const wellFormed = Object.fromEntries(Object.entries(draft.params).map(([name, value]) => [name, value.toWellFormed()]));
  const url = `http://localhost:3000${endpointPath(operation.path, wellFormed, new URLSearchParams(draft.query).toString())}`;
  const request = new Request(url, { method: operation.method, headers, body: body as BodyInit | undefined });
  const response = await handler(request, { params: Promise.resolve({ ...draft.params }) });
  return { response, text: await response.text() };
}

/** Everything the fuzz asserts about one answer; throws to fail the property. */
function checkAnswer(operation: FuzzOperation, draft: Draft, status: number, headers: Headers, text: string): void {
  const where = () => `${operation.method} ${operation.path} with ${draft.defects.join(", ") || "no defect"}: ${status} ${text.slice(0, 400)}`;
  if (status >= 500) throw new Error(`a server error: ${where()}`);
  if (operation.method !== "GET" && status < 400) throw new Error(`a bad write was accepted: ${where()}`);
  if (status < 400) return;
  if (!(headers.get("content-type") ?? "").includes("application/json")) throw new Error(`an error that is not JSON: ${where()}`);
  const json = JSON.parse(text) as { error?: Record<string, unknown> };
  const error = json.error;
  const keysOk = Object.keys(json).join() === "error" && error && Object.keys(error).every((key) => ["code", "message", "requestId", "details"].includes(key));
  if (!keysOk || typeof error.code !== "string" || typeof error.message !== "string" || error.message === "" || typeof error.requestId !== "string") {
    throw new Error(`an error outside the envelope: ${where()}`);
  }
  if (ERROR_STATUS[error.code as keyof typeof ERROR_STATUS] !== status) throw new Error(`error code ${String(error.code)} does not match status: ${where()}`);
  if (headers.get("x-request-id") !== error.requestId) throw new Error(`the request id header and body differ: ${where()}`);
}

function cloneDraft(draft: Draft): Draft {
  return { ...draft, params: { ...draft.params }, query: draft.query.map(([key, value]) => [key, value]), body: structuredClone(draft.body), headers: { ...draft.headers }, defects: [] };
}

export function runFuzz(select: (endpoint: AnyEndpoint) => boolean) {
  let world: World;
  let other: World;
  let handlers: Map<string, RouteHandler>;
  let operations: FuzzOperation[];
  let queue: JobQueue | undefined;
  let total = 0;

  beforeAll(async () => {
    queue = await startTestJobQueue({ workers: false });
    handlers = await routeHandlersByOperationId();
    operations = await readOpenApiOperations();
    world = await buildWorld();
    other = await buildWorld();
  });
  afterAll(() => stopTestJobQueue(queue));
  const endpoints = API_ENDPOINTS.filter(select);
  const planned = endpoints.reduce((sum, endpoint) => sum + (endpoint.method === "GET" ? RUNS.read : RUNS.write), 0);

  describe("OpenAPI fuzz", () => {
    it("covers every declared endpoint", () => {
      expect(operations.map((operation) => operation.operationId).sort()).toEqual(API_ENDPOINTS.map((endpoint) => endpoint.operationId).sort());
    });

    for (const endpoint of endpoints) {
      it(`${endpoint.operationId}: ${endpoint.method} ${endpoint.path}`, async () => {
        const operation = operations.find((candidate) => candidate.operationId === endpoint.operationId)!;
        const handler = handlers.get(operation.operationId)!;
        const caller = callerFor(world, fuzzCallerOf(operation.operationId));
        const matrixOperation = OPERATIONS[operation.operationId]!;
        const target = matrixOperation.prepare ? await matrixOperation.prepare(world) : undefined;
        const call = await matrixOperation.call(world, caller, target);
        const valid: Draft = {
          params: { ...(operation.orgScoped ? { orgSlug: caller.slug } : {}), ...call.params },
          query: [...new URLSearchParams(call.query ?? "")],
          body: call.body,
          headers: {},
          defects: [],
        };
        const write = operation.method !== "GET";
        const defects = defectsOf(operation, valid, foreignValues(other), { bodyBytes: endpoint.bodyLimitBytes ?? getConfig().API_BODY_LIMIT_BYTES });
        const noise = noiseOf(operation, valid, foreignValues(other));
        // Public writes: signed out is no defect, only noise.
        if (write && !operation.session) noise.other.push(fc.constant<Mutation>(named({ name: "signed out", stage: 0, apply: (draft) => void (draft.cookie = null) })));
        const mutations = write
          ? // Writes: mostly one defect, so each is what refuses the request (with two, the schema's refusal hides the deeper one).
            fc
              .tuple(
                fc.array(fc.oneof(...noise.other), { maxLength: 2 }),
                fc.oneof({ weight: 3, arbitrary: fc.array(fc.oneof(...defects), { minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.array(fc.oneof(...defects), { minLength: 2, maxLength: 3 }) }),
              )
              .map(([odd, bad]) => [...odd, ...bad])
          : noise.query.length > 0
            ? // Reads: one or two changes to the query, where their input reaches their statements, and maybe one elsewhere.
              fc.tuple(fc.array(fc.oneof(...noise.query), { minLength: 1, maxLength: 2 }), fc.array(fc.oneof(...noise.other, ...defects), { maxLength: 1 })).map(([asked, odd]) => [...asked, ...odd])
            : fc.array(fc.oneof(...noise.other, ...defects), { minLength: 1, maxLength: 3 });

        const before = await storedState({ ignoredEventTypes: RECORDS_ITSELF[operation.operationId] });
        let runs = 0;
        await fc.assert(
          fc.asyncProperty(mutations, async (chosen) => {
            runs += 1;
            const draft = cloneDraft(valid);
            for (const mutation of [...chosen].sort((a, b) => a.stage - b.stage)) mutation.apply(draft);
            const { response, text } = await send(handler, operation, draft, caller.cookie);
            checkAnswer(operation, draft, response.status, response.headers, text);
          }),
          { seed: seedOf(operation.operationId), numRuns: write ? RUNS.write : RUNS.read },
        );
        total += runs;
        const after = await storedState({ ignoredEventTypes: RECORDS_ITSELF[operation.operationId] });
        expect(Object.keys(before).filter((table) => before[table] !== after[table]), "tables changed by the fuzzed requests").toEqual([]);
      });
    }

    it(`sent ${planned} generated requests (fast-check seeds from ${FUZZ_SEED}, one per operation)`, () => {
      expect(total).toBe(planned);
    });
  });
}
