/**
 * What a submission or a review changes in the caches the pages read, applied
 * from the server's answers (never guessed): the item's attempts, the roadmap's
 * row and counts, and the review queue.
 */
import type { InfiniteData } from "@tanstack/react-query";
import { changedItem, itemRowOf, withItems } from "@/components/assignments/roadmap/optimistic-progress";
import type { AssignmentDetailJson } from "@/components/assignments/roadmap/types";
import type { AttemptJson, ItemEvidenceJson, ReviewQueueJson, ReviewResultJson } from "./types";

/** The attempts with this one in its place (replaced by id, or added), newest first. */
export function withAttempt(evidence: ItemEvidenceJson, attempt: AttemptJson, may: Partial<Pick<ItemEvidenceJson, "canSubmit" | "canReview">> = {}): ItemEvidenceJson {
  const others = evidence.items.filter((item) => item.id !== attempt.id);
  return { ...evidence, ...may, items: [...others, attempt].sort((a, b) => b.number - a.number) };
}

/**
 * After a submission: the server starts a not-started item (submit-evidence.ts)
 * but answers with the attempt alone, so the row moves here the same way, and a
 * refetch confirms it.
 */
export function detailAfterSubmit(detail: AssignmentDetailJson, key: string, now: string): AssignmentDetailJson {
  const row = itemRowOf(detail, key);
  if (row && !row.archived && row.state !== "NOT_STARTED") return detail;
  return withItems(detail, new Map([[key, changedItem(row, key, { state: "IN_PROGRESS" }, now)]]));
}

/** After a review: an approval's item row (DONE), and the assignment's status and counts as the server gave them. */
export function detailAfterReview(detail: AssignmentDetailJson, result: Pick<ReviewResultJson, "item" | "assignment">): AssignmentDetailJson {
  if (result.assignment.id !== detail.assignment.id) return detail;
  const next = result.item ? withItems(detail, new Map([[result.item.stableKey, result.item]])) : detail;
  return { ...next, assignment: { ...next.assignment, status: result.assignment.status, progress: result.assignment.progress } };
}

/** The roadmap's evidence badge for one item (its latest attempt's status), from the server's answer to a submission or review. */
export function withEvidenceStatus(detail: AssignmentDetailJson, attempt: Pick<AttemptJson, "assignmentId" | "stableKey" | "status">): AssignmentDetailJson {
  if (attempt.assignmentId !== detail.assignment.id || detail.evidence[attempt.stableKey] === attempt.status) return detail;
  return { ...detail, evidence: { ...detail.evidence, [attempt.stableKey]: attempt.status } };
}

/** The queue's loaded pages without one attempt (reviewed), its totals one lower. */
export function withoutQueueEntry(data: InfiniteData<ReviewQueueJson, string | null>, attemptId: string): InfiniteData<ReviewQueueJson, string | null> {
  const removed = data.pages.flatMap((page) => page.items).find((entry) => entry.attempt.id === attemptId);
  if (!removed) return data;
  const overdue = removed.waiting.overdue ? 1 : 0;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((entry) => entry.attempt.id !== attemptId),
      total: Math.max(0, page.total - 1),
      overdueCount: Math.max(0, page.overdueCount - overdue),
    })),
  };
}
