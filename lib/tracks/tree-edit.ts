/**
 * The editor's tree operations as pure functions over a version's nodes in
 * pre-order: insert a subtree, remove a subtree, move a subtree. Each returns the
 * whole tree laid out again (parent, position among siblings, depth, pre-order
 * ordinal) and refuses a tree the roadmap text format could not hold, so every
 * stored draft can still be exported and imported back. The server applies the
 * result to the database (edit-version.ts); the editor runs the same functions for
 * its optimistic update and to know which moves are possible.
 */
import { MAX_OUTLINE_ITEMS } from "@/lib/outline";

export type NodeKind = "SECTION" | "ITEM";

export interface TreeNode {
  key: string;
  parentKey: string | null;
  kind: NodeKind;
}

export type Placed<T extends TreeNode> = T & { position: number; depth: number; ordinal: number };

/** Items nest at most this many levels below their section (the seed uses 8). */
export const MAX_ITEM_LEVELS = 16;

export type TreeEditErrorCode = "UNKNOWN_NODE" | "UNKNOWN_PARENT" | "INVALID_PARENT" | "INTO_ITSELF" | "MIXED_TOP_LEVEL" | "TOO_DEEP" | "TOO_MANY_ITEMS" | "DUPLICATE_KEY" | "BAD_POSITION";

