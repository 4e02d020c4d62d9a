/** The evidence and review endpoints the browser calls, with their cache keys. */
import { assignmentKey } from "@/components/assignments/roadmap/assignment-api";
import { callEndpoint, queryString } from "@/lib/api/client";
import type { EndpointQuery } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import type { AttemptJson, ItemEvidenceJson, ReviewBody, ReviewQueueJson, ReviewResultJson, SubmitEvidenceBody } from "./types";


/**
 * Under the assignment's key, so whatever refreshes a whole assignment (a review
 * from the queue) refreshes its items' evidence too.
 */
export const itemEvidenceKey = (slug: string, assignmentId: string, key: string) => [...assignmentKey(slug, assignmentId), "evidence", key] as const;
/** Every cached page of the review queue, whatever its filters. */
export const reviewQueueKey = (slug: string) => ["review-queue", slug] as const;
/** How many attempts wait for the viewer (the tab's badge). */
export const reviewCountKey = (slug: string) => ["review-count", slug] as const;

export function fetchItemEvidence(slug: string, assignmentId: string, key: string): Promise<ItemEvidenceJson> {
  return callEndpoint(api.listItemEvidence, { params: { orgSlug: slug, assignmentId, key } });
}

export function submitEvidence(slug: string, assignmentId: string, key: string, body: SubmitEvidenceBody, idempotencyKey: string): Promise<AttemptJson> {
  const { files = [], ...fields } = body;
  return callEndpoint(api.submitEvidence, {
    params: { orgSlug: slug, assignmentId, key },
    body: files.length > 0 ? multipartOf(fields, files) : fields,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

function multipartOf(fields: Record<string, string | undefined>, files: File[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
  for (const file of files) form.append("files", file, file.name);
  return form;
}

/** Not retried on its own: a review takes no Idempotency-Key, and a repeat of one that landed is refused (422). */
/** `keepalive` for a decision sent as the page goes away (use-review-decisions.ts). */
export function reviewAttempt(slug: string, attemptId: string, body: ReviewBody, { keepalive = false } = {}): Promise<ReviewResultJson> {
  return callEndpoint(api.reviewEvidence, { params: { orgSlug: slug, attemptId }, body, keepalive });
}

export interface ReviewQueueFilters {
  /** The hire's user id. */
  assigneeId: string | null;
  trackId: string | null;
  /** A top-level section's stable key (only with a track). */
  sectionKey: string | null;
  /** Only attempts past the organization's review target (the reviewer SLA). */
  overdue?: boolean;
}

export const REVIEW_PAGE_SIZE = 25;

/** The queue endpoint's query for one page (empty filters left out). */
export function reviewQueueParams(filters: ReviewQueueFilters, cursor: string | null, limit = REVIEW_PAGE_SIZE): EndpointQuery<typeof api.listReviewQueue> {
  return {
    limit,
    assigneeId: filters.assigneeId || undefined,
    trackId: filters.trackId || undefined,
    sectionKey: filters.sectionKey || undefined,
    overdue: filters.overdue ? "true" : undefined,
    cursor: cursor || undefined,
  };
}

/** The same query as text. */
export const reviewQueueQuery = (filters: ReviewQueueFilters, cursor: string | null, limit = REVIEW_PAGE_SIZE): string => queryString(reviewQueueParams(filters, cursor, limit));

export function fetchReviewQueue(slug: string, filters: ReviewQueueFilters, cursor: string | null): Promise<ReviewQueueJson> {
  return callEndpoint(api.listReviewQueue, { params: { orgSlug: slug }, query: reviewQueueParams(filters, cursor) });
}

/** The number waiting, unfiltered: one entry is the smallest page, and `total` counts them all. */
export async function fetchReviewCount(slug: string): Promise<number> {
  return (await callEndpoint(api.listReviewQueue, { params: { orgSlug: slug }, query: { limit: 1 } })).total;
}

export interface BulkApproveJson {
  approved: AttemptJson[];
  assignments: Array<{ id: string }>;
}

/** Approves the chosen attempts, all or nothing (the first that cannot be approved refuses them all). */
export function approveAttempts(slug: string, attemptIds: string[]): Promise<BulkApproveJson> {
  return callEndpoint(api.bulkApproveEvidence, { params: { orgSlug: slug }, body: { attemptIds } });
}

/** "Check again": asks GitHub about the attempt's link once more (decision 0034). */
export function recheckGitHub(slug: string, attemptId: string): Promise<NonNullable<AttemptJson["verification"]>> {
  return callEndpoint(api.rerunEvidenceCheck, { params: { orgSlug: slug, attemptId } });
}
