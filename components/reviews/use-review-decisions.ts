"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InfiniteData } from "@tanstack/react-query";
import type { Dispatch } from "react";
import { assignmentKey } from "@/components/assignments/roadmap/assignment-api";
import { approveAttempts, reviewAttempt, reviewCountKey, reviewQueueKey } from "@/components/evidence/evidence-api";
import { withoutQueueEntry } from "@/components/evidence/evidence-cache";
import { describeReviewFailure } from "@/components/evidence/evidence-errors";
import { personName } from "@/components/evidence/evidence-labels";
import { syncAfterReview } from "@/components/evidence/evidence-sync";
import type { ReviewBody, ReviewQueueEntryJson, ReviewQueueJson } from "@/components/evidence/types";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/api-client";
import type { QueueAction } from "./queue-state";

interface Decision {
  entry: ReviewQueueEntryJson;
  body: ReviewBody;
}

type QueueData = InfiniteData<ReviewQueueJson, string | null>;

const isRetryable = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status >= 500);

/**
 * The queue's two writes and what their answers do to the list: one decision (the entry is
 * already off the list; a refusal puts it back with the reason in a toast, and a dropped
 * connection offers Try again through `retry`), and "Approve chosen" (all or nothing).
 */
export function useReviewDecisions(slug: string, dispatch: Dispatch<QueueAction>, retry: (entry: ReviewQueueEntryJson, body: ReviewBody) => void) {
  const queryClient = useQueryClient();
  const { toast } = useToast();

  const decide = useMutation({
    mutationFn: ({ entry, body }: Decision) => reviewAttempt(slug, entry.attempt.id, body),
    onSuccess: (result, { entry, body }) => {
      queryClient.setQueriesData<QueueData>({ queryKey: reviewQueueKey(slug) }, (data) => data && withoutQueueEntry(data, entry.attempt.id));
      syncAfterReview(queryClient, slug, result, { keepQueue: true });
      toast({ tone: "success", title: body.decision === "APPROVE" ? `Approved “${entry.item.title}”` : `Changes requested on “${entry.item.title}”`, description: `${personName(entry.assignment.assignee)} will see it on their roadmap.` });
    },
    onError: (error, decision) => {
      const { entry, body } = decision;
      const failure = describeReviewFailure(error);
      if (failure.stale) {
        // Someone else decided first: it stays off the list, which is read again.
        toast({ tone: "info", title: `“${entry.item.title}” was already reviewed`, description: failure.message ?? undefined });
        void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
        return;
      }
      dispatch({ type: "putBack", id: entry.attempt.id, request: body.decision === "REQUEST_CHANGES" ? { comment: body.comment ?? "", error: failure.comment } : null });
      toast({
        tone: "error",
        title: body.decision === "APPROVE" ? `“${entry.item.title}” was not approved` : `Changes were not requested on “${entry.item.title}”`,
        description: failure.message ?? failure.comment ?? undefined,
        action: isRetryable(error) ? { label: "Try again", onAction: () => retry(entry, body) } : undefined,
      });
    },
  });

  const approveChosen = useMutation({
    mutationFn: (batch: ReviewQueueEntryJson[]) => approveAttempts(slug, batch.map((entry) => entry.attempt.id)),
    onSuccess: (result) => {
      const approved = result.approved.map((attempt) => attempt.id);
      dispatch({ type: "approved", ids: approved });
      for (const assignment of result.assignments) void queryClient.invalidateQueries({ queryKey: assignmentKey(slug, assignment.id) });
      void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
      void queryClient.invalidateQueries({ queryKey: reviewCountKey(slug) });
      const count = new Set(approved).size;
      toast({ tone: "success", title: `Approved ${count} ${count === 1 ? "item" : "items"}`, description: "Each is done on its hire's roadmap." });
    },
    onError: (error, batch) => {
      // All or nothing: the list stays as it was, read again in case someone else decided some.
      const refused = error instanceof ApiError ? batch.find((entry) => entry.attempt.id === error.details.attemptId) : undefined;
      toast({ tone: "error", title: "Nothing was approved", description: `${refused ? `“${refused.item.title}”: ` : ""}${error instanceof ApiError ? error.message : "Try again."}` });
      void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
    },
  });

  return { decide, approveChosen };
}
