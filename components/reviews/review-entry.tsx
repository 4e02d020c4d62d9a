"use client";

import Link from "next/link";
import { memo } from "react";
import { assignmentHref } from "@/components/assignments/assignments-api";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { AttemptFiles } from "@/components/evidence/attempt-files";
import { EvidenceLink } from "@/components/evidence/evidence-link";
import { GitHubVerification } from "@/components/evidence/github-verification";
import { personName } from "@/components/evidence/evidence-labels";
import { RequestChangesForm } from "@/components/evidence/request-changes-form";
import { SanitizedHtml } from "@/components/evidence/sanitized-html";
import type { ReviewQueueEntryJson } from "@/components/evidence/types";
import type { ReviewBody } from "@/components/evidence/types";
import type { EntryFailure, EntryRequest } from "./queue-state";
import { overdueLabel, waitedLong, waitingFor } from "./waiting-time";

export const entryDomId = (attemptId: string) => `review-entry-${attemptId}`;

/**
 * One waiting attempt: whose, which item, how long it has waited, the link and
 * the note, and the two decisions. The entry itself is the list's focus stop
 * (roving tabindex); focusing anything inside selects it.
 */
export const ReviewEntry = memo(function ReviewEntry({
  slug,
  entry,
  selected,
  tabbable,
  now,
  reviewTargetDays,
  request,
  chosen,
  failure,
  onChoose,
  onSelect,
  onApprove,
  onOpenRequest,
  onComment,
  onSendRequest,
  onCancelRequest,
  onRetry,
}: {
  slug: string;
  entry: ReviewQueueEntryJson;
  selected: boolean;
  tabbable: boolean;
  now: number;
  /** The organization's review target in working days (null until known). */
  reviewTargetDays: number | null;
  /** The open request-changes form, if this entry has one. */
  request: EntryRequest | null;
  /** Ticked for "Approve chosen". */
  chosen: boolean;
  /** The server refused this entry's last decision: why, shown with Retry. */
  failure: EntryFailure | null;
  onChoose: (attemptId: string, chosen: boolean) => void;
  onSelect: (attemptId: string) => void;
  onApprove: (entry: ReviewQueueEntryJson) => void;
  onOpenRequest: (entry: ReviewQueueEntryJson) => void;
  onComment: (attemptId: string, comment: string) => void;
  onSendRequest: (entry: ReviewQueueEntryJson) => void;
  onCancelRequest: (attemptId: string) => void;
  onRetry: (entry: ReviewQueueEntryJson, body: ReviewBody) => void;
}) {
  const { attempt, assignment, item } = entry;
  const id = entryDomId(attempt.id);
  const hire = personName(assignment.assignee);
  return (
    <article
      id={id}
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-about`}
      aria-current={selected ? "true" : undefined}
      onFocus={() => onSelect(attempt.id)}
      className={cx(
        "flex flex-col gap-3 rounded-xl border bg-surface p-4 outline-offset-2 focus-visible:outline-2 focus-visible:outline-ring",
        selected ? "border-primary shadow-[inset_4px_0_0_var(--primary)]" : "border-border",
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-base font-semibold break-words">
            {item.title}
          </h2>
          <p id={`${id}-about`} className="text-sm text-muted-foreground">
            {hire} · {assignment.track.title}
            {item.section ? ` · ${item.section.title}` : ""} · attempt {attempt.number}
          </p>
        </div>
        <div className="flex flex-col items-end gap-0.5">
          {now > 0 ? (
            <p className={cx("text-sm whitespace-nowrap tabular-nums", waitedLong(attempt.submittedAt, now) ? "font-medium text-danger" : "text-muted-foreground")}>
              <time dateTime={attempt.submittedAt}>{waitingFor(attempt.submittedAt, now)}</time>
            </p>
          ) : null}
          {entry.waiting.overdue && reviewTargetDays !== null ? <p className="text-sm font-medium text-danger">{overdueLabel(entry.waiting.workingDays, reviewTargetDays)}</p> : null}
        </div>
      </div>
      {attempt.link ? <EvidenceLink link={attempt.link} className="self-start text-sm" /> : null}
      <GitHubVerification attempt={attempt} />
      {attempt.noteHtml ? (
        <SanitizedHtml html={attempt.noteHtml} className="max-h-48 overflow-y-auto rounded-md bg-surface-muted p-2.5" />
      ) : attempt.note ? (
        <p className="max-h-48 overflow-y-auto rounded-md bg-surface-muted p-2.5 text-sm break-words whitespace-pre-wrap">{attempt.note}</p>
      ) : null}
      <AttemptFiles files={attempt.files} />
      {failure ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-danger bg-surface p-2.5 text-sm text-danger">
          <p className="min-w-0 flex-1 break-words">
            {failure.body.decision === "APPROVE" ? "Not approved" : "Changes were not requested"}: {failure.message}
          </p>
          <Button size="sm" variant="secondary" onClick={() => onRetry(entry, failure.body)}>
            Retry<span className="sr-only"> the decision on “{item.title}”</span>
          </Button>
        </div>
      ) : null}
      {request ? (
        <RequestChangesForm
          comment={request.comment}
          error={request.error}
          pending={false}
          onComment={(comment) => onComment(attempt.id, comment)}
          onSubmit={() => onSendRequest(entry)}
          onCancel={() => onCancelRequest(attempt.id)}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <label className="mr-1 flex items-center gap-1.5 text-sm touch:min-h-11">
            <input type="checkbox" className="size-4 accent-primary" checked={chosen} onChange={(event) => onChoose(attempt.id, event.target.checked)} />
            Choose<span className="sr-only"> “{item.title}” from {hire}</span>
          </label>
          <Button size="sm" onClick={() => onApprove(entry)}>
            Approve
          </Button>
          <Button size="sm" variant="secondary" onClick={() => onOpenRequest(entry)}>
            Request changes…
          </Button>
          <Link
            href={`${assignmentHref(slug, assignment.id)}?item=${encodeURIComponent(item.key)}`}
            className="ml-auto text-sm font-medium text-link underline-offset-2 hover:underline touch:inline-flex touch:min-h-11 touch:items-center"
          >
            Open in {hire}’s roadmap
          </Link>
        </div>
      )}
    </article>
  );
});
