/** Small trees for the editor's unit tests: nodes with default content, laid out as the server would. */
import { layOutTree } from "@/lib/tracks/tree-edit";
import type { EditorNode, PlacedNode } from "./types";

export function node(key: string, parentKey: string | null, kind: EditorNode["kind"] = parentKey === null ? "SECTION" : "ITEM", content: Partial<EditorNode> = {}): EditorNode {
  return { key, parentKey, kind, title: key, description: null, optional: false, evidenceRequired: false, verificationRequired: false, estimatedMinutes: null, due: null, resources: [], ...content };
}

export const placed = (nodes: EditorNode[]): PlacedNode[] => layOutTree(nodes);

/**
 * S1            S2
 *   a             d
 *     b
 *   c
 */
export const sampleTree = (): PlacedNode[] => placed([node("S1", null), node("a", "S1"), node("b", "a"), node("c", "S1"), node("S2", null), node("d", "S2")]);

/** "key@parent/position" per node, in order: the whole shape in one comparable list. */
export const shapeOf = (nodes: readonly PlacedNode[]) => nodes.map((entry) => `${entry.key}@${entry.parentKey ?? "-"}/${entry.position}`);
