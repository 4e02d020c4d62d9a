"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import type { Destination, NodeKind } from "@/lib/tracks/tree-edit";
import type { PendingDelete } from "./confirm-delete";
import { selectionAfterRemoving } from "./selection-after-removing";
import { isUndoPress } from "./tree-keyboard";
import type { EditOp, EditorNode, PlacedNode } from "./types";
import type { useTrackEditor } from "./use-track-editor";
import type { TreeRow } from "./visible-rows";
import { descendantCount } from "./visible-rows";

type Editor = ReturnType<typeof useTrackEditor>;

const NEW_TITLE: Record<NodeKind, string> = { SECTION: "New section", ITEM: "New item" };
const isTextField = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, dialog") !== null);

/**
 * The edits of the tree (add, move, delete) and their undo, with what each says
 * (the live region, a toast) and where the selection and folds go after it.
 * Ctrl+Z (Cmd+Z) undoes anywhere on the page but in text fields.
 */
export function useEditorEdits({
  editor,
  nodes,
  rows,
  announce,
  openPath,
  select,
  startRename,
}: {
  editor: Editor;
  nodes: readonly PlacedNode[];
  rows: readonly TreeRow[];
  announce: (text: string) => void;
  /** Unfold a node and its ancestors. */
  openPath: (key: string | null) => void;
  /** Select a row, and focus it too when asked. */
  select: (key: string, focus: boolean) => void;
  startRename: (key: string) => void;
}) {
  const { toast, dismiss } = useToast();
  // A delete's toast offers Undo; once that delete is undone some other way, the offer goes.
  const deleteToasts = useRef(new Map<number, string>());
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);

  /** The tree with every queued edit in it, even one made a moment ago and not yet drawn (a held Alt+↓). */
  function freshNodes(): readonly PlacedNode[] {
    return editor.currentState()?.nodes ?? nodes;
  }

  function run(op: EditOp, label: string, done: string): number | null {
    const outcome = editor.edit(op, label);
    if (!outcome.ok) {
      announce(`Not possible: ${outcome.reason}`);
      toast({ tone: "error", title: "That change is not possible", description: outcome.reason });
      return null;
    }
    announce(done);
    return outcome.id;
  }

  function addNode(kind: NodeKind, destination: Required<Destination> | null) {
    if (!destination) return;
    const node: EditorNode = { key: editor.newKey(), parentKey: destination.parentKey, kind, title: NEW_TITLE[kind], description: null, optional: false, evidenceRequired: false, verificationRequired: false, estimatedMinutes: null, due: null, resources: [] };
    if (run({ type: "add", destination, nodes: [node], restore: false }, `Add “${node.title}”`, `Added “${node.title}”. Type its title, then Enter.`) === null) return;
    openPath(destination.parentKey);
    select(node.key, false);
    startRename(node.key);
  }

  function move(key: string, destination: Required<Destination> | null, verb: string, refusal: string) {
    const node = freshNodes().find((candidate) => candidate.key === key);
    if (!node) return;
    if (!destination) return announce(`${refusal}.`);
    if (run({ type: "move", key, destination }, `${verb} “${node.title}”`, `${verb}: “${node.title}”.`) !== null) openPath(destination.parentKey);
  }

  function remove(key: string, focus: boolean) {
    const current = freshNodes();
    const node = current.find((candidate) => candidate.key === key);
    if (!node) return;
    const nested = descendantCount(current, key);
    const next = selectionAfterRemoving(nodes, rows, key);
    const id = run({ type: "remove", key }, `Delete “${node.title}”`, `Deleted “${node.title}”.`);
    if (id === null) return;
    if (next) select(next, focus);
    const toastId = toast({ tone: "info", title: `Deleted “${node.title}”${nested > 0 ? ` and ${nested} nested ${nested === 1 ? "node" : "nodes"}` : ""}.`, action: { label: "Undo", onAction: () => undo(id) } });
    deleteToasts.current.set(id, toastId);
  }

  /** A node with children is deleted after a confirmation that says how many go with it. */
  function requestRemove(key: string, focus: boolean) {
    const current = freshNodes();
    const node = current.find((candidate) => candidate.key === key);
    if (!node) return;
    const nested = descendantCount(current, key);
    if (nested > 0) setPendingDelete({ key, title: node.title, nested });
    else remove(key, focus);
  }

  function confirmRemove(pending: PendingDelete) {
    setPendingDelete(null);
    remove(pending.key, true);
  }

  function undo(id?: number) {
    const result = editor.undo(id);
    if (!result) {
      // A toast's Undo whose entry is gone (the draft was reloaded after someone else's change).
      if (id !== undefined) toast({ tone: "info", title: "That change can no longer be undone here." });
      return announce("Nothing to undo.");
    }
    const offer = deleteToasts.current.get(result.entryId);
    if (offer) {
      dismiss(offer);
      deleteToasts.current.delete(result.entryId);
    }
    if (!result.ok) {
      toast({ tone: "error", title: "Could not undo", description: result.reason });
      return;
    }
    announce(`Undone: ${result.label}.`);
    const inverse = result.inverse!;
    if (inverse.type === "add") {
      openPath(inverse.destination.parentKey);
      select(inverse.nodes[0]!.key, false);
    } else if (inverse.type === "move") {
      openPath(inverse.destination.parentKey);
      select(inverse.key, false);
    } else if (inverse.type === "update") {
      select(inverse.key, false);
    }
  }

  const onUndoKey = useEffectEvent((event: KeyboardEvent) => {
    if (!isUndoPress(event) || isTextField(event.target)) return;
    event.preventDefault();
    undo();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onUndoKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return { freshNodes, run, addNode, move, requestRemove, undo, pendingDelete, cancelRemove: () => setPendingDelete(null), confirmRemove };
}
