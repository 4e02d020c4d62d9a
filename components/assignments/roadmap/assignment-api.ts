/** The assignment endpoints the hire's pages call, with their cache keys and retry rules. */
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import type { ProgressState } from "@/lib/progress/progress-math";
import type { AssignmentDetailJson, BulkUpdateResultJson, ItemChange, ItemHistoryJson, ItemUpdateResultJson } from "./types";

/** One assignment's detail: shared by the hire's home (next items) and the roadmap, so opening it from home is instant. */
export const assignmentKey = (slug: string, assignmentId: string) => ["assignment", slug, assignmentId] as const;
export const itemHistoryKey = (slug: string, assignmentId: string, key: string) => [...assignmentKey(slug, assignmentId), "history", key] as const;
/** The hire's own assignments (their home page); a progress write makes it stale. */
export const myAssignmentsKey = (slug: string) => ["my-assignments", slug] as const;
/** Every progress write of one assignment shares this key and its scope: they reach the server one at a time, in order. */
export const progressWritesKey = (slug: string, assignmentId: string) => ["assignment-progress", slug, assignmentId] as const;

export function fetchAssignment(slug: string, assignmentId: string): Promise<AssignmentDetailJson> {
  return callEndpoint(api.getAssignment, { params: { orgSlug: slug, assignmentId } });
}

export function fetchItemHistory(slug: string, assignmentId: string, key: string): Promise<ItemHistoryJson> {
  return callEndpoint(api.getAssignmentItemHistory, { params: { orgSlug: slug, assignmentId, key } });
}

/**
 * Progress writes carry the Idempotency-Key of the user action they belong to: a
 * retry of that action (the same key) whose first answer was lost is answered
 * from the server's record instead of writing, and recording, the change twice.
 */
export function putItem(slug: string, assignmentId: string, key: string, change: ItemChange, idempotencyKey: string): Promise<ItemUpdateResultJson> {
  const headers = { "Idempotency-Key": idempotencyKey };
  return callEndpoint(api.updateAssignmentItem, { params: { orgSlug: slug, assignmentId, key }, body: change, headers });
}

export function postBulk(
  slug: string,
  assignmentId: string,
  body: { keys: string[]; state: ProgressState; notApplicableReason?: string },
  idempotencyKey: string,
): Promise<BulkUpdateResultJson> {
  return callEndpoint(api.bulkUpdateAssignmentItems, { params: { orgSlug: slug, assignmentId }, body, headers: { "Idempotency-Key": idempotencyKey } });
}

/**
 * A write is tried again only when the server may not have seen it or failed on
 * its side (no connection, 5xx): a 4xx is an answer, and the same body would get
 * it again. A retry sends the action's Idempotency-Key again, so the server
 * answers a write it already made without making it twice.
 */
export function shouldRetryWrite(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false;
  return error instanceof ApiError ? error.status === 0 || error.status >= 500 : false;
}

/** 0.5 s, 1 s, 2 s… up to 8 s, with jitter so many tabs coming back online do not retry in step. */
export function writeRetryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8000) * (0.75 + Math.random() * 0.5);
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : "Something went wrong. Try again.";
}
