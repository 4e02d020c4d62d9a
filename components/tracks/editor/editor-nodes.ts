import type { EditorNode, NodeContent, PlacedNode, TrackNodeJson } from "./types";

export function contentOf(node: NodeContent): NodeContent {
  return {
    title: node.title,
    description: node.description,
    optional: node.optional,
    evidenceRequired: node.evidenceRequired,
    verificationRequired: node.verificationRequired,
    estimatedMinutes: node.estimatedMinutes,
    due: node.due,
    resources: node.resources,
  };
}

/**
 * The server's nodes (parents named by row id, pre-order) as editor nodes (parents
 * named by key). `toClient` maps a stable key to the key the editor knows it by.
 */
export function editorNodesOf(nodes: readonly TrackNodeJson[], toClient: (stableKey: string) => string = (key) => key): PlacedNode[] {
  const keyOfId = new Map(nodes.map((node) => [node.id, toClient(node.stableKey)]));
  return nodes.map((node) => ({
    key: toClient(node.stableKey),
    parentKey: node.parentId === null ? null : (keyOfId.get(node.parentId) ?? null),
    kind: node.kind,
    ...contentOf(node),
    position: node.position,
    depth: node.depth,
    ordinal: node.ordinal,
  }));
}

/** A removed subtree as the server answers it, ready to be sent back: the root keeps the parent it had. */
export function removedNodesOf(nodes: readonly TrackNodeJson[], rootParentKey: string | null, toClient: (stableKey: string) => string): EditorNode[] {
  return editorNodesOf(nodes, toClient).map(({ position: _position, depth: _depth, ordinal: _ordinal, ...node }, index) => (index === 0 ? { ...node, parentKey: rootParentKey } : node));
}
