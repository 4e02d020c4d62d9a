/**
 * Runs the authorization matrix's rows, one test per endpoint. Each test file runs
 * one group of endpoints on its own world (integration test files run in parallel,
 * each on its own database). Per row: the refused callers go first, each must get
 * exactly its status in the error envelope, and together they must leave the
 * database as it was; then each allowed caller must get the endpoint's success status.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import type { AnyEndpoint } from "@/lib/http/endpoint";
import type { RouteHandler } from "@/lib/http/handle";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { callRoute } from "../../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../../support/job-queue";
import { endpointPath, routeHandlersByOperationId } from "../../support/route-handlers";
import { storedState } from "../../support/stored-state";
import type { StoredState } from "../../support/stored-state";
import { ACTORS, callerFor } from "./actors";
import type { Actor, Caller } from "./actors";
import { EXPECTED_STATUSES } from "./expected-statuses";
import { OPERATIONS } from "./operations";
import type { Operation } from "./operations";
import { buildWorld } from "./world";
import type { World } from "./world";

export type MatrixGroup = "account" | "reads" | "people-and-tracks" | "work";
export const MATRIX_GROUPS: readonly MatrixGroup[] = ["account", "reads", "people-and-tracks", "work"];

/** Which file runs an endpoint's row: decided from its declaration, so a new endpoint always lands in one. */
export function groupOf(endpoint: AnyEndpoint): MatrixGroup {
  if (!endpoint.path.includes("{orgSlug}")) return "account";
  if (endpoint.method === "GET") return "reads";
  return ["Organizations", "Members", "Invitations", "Tracks"].includes(endpoint.tags[0]!) ? "people-and-tracks" : "work";
}

export async function sendAs(world: World, handler: RouteHandler, operation: Operation, caller: Caller, target: unknown) {
  const { path: template } = handler.endpoint;
  const call = await operation.call(world, caller, target);
  const params = { ...(template.includes("{orgSlug}") ? { orgSlug: caller.slug } : {}), ...call.params };
  return callRoute(handler, { path: endpointPath(template, params, call.query), params, cookie: caller.cookie, body: call.body });
}

function isEnvelope(json: Record<string, any> | undefined): boolean {
  const error = json?.error;
  return typeof error?.code === "string" && typeof error.message === "string" && typeof error.requestId === "string";
}

function changedTables(before: StoredState, after: StoredState): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

async function runRow(world: World, handler: RouteHandler, endpoint: AnyEndpoint) {
  const expected = EXPECTED_STATUSES[endpoint.operationId];
  const operation = OPERATIONS[endpoint.operationId];
  if (!expected || !operation) throw new Error(`${endpoint.operationId} has no matrix row or no request in tests/security/matrix`);
  const refused = ACTORS.filter((actor) => expected[actor] >= 300);
  const allowed = ACTORS.filter((actor) => expected[actor] < 300);
  for (const actor of allowed) expect(expected[actor], `${endpoint.operationId}: an allowed cell is the endpoint's success status`).toBe(endpoint.response.status);

  const actual = {} as Record<Actor, number>;
  const problems: string[] = [];
  let target = operation.prepare ? await operation.prepare(world) : undefined;

  const before = await storedState();
  for (const actor of refused) {
    const answer = await sendAs(world, handler, operation, callerFor(world, actor), target);
    actual[actor] = answer.status;
    if (answer.status !== expected[actor]) problems.push(`${actor}: expected ${expected[actor]}, got ${answer.status} ${answer.text.slice(0, 300)}`);
    else if (!isEnvelope(answer.json)) problems.push(`${actor}: ${answer.status} outside the error envelope: ${answer.text.slice(0, 300)}`);
  }
  const changed = changedTables(before, await storedState());
  if (changed.length > 0) problems.push(`refused calls changed ${changed.join(", ")}`);

  let first = true;
  for (const actor of allowed) {
    if (!first && operation.consumes && operation.prepare) target = await operation.prepare(world);
    first = false;
    const caller = callerFor(world, actor);
    const answer = await sendAs(world, handler, operation, caller, target);
    actual[actor] = answer.status;
    if (answer.status !== expected[actor]) problems.push(`${actor}: expected ${expected[actor]}, got ${answer.status} ${answer.text.slice(0, 300)}`);
    if (answer.status < 300 && operation.after) await operation.after(world, caller);
  }
  expect({ statuses: actual, problems }).toEqual({ statuses: expected, problems: [] });
}

/** The matrix's rows of one group, on a world of its own. */
export function runMatrixGroup(group: MatrixGroup) {
  const endpoints = API_ENDPOINTS.filter((endpoint) => groupOf(endpoint) === group);
  let world: World;
  let handlers: Map<string, RouteHandler>;
  let queue: JobQueue | undefined;

  beforeAll(async () => {
    // No workers: the emails a call enqueues wait, and the stored state stays still.
    queue = await startTestJobQueue({ workers: false });
    handlers = await routeHandlersByOperationId();
    world = await buildWorld();
  });
  afterAll(() => stopTestJobQueue(queue));

  describe(`authorization matrix: ${group}`, () => {
    for (const endpoint of endpoints) {
      it(`${endpoint.operationId}: ${endpoint.method} ${endpoint.path}`, async () => {
        const handler = handlers.get(endpoint.operationId);
        if (!handler) throw new Error(`${endpoint.operationId}: no route file serves it`);
        await runRow(world, handler, endpoint);
      });
    }
  });
}
