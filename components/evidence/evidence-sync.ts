/**
 * After a submission or a review, every cache that shows it: the item's
 * attempts and the roadmap (its row, counts and evidence badge) take the server's answer at once; the item's
 * history, the lists and the review queue and count are read again.
 */
import type { QueryClient } from "@tanstack/react-query";
import { assignmentKey, myAssignmentsKey, progressWritesKey } from "@/components/assignments/roadmap/assignment-api";
import type { AssignmentDetailJson } from "@/components/assignments/roadmap/types";
import { assignmentsKey } from "@/components/assignments/assignments-api";
import { detailAfterReview, detailAfterSubmit, withAttempt, withEvidenceStatus } from "./evidence-cache";
import { itemEvidenceKey, reviewCountKey, reviewQueueKey } from "./evidence-api";
import type { AttemptJson, ItemEvidenceJson, ReviewResultJson } from "./types";

function refreshAround(queryClient: QueryClient, slug: string, assignmentId: string) {
  const detailKey = assignmentKey(slug, assignmentId);
  void queryClient.invalidateQueries({ queryKey: [...detailKey, "history"] });
  void queryClient.invalidateQueries({ queryKey: [...detailKey, "evidence"] });
  // The hire's own writes keep the detail while they are queued (use-assignment.ts); read it back only when none is.
  if (queryClient.isMutating({ mutationKey: progressWritesKey(slug, assignmentId) }) === 0) void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
  void queryClient.invalidateQueries({ queryKey: myAssignmentsKey(slug) });
  void queryClient.invalidateQueries({ queryKey: assignmentsKey(slug) });
  void queryClient.invalidateQueries({ queryKey: reviewCountKey(slug) });
}

export function syncAfterSubmit(queryClient: QueryClient, slug: string, assignmentId: string, key: string, attempt: AttemptJson) {
  // The author never reviews their own attempt, and one waits at a time.
  queryClient.setQueryData<ItemEvidenceJson>(itemEvidenceKey(slug, assignmentId, key), (current) => current && withAttempt(current, attempt, { canSubmit: false, canReview: false }));
  queryClient.setQueryData<AssignmentDetailJson>(assignmentKey(slug, assignmentId), (detail) => detail && withEvidenceStatus(detailAfterSubmit(detail, key, attempt.submittedAt), attempt));
  void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
  refreshAround(queryClient, slug, assignmentId);
}

/** The queue page removes its own entry; it passes `keepQueue` so its pages are not read again under it. */
export function syncAfterReview(queryClient: QueryClient, slug: string, result: ReviewResultJson, { keepQueue = false }: { keepQueue?: boolean } = {}) {
  const { attempt } = result;
  queryClient.setQueryData<ItemEvidenceJson>(itemEvidenceKey(slug, attempt.assignmentId, attempt.stableKey), (current) => current && withAttempt(current, attempt, { canReview: false }));
  queryClient.setQueryData<AssignmentDetailJson>(assignmentKey(slug, attempt.assignmentId), (detail) => detail && withEvidenceStatus(detailAfterReview(detail, result), attempt));
  if (!keepQueue) void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
  refreshAround(queryClient, slug, attempt.assignmentId);
}
