"use client";

import { memo } from "react";
import type { ReactNode } from "react";
import { cx } from "@/components/ui/class-names";
import { treeItemAttributes } from "@/components/ui/tree/tree-item";
import type { ProgressState } from "@/lib/progress/progress-math";
import { ProgressBar } from "./progress-bar";
import type { EffectiveState } from "./roadmap-model";
import { EvidenceMark } from "./evidence-mark";
import type { EvidenceStatus } from "./row-evidence";
import { SectionActionsMenu } from "./section-actions-menu";
import { STATE_LABEL } from "./state-labels";

export interface RoadmapRowProps {
  nodeKey: string;
  title: string;
  kind: "SECTION" | "ITEM";
  leaf: boolean;
  level: number;
  setSize: number;
  posInSet: number;
  expandable: boolean;
  expanded: boolean;
  own: ProgressState;
  effective: EffectiveState;
  optional: boolean;
  evidenceRequired: boolean;
  /** The latest attempt's status; null without one. */
  evidence: EvidenceStatus | null;
  hasNote: boolean;
  /** "due in 2 days" / "overdue by 1 day" while open; null otherwise (row-pacing.ts). */
  due: string | null;
  overdue: boolean;
  /** "about 30 min", "about 2 h in all"; null without estimates. */
  minutes: string | null;
  /** Counted leaves done and in all below a branch; unused on leaves. */
  done: number;
  total: number;
  percent: number;
  tabbable: boolean;
  /** Its details are in the side panel: marked on the row, so the tree says which item the panel shows. */
  open: boolean;
  /** The search in effect, lower-case: its matches in the title are marked. */
  search: string;
  /** A short word shown on the row after a key press it refused ("needs evidence"). */
  notice: string | null;
  /** Sections of the hire's own roadmap: how many items "Mark all done" would send; null hides the menu. */
  markable: number | null;
  onMarkAll: (sectionKey: string) => void;
}

export const rowDomId = (key: string) => `roadmap-row-${key}`;

const CHECK_MARK: Record<EffectiveState, ReactNode> = {
  NOT_STARTED: null,
  IN_PROGRESS: <span className="size-2 rounded-full bg-primary" />,
  DONE: (
    <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round">
      <path d="m5 12 5 5 9-10" />
    </svg>
  ),
  NOT_APPLICABLE: <span className="h-0.5 w-2.5 rounded bg-current" />,
  SKIPPED: <span className="h-0.5 w-2.5 rounded bg-current" />,
};

