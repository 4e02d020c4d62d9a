/**
 * The roadmap's progress writes carry one Idempotency-Key per user action
 * (decision 0025): react-query's retries of a write whose answer was lost send
 * the same key, so the server answers instead of writing twice; the next action
 * sends a new one. Runs the real mutation options through react-query, against a
 * network that drops the first request.
 */
import { MutationObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { assignmentKey } from "./assignment-api";
import { detailOf, keyOf, progressRow } from "./test-detail";
import { bulkWrite, itemWrite, writeOptions } from "./use-progress-writes";
import { WriteLedger } from "./write-ledger";
import type { ItemProgressJson } from "./types";

const SLUG = "acme";
const ASSIGNMENT = "asg-1";
const counts = { total: 5, done: 1, inProgress: 0, notApplicable: 0, skipped: 0, percent: 20 };

/** Each request's method, path and Idempotency-Key; the first `drop` requests never get an answer (a network error). */
function network(drop: number) {
  const sent: Array<{ method: string; path: string; key: string | null }> = [];
  vi.stubGlobal("fetch", async (path: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    sent.push({ method: init.method ?? "GET", path, key: headers.get("idempotency-key") });
    if (sent.length <= drop) throw new TypeError("Failed to fetch");
    const body = JSON.parse(init.body as string) as { state: ItemProgressJson["state"]; keys?: string[] };
    const assignment = { id: ASSIGNMENT, status: "ACTIVE", progress: counts };
    const answer = body.keys
      ? { items: body.keys.map((key) => ({ ...progressRow("Types", body.state), stableKey: key })), assignment }
      : { item: progressRow("Types", body.state), assignment };
    return Response.json(answer);
  });
  return sent;
}

function writes() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(assignmentKey(SLUG, ASSIGNMENT), detailOf());
  const toasts: string[] = [];
  const options = writeOptions({ queryClient, toast: (toast) => (toasts.push(toast.title), "t"), ledger: new WriteLedger<ItemProgressJson>(), slug: SLUG, assignmentId: ASSIGNMENT });
  // The retry rule as shipped, without its back-off wait.
  return { observer: new MutationObserver(queryClient, { ...options, retryDelay: 0 }), toasts };
}

afterEach(() => vi.unstubAllGlobals());

describe("progress writes' Idempotency-Key", () => {
  it("is the same on every retry of one action and new for the next action", async () => {
    const sent = network(2);
    const { observer } = writes();
    await observer.mutate(itemWrite(keyOf("Types"), "Types", { state: "DONE" }));
    await observer.mutate(itemWrite(keyOf("Types"), "Types", { state: "NOT_STARTED" }));

    expect(sent.map((request) => request.method)).toEqual(["PUT", "PUT", "PUT", "PUT"]);
    const [first, retry, retryAgain, next] = sent.map((request) => request.key);
    expect(first).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect([retry, retryAgain]).toEqual([first, first]);
    expect(next).not.toBe(first);
    expect(next).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
  });

  it("goes with the bulk write too, and is not reused after a refusal the user retries by hand", async () => {
    const sent = network(1);
    const { observer } = writes();
    await observer.mutate(bulkWrite([keyOf("Types"), keyOf("Scope")], "DONE", "Variables"));
    expect(sent.map((request) => request.path)).toEqual([`/api/v1/o/${SLUG}/assignments/${ASSIGNMENT}/items/bulk`, `/api/v1/o/${SLUG}/assignments/${ASSIGNMENT}/items/bulk`]);
    expect(sent[1]!.key).toBe(sent[0]!.key);

    // Offline for longer than the retries: the action fails; pressing again is a new action with a new key.
    const offline = network(10);
    const failed = await observer.mutate(itemWrite(keyOf("Scope"), "Scope", { state: "DONE" })).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ApiError);
    expect(offline).toHaveLength(4); // the first try and three retries, one key
    expect(new Set(offline.map((request) => request.key)).size).toBe(1);
    await observer.mutate(itemWrite(keyOf("Scope"), "Scope", { state: "DONE" })).catch(() => undefined);
    expect(offline.at(-1)!.key).not.toBe(offline[0]!.key);
  });
});
