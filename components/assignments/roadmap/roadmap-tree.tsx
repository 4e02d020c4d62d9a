"use client";

import { memo, useEffect, useRef } from "react";
import type { KeyboardEvent, MouseEvent } from "react";
import type { Counts, ProgressState } from "@/lib/progress/progress-math";
import type { EffectiveState, RoadmapModel } from "./roadmap-model";
import { RoadmapRow, rowDomId } from "./roadmap-row";
import { treeCommandFor } from "./tree-navigation";
import type { TreeCommand } from "./tree-navigation";
import type { VisibleRow } from "./visible-rows";
import type { RowPacing } from "./row-pacing";

export interface FocusRequest {
  key: string;
  /** A new request for the same row focuses it again. */
  nonce: number;
}

const rowOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[role="treeitem"]') : null);

/**
 * The roadmap: a flat list of role="treeitem" rows with aria-level, one of
 * them in the tab order (roving tabindex). Clicks and keys are handled here for
 * every row, so rows stay plain memoized values.
 */
export const RoadmapTree = memo(function RoadmapTree({
  label,
  describedBy,
  model,
  rows,
  states,
  effective,
  counts,
  pacing,
  noteKeys,
  tabbableKey,
  search,
  notice,
  markable,
  focusRequest,
  onCommand,
  onFocusRow,
  onMarkAll,
}: {
  label: string;
  /** The id of the text that lists the keys. */
  describedBy: string;
  model: RoadmapModel;
  rows: readonly VisibleRow[];
  states: ReadonlyMap<string, ProgressState>;
  effective: readonly EffectiveState[];
  counts: ReadonlyMap<string, Counts>;
  /** Per node, in the model's order (row-pacing.ts). */
  pacing: readonly RowPacing[];
  noteKeys: ReadonlySet<string>;
  tabbableKey: string | null;
  search: string;
  notice: { key: string; text: string } | null;
  /** Per section of the hire's own roadmap: how many items "Mark all done" sends; empty when read-only. */
  markable: ReadonlyMap<string, number>;
  focusRequest: FocusRequest | null;
  onCommand: (command: TreeCommand, key: string) => void;
  onFocusRow: (key: string) => void;
  onMarkAll: (sectionKey: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const handledFocus = useRef(0);

  // The row asked for may appear a render later (after unfolding its parents): try again as rows change.
  useEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest.nonce) return;
    const row = document.getElementById(rowDomId(focusRequest.key));
    if (!row || !ref.current?.contains(row)) return;
    handledFocus.current = focusRequest.nonce;
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }, [focusRequest, rows]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest("[data-row-actions]")) return;
    const row = rowOf(target);
    const key = row?.dataset.key;
    if (!row || !key) return;
    row.focus();
    if (target.closest("[data-fold]")) onCommand("fold", key);
    else if (target.closest("[data-check]")) onCommand("space", key);
    else if (target.closest("[data-open]")) onCommand("open", key);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys typed in a row's menu belong to the menu.
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute("role") !== "treeitem") return;
    const key = event.target.dataset.key;
    const command = key ? treeCommandFor(event) : null;
    if (!key || !command) return;
    event.preventDefault();
    if (command === "actions") {
      event.target.querySelector<HTMLButtonElement>("[data-section-actions]")?.click();
      return;
    }
    onCommand(command, key);
  }

  return (
    <div
      ref={ref}
      role="tree"
      aria-label={label}
      aria-describedby={describedBy}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // Focus follows clicks and Tab as well as the arrow keys.
        const key = event.target.getAttribute("role") === "treeitem" ? event.target.dataset.key : undefined;
        if (key) onFocusRow(key);
      }}
      className="flex flex-col rounded-xl border border-border bg-surface p-1.5"
    >
      {rows.map((row) => {
        const node = model.nodes[row.index]!;
        const branch = node.leaf ? null : counts.get(node.key);
        return (
          <RoadmapRow
            key={row.key}
            nodeKey={row.key}
            title={node.title}
            kind={node.kind}
            leaf={node.leaf}
            level={row.level}
            setSize={row.setSize}
            posInSet={row.posInSet}
            expandable={row.expandable}
            expanded={row.expanded}
            own={states.get(row.key) ?? "NOT_STARTED"}
            effective={effective[row.index]!}
            optional={node.source.optional}
            evidenceRequired={node.source.evidenceRequired}
            hasNote={noteKeys.has(row.key)}
            due={pacing[row.index]?.due ?? null}
            overdue={pacing[row.index]?.overdue ?? false}
            minutes={pacing[row.index]?.minutes ?? null}
            done={branch?.done ?? 0}
            total={branch?.total ?? 0}
            percent={branch?.percent ?? 0}
            tabbable={row.key === tabbableKey}
            search={search}
            notice={notice?.key === row.key ? notice.text : null}
            markable={markable.get(row.key) ?? null}
            onMarkAll={onMarkAll}
          />
        );
      })}
    </div>
  );
});