function Highlighted({ text, search }: { text: string; search: string }) {
  if (!search) return text;
  const lower = text.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(search); at >= 0; at = lower.indexOf(search, at + search.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={at} className="rounded-sm bg-primary/20 text-inherit">
        {text.slice(at, at + search.length)}
      </mark>,
    );
    from = at + search.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * One row of the roadmap. Props are plain values, so memo skips every row whose
 * own values did not change: a toggle re-renders the item and the branches
 * above it, not 703 rows. Clicks and keys are handled by the tree for all rows
 * (roadmap-tree.tsx, components/ui/tree); the inner controls are out of the tab order, since the
 * row itself is the focus stop and the keyboard reaches all they do.
 */
export const RoadmapRow = memo(function RoadmapRow(props: RoadmapRowProps) {
  const { nodeKey, title, kind, leaf, level, expandable, expanded, own, effective } = props;
  const id = rowDomId(nodeKey);
  const excluded = effective === "SKIPPED" || effective === "NOT_APPLICABLE";
  const isSection = kind === "SECTION";
  const badges: string[] = [];
  if (effective === "SKIPPED") badges.push("skipped");
  else if (effective === "NOT_APPLICABLE") badges.push(own === "NOT_APPLICABLE" ? "not applicable" : "not applicable (above)");
  else if (leaf && own === "IN_PROGRESS") badges.push("in progress");
  if (props.optional) badges.push("optional");
  if (props.hasNote) badges.push("note");
  if (props.minutes !== null && !excluded) badges.push(props.minutes);

  return (
    <div
      {...treeItemAttributes({ key: nodeKey, level, setSize: props.setSize, posInSet: props.posInSet, expandable, expanded }, props.tabbable)}
      id={id}
      aria-checked={leaf && !excluded ? (own === "DONE" ? true : own === "IN_PROGRESS" ? "mixed" : false) : undefined}
      aria-selected={props.tabbable}
      aria-current={props.open || undefined}
      // The name is all the row shows, title first (WCAG 2.5.3, label in name: what a speech user
      // reads on the row is in its name); the keys are the tree's description.
      aria-labelledby={`${id}-title ${id}-about`}
      className={cx(
        "group flex min-h-9 cursor-default items-center touch:min-h-11 gap-1.5 rounded-md pr-2 text-sm outline-offset-[-2px] select-none focus-visible:outline-2 focus-visible:outline-ring",
        // Item rows off screen skip layout and paint (a fully unfolded roadmap is 718 rows); not
        // sections, whose actions menu opens outside the row and would be clipped.
        isSection ? "mt-1 border-t border-border bg-surface-muted/60 py-1 first:mt-0 first:border-t-0" : "[contain-intrinsic-size:auto_2.25rem] [content-visibility:auto] hover:bg-surface-muted",
        props.tabbable && "bg-primary/5",
        props.open && "bg-primary/10 shadow-[inset_3px_0_0_var(--color-primary)]",
      )}
      style={{ paddingLeft: `${(level - 1) * 1.1 + 0.25}rem` }}
    >
      <span data-fold={expandable ? "" : undefined} aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center rounded text-muted-foreground hover:bg-surface-muted">
        {expandable ? (
          <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2.5} className={cx("transition-transform motion-reduce:transition-none", expanded && "rotate-90")}>
            <path d="m9 6 6 6-6 6" />
          </svg>
        ) : null}
      </span>
      {leaf ? (
        // The box is 18 px; on touch screens its tap area is 44 px around it.
        <span data-check="" aria-hidden="true" className="flex shrink-0 items-center justify-center touch:-mx-3 touch:size-11">
          <span
            className={cx(
              "flex size-4.5 items-center justify-center rounded border",
              effective === "DONE" ? "border-primary bg-primary text-on-primary" : "border-border-strong bg-surface text-muted-foreground",
              excluded && "border-dashed opacity-60",
            )}
          >
            {CHECK_MARK[effective]}
          </span>
        </span>
      ) : null}
      <span
        id={`${id}-title`}
        data-open=""
        className={cx(
          "min-w-0 flex-1 cursor-pointer py-1 break-words underline-offset-2 hover:underline",
          isSection && "font-semibold",
          excluded && "text-muted-foreground line-through decoration-muted-foreground/50",
          leaf && effective === "DONE" && "text-muted-foreground",
        )}
      >
        <Highlighted text={title} search={props.search} />
      </span>
      {/* The leading spaces below (not drawn: each chip is a flex item) keep the row's words apart in its text, as read by axe or copied. */}{" "}
      <span id={`${id}-about`} className="flex shrink-0 flex-wrap items-center justify-end gap-1">
        {props.notice ? <span className="rounded bg-danger/10 px-1.5 text-xs font-medium text-danger"> {props.notice}</span> : null}
        {props.due !== null ? (
          <span data-due="" className={cx("rounded px-1.5 text-xs", props.overdue ? "bg-danger/10 font-medium text-danger" : "bg-surface-muted text-muted-foreground ring-1 ring-border ring-inset")}>
            {" "}
            {props.due}
          </span>
        ) : null}
        {props.evidenceRequired || props.evidence !== null ? <EvidenceMark required={props.evidenceRequired} status={props.evidence} /> : null}
        {badges.map((badge) => (
          <span key={badge} className={cx("rounded px-1.5 text-xs", badge === "in progress" ? "bg-primary/10 text-primary" : "bg-surface-muted text-muted-foreground ring-1 ring-border ring-inset")}>
            {" "}
            {badge}
          </span>
        ))}
        {leaf && !excluded && own !== "IN_PROGRESS" ? <span className="sr-only">{STATE_LABEL[own]}</span> : null}
        {/* Said last, after what the row shows (evidence-mark.tsx): the status chip alone does not say the item requires evidence. */}
        {props.evidenceRequired && props.evidence !== null ? <span className="sr-only"> evidence required</span> : null}
        {leaf || excluded ? null : isSection ? (
          <span className="flex items-center gap-2 pl-2">
            {/* The bar draws the numbers beside it; they are what the row's name says. */}
            <span aria-hidden="true" className="hidden w-24 sm:block">
              <ProgressBar percent={props.percent} label={`${title}: ${props.percent}%`} size="sm" className="w-24" />
            </span>
            <span className="w-24 text-right text-xs text-muted-foreground tabular-nums">
              {" "}
              {props.done}/{props.total} · {props.percent}%
            </span>
          </span>
        ) : props.total > 0 ? (
          <span className="text-xs text-muted-foreground tabular-nums">
            {" "}
            {props.done}/{props.total}
          </span>
        ) : null}
      </span>
      {props.markable !== null ? <SectionActionsMenu sectionKey={nodeKey} title={title} markable={props.markable} onMarkAll={props.onMarkAll} /> : null}
    </div>
  );
});
