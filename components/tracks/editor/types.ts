import type { RelativeDue } from "@/lib/outline/due-marker";
import type { Destination, NodeKind, Placed } from "@/lib/tracks/tree-edit";

export interface ResourceLink {
  title?: string;
  url: string;
}

/** What the item panel edits; everything about a node except where it sits. */
export interface NodeContent {
  title: string;
  description: string | null;
  optional: boolean;
  evidenceRequired: boolean;
  verificationRequired: boolean;
  estimatedMinutes: number | null;
  /** Relative to the assignment's start ("day 3", "week 2"); null without one. */
  due: RelativeDue | null;
  resources: ResourceLink[];
}

/**
 * A node as the editor holds it. `key` is the node's identity in the browser: the
 * server's stable key, or for a node added in this tab a temporary key that keeps
 * naming it after the server has given it its own (see key-aliases.ts), so its row
 * is never remounted under the user's cursor.
 */
export interface EditorNode extends NodeContent {
  key: string;
  parentKey: string | null;
  kind: NodeKind;
}

export type PlacedNode = Placed<EditorNode>;

/** The editable state: the track's title and the draft's nodes in pre-order. */
export interface EditorState {
  title: string;
  nodes: readonly PlacedNode[];
}

/** One change as the user made it, in the editor's keys. Each maps to one request. */
export type EditOp =
  | { type: "add"; destination: Required<Destination>; nodes: EditorNode[]; restore: boolean }
  | { type: "update"; key: string; changes: Partial<NodeContent> }
  | { type: "move"; key: string; destination: Required<Destination> }
  | { type: "remove"; key: string }
  | { type: "renameTrack"; title: string };

/** A queued edit: the mutation's variables. */
export interface EditVariables {
  /** Unique in this tab; names the edit's undo entry. */
  id: number;
  /** The queue generation it was made in: after a refusal the edits queued behind it are dropped. */
  generation: number;
  op: EditOp;
  /** What the change does, for the undo button and announcements ("Move “Sets” down"). */
  label: string;
  /** An undo is not itself pushed on the undo stack. */
  isUndo: boolean;
}

/** The react-query cache entry: what the server confirmed, plus the queue's bookkeeping. */
export interface EditorData {
  track: { id: string; title: string };
  version: { id: string; number: number; status: "DRAFT" | "PUBLISHED"; updatedAt: string };
  etag: string;
  nodes: PlacedNode[];
  generation: number;
  /** Ids of edits already folded into `nodes` while their mutation is still finishing. */
  applied: number[];
}

/** The server's JSON for one node (lib/tracks/schema.ts trackNodeSchema). */
export interface TrackNodeJson {
  id: string;
  parentId: string | null;
  stableKey: string;
  ordinal: number;
  position: number;
  depth: number;
  kind: NodeKind;
  title: string;
  description: string | null;
  optional: boolean;
  evidenceRequired: boolean;
  verificationRequired: boolean;
  estimatedMinutes: number | null;
  due: RelativeDue | null;
  resources: ResourceLink[];
}

export interface VersionTreeJson {
  track: { id: string; title: string };
  version: { id: string; number: number; status: "DRAFT" | "PUBLISHED"; updatedAt: string };
  nodes: TrackNodeJson[];
}

export interface EditResultJson {
  version: { id: string; number: number; status: "DRAFT" | "PUBLISHED"; updatedAt: string; etag: string };
  nodes: TrackNodeJson[];
}