/** A refused edit. UNKNOWN_NODE is a missing target (404 at the API); the rest say what the tree would break (422). */
export class TreeEditError extends Error {
  override name = "TreeEditError";
  constructor(
    readonly code: TreeEditErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Where a node goes: under `parentKey` (null: the top level) at `position` among its siblings (the end when omitted). */
export interface Destination {
  parentKey: string | null;
  position?: number;
}

interface Tree<T extends TreeNode> {
  byKey: Map<string, T>;
  children: Map<string | null, string[]>;
}

function buildTree<T extends TreeNode>(nodes: readonly T[]): Tree<T> {
  const byKey = new Map<string, T>();
  const children = new Map<string | null, string[]>([[null, []]]);
  for (const node of nodes) {
    if (byKey.has(node.key)) throw new TreeEditError("DUPLICATE_KEY", `Two nodes have the key ${node.key}.`);
    byKey.set(node.key, node);
    children.set(node.key, []);
  }
  for (const node of nodes) {
    const siblings = children.get(node.parentKey);
    if (!siblings) throw new TreeEditError("UNKNOWN_PARENT", `The parent of ${node.key} is not in the tree.`);
    siblings.push(node.key);
  }
  return { byKey, children };
}

/** Depth-first from the top level: pre-order with each node's position, depth and ordinal. */
function layOut<T extends TreeNode>(tree: Tree<T>): Placed<T>[] {
  const out: Placed<T>[] = [];
  const visit = (parentKey: string | null, depth: number) => {
    tree.children.get(parentKey)!.forEach((key, position) => {
      const node = tree.byKey.get(key)!;
      out.push({ ...node, parentKey, position, depth, ordinal: out.length });
      visit(key, depth + 1);
    });
  };
  visit(null, 0);
  if (out.length !== tree.byKey.size) throw new TreeEditError("UNKNOWN_PARENT", "Some nodes are not reachable from the top level.");
  return out;
}

/**
 * What the text format can hold: sections only at the top level, items under a
 * section or an item, never sections and items side by side at the top, a bounded
 * depth and item count.
 */
function checkShape<T extends TreeNode>(placed: readonly Placed<T>[]): void {
  const topKinds = new Set(placed.filter((node) => node.parentKey === null).map((node) => node.kind));
  if (topKinds.size > 1) throw new TreeEditError("MIXED_TOP_LEVEL", "Items cannot sit at the top level beside sections; put them inside a section.");
  const itemLevelBase = topKinds.has("SECTION") ? 1 : 0;
  let items = 0;
  for (const node of placed) {
    if (node.kind === "SECTION" && node.parentKey !== null) throw new TreeEditError("INVALID_PARENT", "A section can only be at the top level.");
    if (node.kind === "ITEM") {
      items++;
      if (node.depth - itemLevelBase >= MAX_ITEM_LEVELS) throw new TreeEditError("TOO_DEEP", `Items can be nested at most ${MAX_ITEM_LEVELS} levels deep.`);
    }
  }
  if (items > MAX_OUTLINE_ITEMS) throw new TreeEditError("TOO_MANY_ITEMS", `A track has at most ${MAX_OUTLINE_ITEMS} items.`);
}

function siblingsAt<T extends TreeNode>(tree: Tree<T>, destination: Destination): { siblings: string[]; index: number } {
  const { parentKey, position } = destination;
  if (parentKey !== null && !tree.byKey.has(parentKey)) throw new TreeEditError("UNKNOWN_PARENT", `There is no node ${parentKey} to put it under.`);
  const siblings = tree.children.get(parentKey)!;
  const index = position ?? siblings.length;
  if (!Number.isInteger(index) || index < 0 || index > siblings.length) {
    throw new TreeEditError("BAD_POSITION", `Position ${index} is outside 0…${siblings.length} for that parent.`);
  }
  return { siblings, index };
}

function nodeOf<T extends TreeNode>(tree: Tree<T>, key: string): T {
  const node = tree.byKey.get(key);
  if (!node) throw new TreeEditError("UNKNOWN_NODE", `There is no node ${key} in this version.`);
  return node;
}

/** The node and everything under it, in pre-order. */
export function subtreeOf<T extends TreeNode>(nodes: readonly T[], key: string): T[] {
  const inside = new Set([key]);
  const out: T[] = [];
  for (const node of nodes) {
    if (node.key === key || (node.parentKey !== null && inside.has(node.parentKey))) {
      inside.add(node.key);
      out.push(node);
    }
  }
  return out;
}

/** Lays the given pre-order nodes out again and checks the shape: the result of every edit. */
export function layOutTree<T extends TreeNode>(nodes: readonly T[]): Placed<T>[] {
  const placed = layOut(buildTree(nodes));
  checkShape(placed);
  return placed;
}

/**
 * Inserts `subtree` (pre-order; its first node is the root, whose parentKey is
 * ignored, and every other node's parent is inside the subtree) at `destination`.
 */
export function insertSubtree<T extends TreeNode>(nodes: readonly T[], destination: Destination, subtree: readonly T[]): Placed<T>[] {
  const [root, ...rest] = subtree;
  if (!root) throw new TreeEditError("UNKNOWN_NODE", "Nothing to insert.");
  const tree = buildTree(nodes);
  const { siblings, index } = siblingsAt(tree, destination);
  const inserted = new Set([root.key]);
  for (const node of subtree) {
    if (tree.byKey.has(node.key)) throw new TreeEditError("DUPLICATE_KEY", `A node with the key ${node.key} is already in this version.`);
  }
  for (const node of rest) {
    if (node.parentKey === null || !inserted.has(node.parentKey)) throw new TreeEditError("UNKNOWN_PARENT", `The parent of ${node.key} is not earlier in the inserted nodes.`);
    if (inserted.has(node.key)) throw new TreeEditError("DUPLICATE_KEY", `The inserted nodes repeat the key ${node.key}.`);
    inserted.add(node.key);
  }
  const rootPlaced = { ...root, parentKey: destination.parentKey };
  tree.byKey.set(root.key, rootPlaced);
  tree.children.set(root.key, []);
  siblings.splice(index, 0, root.key);
  for (const node of rest) {
    tree.byKey.set(node.key, node);
    tree.children.set(node.key, []);
    tree.children.get(node.parentKey)!.push(node.key);
  }
  const placed = layOut(tree);
  checkShape(placed);
  return placed;
}

/** Removes a node with everything under it; returns the tree left and what was removed (pre-order). */
export function removeSubtree<T extends TreeNode>(nodes: readonly T[], key: string): { nodes: Placed<T>[]; removed: T[] } {
  const tree = buildTree(nodes);
  nodeOf(tree, key);
  const removed = subtreeOf(nodes, key);
  const gone = new Set(removed.map((node) => node.key));
  const placed = layOutTree(nodes.filter((node) => !gone.has(node.key)));
  return { nodes: placed, removed };
}

/** Moves a node with everything under it to `destination` (a position among the siblings it will have once lifted out). */
export function moveSubtree<T extends TreeNode>(nodes: readonly T[], key: string, destination: Destination): Placed<T>[] {
  const tree = buildTree(nodes);
  const node = nodeOf(tree, key);
  for (let at: string | null = destination.parentKey; at !== null; at = tree.byKey.get(at)?.parentKey ?? null) {
    if (at === key) throw new TreeEditError("INTO_ITSELF", "A node cannot move inside itself.");
  }
  const from = tree.children.get(node.parentKey)!;
  from.splice(from.indexOf(key), 1);
  const { siblings, index } = siblingsAt(tree, destination);
  siblings.splice(index, 0, key);
  tree.byKey.set(key, { ...node, parentKey: destination.parentKey });
  const placed = layOut(tree);
  checkShape(placed);
  return placed;
}

/** Where "indent" puts a node: last child of the sibling above it. Null when there is none (or it would break the shape). */
export function indentDestination<T extends TreeNode>(nodes: readonly T[], key: string): Required<Destination> | null {
  const tree = buildTree(nodes);
  const node = tree.byKey.get(key);
  if (!node || node.kind !== "ITEM") return null;
  const siblings = tree.children.get(node.parentKey)!;
  const above = siblings[siblings.indexOf(key) - 1];
  if (above === undefined) return null;
  return possible(nodes, key, { parentKey: above, position: tree.children.get(above)!.length });
}

/** Where "outdent" puts a node: right after its parent, among the parent's siblings. Null at the top or under a section. */
export function outdentDestination<T extends TreeNode>(nodes: readonly T[], key: string): Required<Destination> | null {
  const tree = buildTree(nodes);
  const node = tree.byKey.get(key);
  if (!node || node.parentKey === null) return null;
  const parent = tree.byKey.get(node.parentKey)!;
  const uncles = tree.children.get(parent.parentKey)!;
  return possible(nodes, key, { parentKey: parent.parentKey, position: uncles.indexOf(parent.key) + 1 });
}

/** Where "move up/down" puts a node: one place along among its siblings. Null at either end. */
export function shiftDestination<T extends TreeNode>(nodes: readonly T[], key: string, step: -1 | 1): Required<Destination> | null {
  const tree = buildTree(nodes);
  const node = tree.byKey.get(key);
  if (!node) return null;
  const siblings = tree.children.get(node.parentKey)!;
  const position = siblings.indexOf(key) + step;
  if (position < 0 || position >= siblings.length) return null;
  return { parentKey: node.parentKey, position };
}

function possible<T extends TreeNode>(nodes: readonly T[], key: string, destination: Required<Destination>): Required<Destination> | null {
  try {
    moveSubtree(nodes, key, destination);
    return destination;
  } catch (error) {
    if (error instanceof TreeEditError) return null;
    throw error;
  }
}
