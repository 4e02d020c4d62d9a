/**
 * The editor's state is derived, never stored twice: the cache holds what the
 * server confirmed, and the screen shows that with every queued edit applied on
 * top. An edit the server refuses leaves the queue, so the screen falls back to
 * the confirmed tree by itself; the edits queued behind it belong to an older
 * generation and are dropped with it.
 */
import { applyOp } from "./edit-ops";
import { contentOf, editorNodesOf } from "./editor-nodes";
import type { KeyAliases } from "./key-aliases";
import type { SendResult } from "./send-op";
import { TreeEditError } from "@/lib/tracks/tree-edit";
import type { EditVariables, EditorData, EditorState, VersionTreeJson } from "./types";

/** How many confirmed edit ids the cache remembers; far more than can be queued at once. */
const APPLIED_MEMORY = 200;

export function stateOf(data: EditorData, pending: readonly EditVariables[]): EditorState {
  let state: EditorState = { title: data.track.title, nodes: data.nodes };
  for (const edit of pending) {
    if (edit.generation !== data.generation || data.applied.includes(edit.id)) continue;
    try {
      state = applyOp(state, edit.op);
    } catch (error) {
      // It depended on an edit that is gone; the server will refuse it too.
      if (!(error instanceof TreeEditError)) throw error;
    }
  }
  return state;
}

export function dataFromTree(tree: VersionTreeJson, etag: string, aliases: KeyAliases, previous: EditorData | undefined): EditorData {
  return {
    track: tree.track,
    version: tree.version,
    etag,
    nodes: editorNodesOf(tree.nodes, (key) => aliases.toClient(key)),
    generation: previous?.generation ?? 0,
    applied: previous?.applied ?? [],
  };
}

/** The confirmed state after the server accepted `edit`: the same tree change, with the content as the server stored it. */
export function confirmEdit(data: EditorData, edit: EditVariables, sent: SendResult, aliases: KeyAliases): EditorData {
  const applied = [...data.applied, edit.id].slice(-APPLIED_MEMORY);
  if (sent.kind === "track") return { ...data, track: { ...data.track, title: sent.title }, etag: sent.etag, applied };
  let nodes = data.nodes;
  try {
    nodes = applyOp({ title: data.track.title, nodes }, edit.op).nodes as EditorData["nodes"];
  } catch (error) {
    // Cannot happen while the queue is in order; the refetch after the queue drains repairs it if it does.
    if (!(error instanceof TreeEditError)) throw error;
  }
  if (edit.op.type !== "remove") {
    const stored = new Map(sent.result.nodes.map((node) => [aliases.toClient(node.stableKey), contentOf(node)]));
    nodes = nodes.map((node) => {
      const content = stored.get(node.key);
      return content ? { ...node, ...content } : node;
    });
  }
  const { etag, updatedAt, status } = sent.result.version;
  return { ...data, nodes, etag, version: { ...data.version, updatedAt, status }, applied };
}
