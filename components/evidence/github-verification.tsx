"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { ApiError } from "@/lib/http/api-client";
import { recheckGitHub } from "./evidence-api";
import type { AttemptJson } from "./types";
import { verificationText } from "./verification-text";
import type { VerificationTone } from "./verification-text";
import { useDatePlace } from "@/components/ui/time";

const TONE: Record<VerificationTone, string> = {
  success: "border-success/40 bg-success/10 text-success",
  warning: "border-danger/30 bg-danger/5 text-danger",
  danger: "border-danger/50 bg-danger/10 text-danger",
  neutral: "border-border bg-surface-muted text-muted-foreground",
};

/**
 * What GitHub says about an attempt's pull request or commit (decision 0034),
 * for the hire, their mentors and admins alike, with "Check again". Nothing for
 * other evidence. The list it sits in refetches while a check is pending.
 */
export function GitHubVerification({ attempt }: { attempt: AttemptJson }) {
  const { orgSlug } = useParams<{ orgSlug: string }>();
  const queryClient = useQueryClient();
  const recheck = useMutation({
    mutationFn: () => recheckGitHub(orgSlug, attempt.id),
    // The item's attempts and the review queue show the check: both read it again.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes("evidence") || query.queryKey[0] === "review-queue" }),
  });
  const place = useDatePlace();
  const verification = attempt.verification;
  if (!verification) return null;
  const { tone, text } = verificationText(verification, place);
  const pending = verification.status === "PENDING";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p role="status" className={cx("rounded-md border px-2 py-1 text-xs font-medium", TONE[tone])} data-testid="github-verification">
        {text}
      </p>
      {pending ? null : (
        <Button variant="ghost" size="sm" loading={recheck.isPending} onClick={() => recheck.mutate()}>
          Check again
        </Button>
      )}
      {recheck.isError ? (
        <p role="alert" className="text-xs text-danger">
          {recheck.error instanceof ApiError ? recheck.error.message : "Could not ask GitHub again. Try later."}
        </p>
      ) : null}
    </div>
  );
}
