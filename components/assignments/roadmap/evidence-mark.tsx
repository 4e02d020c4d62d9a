import { cx } from "@/components/ui/class-names";
import { EVIDENCE_BADGE } from "./row-evidence";
import type { EvidenceStatus } from "./row-evidence";

const TONE: Record<EvidenceStatus | "NONE", string> = {
  NONE: "bg-surface-muted text-muted-foreground ring-1 ring-border ring-inset",
  SUBMITTED: "bg-primary/10 text-primary",
  CHANGES_REQUESTED: "bg-danger/10 font-medium text-danger",
  // A tint of green under green text is below 4.5:1 at this size; white keeps it above.
  APPROVED: "bg-surface text-success ring-1 ring-success/40 ring-inset",
};

/** A page with a tick: "show your work". Decorative; the words next to it carry the meaning. */
export function EvidenceIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" width="12" height="12" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={cx("shrink-0", className)}>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
      <path d="m9 14 2 2 4-4" />
    </svg>
  );
}

/**
 * An item's evidence on its row: the icon when the item requires evidence, and its
 * latest attempt's status in words ("waiting for review", "changes requested",
 * "approved"), or "evidence required" while there is none. Never colour alone. That an
 * item with an attempt also requires evidence is said at the end of the row's name
 * (roadmap-row.tsx), never between the words it shows: a speech user says what is shown
 * (WCAG 2.5.3, label in name).
 */
export function EvidenceMark({ required, status }: { required: boolean; status: EvidenceStatus | null }) {
  return (
    <span data-evidence={status ?? "required"} className={cx("inline-flex items-center gap-1 rounded px-1.5 text-xs whitespace-nowrap", TONE[status ?? "NONE"])}>
      {/* A leading space, as the row's other chips have: the row's name is its text, words kept apart. */}{" "}
      {required ? <EvidenceIcon /> : null}
      {status === null ? "evidence required" : EVIDENCE_BADGE[status]}
    </span>
  );
}
