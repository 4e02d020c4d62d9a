import { useId } from "react";
import type { ReactNode } from "react";
import { cx } from "@/components/ui/class-names";
import { AttemptFiles } from "./attempt-files";
import { AttemptStatusBadge } from "./attempt-status-badge";
import { EvidenceLink } from "./evidence-link";
import { GitHubVerification } from "./github-verification";
import { personName } from "./evidence-labels";
import { SanitizedHtml } from "./sanitized-html";
import type { AttemptJson } from "./types";
import { Time as FormattedTime } from "@/components/ui/time";

function Time({ at }: { at: string }) {
  return <FormattedTime value={at} format="dateTime" className="tabular-nums" />;
}

/**
 * One attempt: its status, who sent it and when, the link and the note, and the
 * review that closed it. Notes and comments come as the server's sanitized HTML.
 */
export function AttemptCard({ attempt, headingLevel = 4, children }: { attempt: AttemptJson; headingLevel?: 3 | 4; children?: ReactNode }) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const { review } = attempt;
  return (
    <article aria-labelledby={`${id}-title`} className={cx("flex flex-col gap-2 rounded-md border p-3", attempt.status === "SUBMITTED" ? "border-primary/40" : "border-border")}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading id={`${id}-title`} className="text-sm font-semibold">
          Attempt {attempt.number}
        </Heading>
        <AttemptStatusBadge status={attempt.status} />
      </div>
      <p className="text-xs text-muted-foreground">
        Sent by {personName(attempt.submittedBy)} · <Time at={attempt.submittedAt} />
      </p>
      {attempt.link ? <EvidenceLink link={attempt.link} className="self-start text-sm" /> : null}
      <GitHubVerification attempt={attempt} />
      {attempt.noteHtml ? (
        <SanitizedHtml html={attempt.noteHtml} className="rounded-md bg-surface-muted p-2.5" />
      ) : attempt.note ? (
        <p className="rounded-md bg-surface-muted p-2.5 text-sm break-words whitespace-pre-wrap">{attempt.note}</p>
      ) : null}
      <AttemptFiles files={attempt.files} />
      {review ? (
        <div className={cx("flex flex-col gap-1 border-l-2 pl-3", attempt.status === "APPROVED" ? "border-success" : "border-danger")}>
          <p className="text-xs text-muted-foreground">
            {attempt.status === "APPROVED" ? "Approved" : "Changes requested"} by {personName(review.reviewer)} · <Time at={review.at} />
          </p>
          {review.commentHtml ? <SanitizedHtml html={review.commentHtml} /> : review.comment ? <p className="text-sm break-words whitespace-pre-wrap">{review.comment}</p> : null}
        </div>
      ) : null}
      {children}
    </article>
  );
}
