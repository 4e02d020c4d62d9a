/**
 * The editor's changes as data: applying one to the editor state (the optimistic
 * update, with the same tree-edit functions the server runs, so the result is
 * the one the server will store) and the change that takes it back (undo).
 */
import { insertSubtree, moveSubtree, removeSubtree, subtreeOf, TreeEditError } from "@/lib/tracks/tree-edit";
import type { Destination } from "@/lib/tracks/tree-edit";
import type { EditOp, EditorNode, EditorState, NodeContent, PlacedNode } from "./types";

/** The state after `op`; throws TreeEditError when the tree cannot take it. */
export function applyOp(state: EditorState, op: EditOp): EditorState {
  switch (op.type) {
    case "add":
      return { ...state, nodes: insertSubtree<EditorNode>(state.nodes, op.destination, op.nodes) };
    case "update": {
      if (!state.nodes.some((node) => node.key === op.key)) throw new TreeEditError("UNKNOWN_NODE", "That node is no longer in the draft.");
      return { ...state, nodes: state.nodes.map((node) => (node.key === op.key ? { ...node, ...op.changes } : node)) };
    }
    case "move":
      return { ...state, nodes: moveSubtree<EditorNode>(state.nodes, op.key, op.destination) };
    case "remove":
      return { ...state, nodes: removeSubtree<EditorNode>(state.nodes, op.key).nodes };
    case "renameTrack":
      return { ...state, title: op.title };
  }
}

/** True when `op` applies to `state`; the reason otherwise. */
export function checkOp(state: EditorState, op: EditOp): { ok: true; next: EditorState } | { ok: false; reason: string } {
  try {
    return { ok: true, next: applyOp(state, op) };
  } catch (error) {
    if (error instanceof TreeEditError) return { ok: false, reason: error.message };
    throw error;
  }
}

const stripPlacement = ({ position: _position, depth: _depth, ordinal: _ordinal, ...node }: PlacedNode): EditorNode => node;

function nodeAt(state: EditorState, key: string): PlacedNode {
  const node = state.nodes.find((candidate) => candidate.key === key);
  if (!node) throw new TreeEditError("UNKNOWN_NODE", "That node is no longer in the draft.");
  return node;
}

/** The change that undoes `op`, worked out on the state `op` applies to. */
export function inverseOf(state: EditorState, op: EditOp): EditOp {
  switch (op.type) {
    case "add":
      return { type: "remove", key: op.nodes[0]!.key };
    case "remove": {
      const removed = subtreeOf(state.nodes, op.key).map(stripPlacement);
      const root = nodeAt(state, op.key);
      return { type: "add", destination: { parentKey: root.parentKey, position: root.position }, nodes: removed, restore: true };
    }
    case "update": {
      const node = nodeAt(state, op.key);
      const previous: Partial<NodeContent> = {};
      for (const field of Object.keys(op.changes) as Array<keyof NodeContent>) Object.assign(previous, { [field]: node[field] });
      return { type: "update", key: op.key, changes: previous };
    }
    case "move": {
      // Lifted out of its new place, the old siblings are exactly as they were, so the old position is right.
      const node = nodeAt(state, op.key);
      return { type: "move", key: op.key, destination: { parentKey: node.parentKey, position: node.position } };
    }
    case "renameTrack":
      return { type: "renameTrack", title: state.title };
  }
}

/**
 * An undo run after other edits: the old position may now be past the end of its
 * siblings, so it is kept within them (the parent itself must still exist).
 */
export function fitDestination(nodes: readonly PlacedNode[], destination: Required<Destination>, movingKey?: string): Required<Destination> {
  const siblings = nodes.filter((node) => node.parentKey === destination.parentKey && node.key !== movingKey).length;
  return { parentKey: destination.parentKey, position: Math.min(destination.position, siblings) };
}

export function fitOp(state: EditorState, op: EditOp): EditOp {
  if (op.type === "add") return { ...op, destination: fitDestination(state.nodes, op.destination) };
  if (op.type === "move") return { ...op, destination: fitDestination(state.nodes, op.destination, op.key) };
  return op;
}

/** A node's new place is the one it has: nothing to send. */
export function isNoOpMove(state: EditorState, key: string, destination: Required<Destination>): boolean {
  const node = state.nodes.find((candidate) => candidate.key === key);
  return node !== undefined && node.parentKey === destination.parentKey && node.position === destination.position;
}
