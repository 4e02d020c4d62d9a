"use client";

import { memo } from "react";
import type { MouseEvent } from "react";
import { Tree, treeItemOf } from "@/components/ui/tree/tree";
import type { FocusRequest } from "@/components/ui/tree/tree";
import type { VisibleRow } from "@/components/ui/tree/visible-rows";
import type { Counts, ProgressState } from "@/lib/progress/progress-math";
import type { EffectiveState, RoadmapModel } from "./roadmap-model";
import { RoadmapRow } from "./roadmap-row";
import type { EvidenceStatus } from "./row-evidence";
import { treeCommandFor } from "./tree-navigation";
import type { TreeCommand } from "./tree-navigation";
import type { RowPacing } from "./row-pacing";

/**
 * The roadmap: the shared tree (components/ui/tree) with the roadmap's rows,
 * keys and clicks. Clicks are handled here for every row, so rows stay plain
 * memoized values.
 */
export const RoadmapTree = memo(function RoadmapTree({
  label,
  describedBy,
  model,
  rows,
  states,
  effective,
  evidence,
  counts,
  pacing,
  noteKeys,
  tabbableKey,
  openKey,
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
  /** Per node, in the model's order: the latest attempt's status (row-evidence.ts). */
  evidence: ReadonlyArray<EvidenceStatus | undefined>;
  counts: ReadonlyMap<string, Counts>;
  /** Per node, in the model's order (row-pacing.ts). */
  pacing: readonly RowPacing[];
  noteKeys: ReadonlySet<string>;
  tabbableKey: string | null;
  /** The item in the side panel; null when it is closed. */
  openKey: string | null;
  search: string;
  notice: { key: string; text: string } | null;
  /** Per section of the hire's own roadmap: how many items "Mark all done" sends; empty when read-only. */
  markable: ReadonlyMap<string, number>;
  focusRequest: FocusRequest | null;
  onCommand: (command: TreeCommand, key: string) => void;
  onFocusRow: (key: string) => void;
  onMarkAll: (sectionKey: string) => void;
}) {
  function onClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest("[data-row-actions]")) return;
    const row = treeItemOf(target);
    const key = row?.dataset.key;
    if (!row || !key) return;
    row.focus();
    if (target.closest("[data-fold]")) onCommand("fold", key);
    else if (target.closest("[data-check]")) onCommand("space", key);
    else if (target.closest("[data-open]")) onCommand("open", key);
  }

  return (
    <Tree
      label={label}
      aria-describedby={describedBy}
      keymap={treeCommandFor}
      onKey={(command, key, row) => {
        // Keys typed in a row's menu never get here: the tree listens to keys on the rows themselves.
        if (command === "actions") row.querySelector<HTMLButtonElement>("[data-section-actions]")?.click();
        else onCommand(command, key);
      }}
      onRowFocus={onFocusRow}
      focusRequest={focusRequest}
      scrollOnFocus
      onClick={onClick}
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
            evidence={evidence[row.index] ?? null}
            hasNote={noteKeys.has(row.key)}
            due={pacing[row.index]?.due ?? null}
            overdue={pacing[row.index]?.overdue ?? false}
            minutes={pacing[row.index]?.minutes ?? null}
            done={branch?.done ?? 0}
            total={branch?.total ?? 0}
            percent={branch?.percent ?? 0}
            tabbable={row.key === tabbableKey}
            open={row.key === openKey}
            search={search}
            notice={notice?.key === row.key ? notice.text : null}
            markable={markable.get(row.key) ?? null}
            onMarkAll={onMarkAll}
          />
        );
      })}
    </Tree>
  );
});
