"use client";

import { useMemo, useRef, useState } from "react";
import type { DragEvent, MouseEvent } from "react";
import { Tree, treeItemOf } from "@/components/ui/tree/tree";
import type { FocusRequest } from "@/components/ui/tree/tree";
import type { Destination } from "@/lib/tracks/tree-edit";
import { describeDue } from "@/lib/outline/due-marker";
import { dropDestination, zoneAt } from "./drop-target";
import type { DropZone } from "./drop-target";
import { treeCommandFor } from "./tree-keyboard";
import type { TreeCommand } from "./tree-keyboard";
import { TreeRow } from "./tree-row";
import type { TreeRowProps } from "./tree-row";
import type { PlacedNode } from "./types";
import type { TreeRow as Row } from "./visible-rows";

type DropTarget = { key: string; zone: DropZone; destination: Required<Destination> };

/**
 * The draft's tree: the shared tree (components/ui/tree) with the editor's rows
 * and keys, and drags. Clicks and drags are handled here for every row, so rows
 * stay plain memoized values.
 */
export function TreeList({
  label,
  nodes,
  rows,
  selectedKey,
  tabbableKey,
  renamingKey,
  unsavedKeys,
  searchQuery,
  matchKeys,
  focusRequest,
  onSelect,
  onToggle,
  onCommand,
  onMove,
  onRenameCommit,
  onRenameCancel,
}: {
  label: string;
  nodes: readonly PlacedNode[];
  rows: readonly Row[];
  selectedKey: string | null;
  tabbableKey: string | null;
  renamingKey: string | null;
  unsavedKeys: ReadonlySet<string>;
  /** The search (editor-search.tsx): its query and the rows whose titles hold it. */
  searchQuery: string;
  matchKeys: ReadonlySet<string>;
  focusRequest: FocusRequest | null;
  onSelect: (key: string) => void;
  onToggle: (key: string) => void;
  onCommand: (command: TreeCommand, key: string) => void;
  onMove: (key: string, destination: Required<Destination>) => void;
  onRenameCommit: (title: string, refocus: boolean) => string | null;
  onRenameCancel: (refocus: boolean) => void;
}) {
  // After Escape, the next Tab leaves the tree instead of indenting.
  const tabReleased = useRef(false);
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const row = treeItemOf(event.target);
    const key = row?.dataset.key;
    if (!key) return;
    if (event.target instanceof Element && event.target.closest("[data-toggle]")) onToggle(key);
    onSelect(key);
  }

  function onKey(command: TreeCommand, key: string): void | "browser" {
    if (command === "release") {
      tabReleased.current = true;
      return "browser";
    }
    if ((command === "indent" || command === "outdent") && tabReleased.current) {
      tabReleased.current = false;
      return "browser"; // the browser moves focus on
    }
    tabReleased.current = false;
    onCommand(command, key);
  }

  function targetAt(event: DragEvent<HTMLDivElement>): DropTarget | null {
    const row = treeItemOf(event.target);
    const key = row?.dataset.key;
    if (!row || !key || !dragKey) return null;
    const dragged = nodes.find((node) => node.key === dragKey);
    const target = rows.find((candidate) => candidate.node.key === key);
    if (!dragged || !target) return null;
    const box = row.getBoundingClientRect();
    const zone = zoneAt(event.clientY - box.top, box.height, dragged.kind, target.node.kind);
    if (dropTarget && dropTarget.key === key && dropTarget.zone === zone) return dropTarget;
    const destination = dropDestination(nodes, dragKey, key, zone, target.expanded);
    return destination ? { key, zone, destination } : null;
  }

  function endDrag() {
    setDragKey(null);
    setDropTarget(null);
  }

  // Rows as elements, built once per tree change. Selection, focus, renaming and the
  // drop line touch a few rows: only those are built again, and React skips every
  // element it has seen before, so an arrow key costs two rows, not 718.
  const queryOf = (key: string) => (matchKeys.has(key) ? searchQuery : null);
  const plain = useMemo(
    () => rows.map((row) => rowElement(row, unsavedKeys.has(row.node.key), matchKeys.has(row.node.key) ? searchQuery : null)),
    [rows, unsavedKeys, matchKeys, searchQuery],
  );
  const special = new Set([selectedKey, tabbableKey, renamingKey, dropTarget?.key ?? null]);
  const elements = plain.map((element, index) => {
    const row = rows[index]!;
    const key = row.node.key;
    if (!special.has(key)) return element;
    const renaming = key === renamingKey;
    return rowElement(row, unsavedKeys.has(key), queryOf(key), {
      selected: key === selectedKey,
      tabbable: key === tabbableKey,
      dropZone: dropTarget?.key === key ? dropTarget.zone : null,
      renaming,
      onRenameCommit: renaming ? onRenameCommit : undefined,
      onRenameCancel: renaming ? onRenameCancel : undefined,
    });
  });

  return (
    <Tree
      label={label}
      aria-multiselectable={false}
      keymap={treeCommandFor}
      onKey={onKey}
      // Selection follows focus, so Tab into the tree and clicks agree with the arrow keys.
      onRowFocus={(key) => {
        if (key !== selectedKey) onSelect(key);
      }}
      focusRequest={focusRequest}
      onClick={onClick}
      onDoubleClick={(event) => {
        const key = treeItemOf(event.target)?.dataset.key;
        if (key && !(event.target instanceof HTMLInputElement)) onCommand("rename", key);
      }}
      onDragStart={(event) => {
        const key = treeItemOf(event.target)?.dataset.key;
        if (!key) return;
        setDragKey(key);
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", nodes.find((node) => node.key === key)?.title ?? "");
      }}
      onDragOver={(event) => {
        if (!dragKey) return;
        const target = targetAt(event);
        // Not calling preventDefault refuses the drop: the browser shows it, and nothing is sent.
        if (target) {
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
        }
        if (target?.key !== dropTarget?.key || target?.zone !== dropTarget?.zone) setDropTarget(target);
      }}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDropTarget(null);
      }}
      onDrop={(event) => {
        event.preventDefault();
        const target = targetAt(event);
        if (dragKey && target) onMove(dragKey, target.destination);
        endDrag();
      }}
      onDragEnd={endDrag}
      className="flex max-h-[70vh] min-h-40 flex-col gap-px overflow-y-auto rounded-xl border border-border bg-surface p-1"
    >
      {elements}
    </Tree>
  );
}

type RowState = Pick<TreeRowProps, "selected" | "tabbable" | "dropZone" | "renaming" | "onRenameCommit" | "onRenameCancel">;

const RESTING: RowState = { selected: false, tabbable: false, dropZone: null, renaming: false };

function rowElement({ node, level, childCount, expanded, setSize, posInSet }: Row, unsaved: boolean, searchQuery: string | null, state: RowState = RESTING) {
  return (
    <TreeRow
      key={node.key}
      nodeKey={node.key}
      title={node.title}
      kind={node.kind}
      level={level}
      childCount={childCount}
      expanded={expanded}
      setSize={setSize}
      posInSet={posInSet}
      optional={node.optional}
      evidenceRequired={node.evidenceRequired}
      verificationRequired={node.verificationRequired}
      estimatedMinutes={node.estimatedMinutes}
      due={node.due === null ? null : describeDue(node.due)}
      linkCount={node.resources.length}
      hasDescription={node.description !== null}
      unsaved={unsaved}
      searchQuery={searchQuery}
      {...state}
    />
  );
}
