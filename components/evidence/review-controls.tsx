"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { itemEvidenceKey, reviewAttempt } from "./evidence-api";
import { describeReviewFailure } from "./evidence-errors";
import { syncAfterReview } from "./evidence-sync";
import { COMMENT_REQUIRED, RequestChangesForm } from "./request-changes-form";
import type { AttemptJson, ReviewBody } from "./types";

/** Approve or request changes on the waiting attempt, from the item panel of a hire's roadmap. */
export function ReviewControls({ slug, attempt, itemTitle }: { slug: string; attempt: AttemptJson; itemTitle: string }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [requesting, setRequesting] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<{ comment: string | null; message: string | null } | null>(null);

  const review = useMutation({
    mutationFn: (body: ReviewBody) => reviewAttempt(slug, attempt.id, body),
    onSuccess: (result, body) => {
      syncAfterReview(queryClient, slug, result);
      toast({ tone: "success", title: body.decision === "APPROVE" ? `Approved “${itemTitle}”` : `Changes requested on “${itemTitle}”` });
    },
    onError: (failure) => {
      const described = describeReviewFailure(failure);
      setError(described);
      if (described.stale) void queryClient.invalidateQueries({ queryKey: itemEvidenceKey(slug, attempt.assignmentId, attempt.stableKey), exact: true });
    },
  });

  function requestChanges() {
    if (!comment.trim()) return setError({ comment: COMMENT_REQUIRED, message: null });
    setError(null);
    review.mutate({ decision: "REQUEST_CHANGES", comment });
  }

  const approving = review.isPending && review.variables.decision === "APPROVE";
  return (
    <div className="flex flex-col gap-2 border-t border-border pt-2">
      {error?.message ? (
        <p role="alert" className="text-sm text-danger">
          {error.message}
        </p>
      ) : null}
      {requesting ? (
        <RequestChangesForm
          comment={comment}
          onComment={(text) => {
            setComment(text);
            if (error?.comment) setError({ ...error, comment: null });
          }}
          error={error?.comment ?? null}
          pending={review.isPending}
          onSubmit={requestChanges}
          onCancel={() => {
            setRequesting(false);
            setError(null);
          }}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            loading={approving}
            disabled={review.isPending}
            onClick={() => {
              setError(null);
              review.mutate({ decision: "APPROVE" });
            }}
          >
            Approve
          </Button>
          <Button size="sm" variant="secondary" disabled={review.isPending} onClick={() => setRequesting(true)}>
            Request changes…
          </Button>
        </div>
      )}
    </div>
  );
}
