"use client";

import { memo } from "react";
import { cx } from "@/components/ui/class-names";
import { treeItemAttributes } from "@/components/ui/tree/tree-item";
import type { NodeKind } from "@/lib/tracks/tree-edit";
import type { DropZone } from "./drop-target";
import { matchParts } from "./outline-search";
import { RenameInput } from "./rename-input";

export interface TreeRowProps {
  nodeKey: string;
  title: string;
  kind: NodeKind;
  level: number;
  childCount: number;
  expanded: boolean;
  setSize: number;
  posInSet: number;
  selected: boolean;
  tabbable: boolean;
  optional: boolean;
  evidenceRequired: boolean;
  verificationRequired: boolean;
  estimatedMinutes: number | null;
  /** "day 3", "week 2"; null without a due. */
  due: string | null;
  linkCount: number;
  hasDescription: boolean;
  unsaved: boolean;
  dropZone: DropZone | null;
  renaming: boolean;
  /** The search's query when this row's title holds it (its match is marked); null otherwise. */
  searchQuery: string | null;
  onRenameCommit?: (title: string, refocus: boolean) => string | null;
  onRenameCancel?: (refocus: boolean) => void;
}

const DROP_CLASSES: Record<DropZone, string> = {
  before: "shadow-[inset_0_2px_0_0_var(--primary)]",
  after: "shadow-[inset_0_-2px_0_0_var(--primary)]",
  inside: "bg-primary/15 ring-2 ring-primary ring-inset",
};

/** An id for aria attributes; temporary keys hold a ":", which ids may, but keep them tidy. */
export const rowDomId = (key: string) => `tree-row-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/**
 * One row. Props are plain values, so memo skips every row whose node did not
 * change: moving the selection re-renders two rows, not 703. The list handles
 * clicks, keys and drags for all rows (tree-list.tsx), so rows take no handlers.
 */
export const TreeRow = memo(function TreeRow(props: TreeRowProps) {
  const { nodeKey, title, kind, level, childCount, expanded, selected, renaming } = props;
  const id = rowDomId(nodeKey);
  const parts = props.searchQuery !== null ? matchParts(title, props.searchQuery) : null;
  const badges: string[] = [];
  if (props.optional) badges.push("optional");
  if (props.evidenceRequired) badges.push("evidence required");
  if (props.verificationRequired) badges.push("verified on GitHub");
  if (props.estimatedMinutes !== null) badges.push(`${props.estimatedMinutes} min`);
  if (props.due !== null) badges.push(`due ${props.due}`);
  if (props.linkCount > 0) badges.push(props.linkCount === 1 ? "1 link" : `${props.linkCount} links`);
  if (props.hasDescription) badges.push("notes");
  if (props.unsaved) badges.push("unsaved changes");

  return (
    <div
      {...treeItemAttributes({ key: nodeKey, level, setSize: props.setSize, posInSet: props.posInSet, expandable: childCount > 0, expanded }, props.tabbable)}
      id={id}
      aria-selected={selected}
      // The name is all the row shows, title first (WCAG 2.5.3, label in name: what a speech user
      // reads on the row is in its name).
      aria-labelledby={`${id}-title ${id}-about`}
      draggable={!renaming}
      className={cx(
        "flex min-h-8 cursor-default items-center gap-1 rounded-md pr-2 text-sm outline-offset-[-2px] select-none",
        selected ? "bg-primary/10" : "hover:bg-surface-muted",
        props.dropZone && DROP_CLASSES[props.dropZone],
      )}
      style={{ paddingLeft: `${(level - 1) * 1.25 + 0.25}rem` }}
    >
      <span data-toggle={childCount > 0 ? "" : undefined} aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center text-muted-foreground">
        {childCount > 0 ? (
          <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2.5} className={cx("transition-transform motion-reduce:transition-none", expanded && "rotate-90")}>
            <path d="m9 6 6 6-6 6" />
          </svg>
        ) : null}
      </span>
      <span id={`${id}-title`} className={cx("min-w-0 truncate", kind === "SECTION" && "font-semibold", renaming && "sr-only")}>
        {parts ? (
          <>
            {parts[0]}
            <mark className="rounded-sm bg-primary/20 text-inherit">{parts[1]}</mark>
            {parts[2]}
          </>
        ) : (
          title
        )}
      </span>
      {renaming && props.onRenameCommit && props.onRenameCancel ? (
        <RenameInput initial={title} label={kind === "SECTION" ? "Section title" : "Item title"} onCommit={props.onRenameCommit} onCancel={props.onRenameCancel} />
      ) : null}
      {/* The leading spaces below (not drawn: each chip is a flex item) keep the row's words apart in its text, as read by axe or copied. */}{" "}
      <span id={`${id}-about`} className="ml-auto flex shrink-0 items-center gap-1 pl-2">
        {badges.length > 0 ? (
          <span className="flex gap-1">
            {badges.map((badge) => (
              <span key={badge} className={cx("rounded px-1.5 text-xs", badge === "unsaved changes" ? "bg-primary/10 font-medium text-primary" : "bg-surface-muted text-muted-foreground")}>
                {" "}
                {badge}
              </span>
            ))}
          </span>
        ) : null}
        {/* What a folded row hides, at a glance. */}
        {childCount > 0 && !expanded ? (
          <span className="text-xs text-muted-foreground">
            {" "}
            {childCount}
            <span className="sr-only"> inside</span>
          </span>
        ) : null}
      </span>
    </div>
  );
});
