/**
 * The tree as the rows on screen: pre-order, skipping everything under a folded
 * node. Only these rows are rendered, so a folded 703-node roadmap is a few dozen
 * elements; each row carries what role="treeitem" needs (level, set size, position).
 */
import type { PlacedNode } from "./types";

export interface TreeRow {
  node: PlacedNode;
  /** aria-level: 1 at the top. */
  level: number;
  /** How many direct children it has. */
  childCount: number;
  expanded: boolean;
  setSize: number;
  posInSet: number;
}

export function childCounts(nodes: readonly PlacedNode[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const node of nodes) counts.set(node.parentKey, (counts.get(node.parentKey) ?? 0) + 1);
  return counts;
}

export function visibleRows(nodes: readonly PlacedNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const counts = childCounts(nodes);
  const rows: TreeRow[] = [];
  // Pre-order puts a node's descendants right after it, deeper than it: skip while deeper than the folded node.
  let hiddenBelow = Number.POSITIVE_INFINITY;
  for (const node of nodes) {
    if (node.depth > hiddenBelow) continue;
    hiddenBelow = Number.POSITIVE_INFINITY;
    const childCount = counts.get(node.key) ?? 0;
    const expanded = childCount > 0 && !collapsed.has(node.key);
    rows.push({ node, level: node.depth + 1, childCount, expanded, setSize: counts.get(node.parentKey) ?? 1, posInSet: node.position + 1 });
    if (childCount > 0 && !expanded) hiddenBelow = node.depth;
  }
  return rows;
}

/** The fold a roadmap opens with: sections folded, so the outline reads at a glance. */
export function defaultCollapsed(nodes: readonly PlacedNode[]): Set<string> {
  const counts = childCounts(nodes);
  return new Set(nodes.filter((node) => node.kind === "SECTION" && (counts.get(node.key) ?? 0) > 0).map((node) => node.key));
}

/** Every node with children folded: "Collapse all". */
export function allCollapsed(nodes: readonly PlacedNode[]): Set<string> {
  const counts = childCounts(nodes);
  return new Set(nodes.filter((node) => (counts.get(node.key) ?? 0) > 0).map((node) => node.key));
}

export function ancestorKeys(nodes: readonly PlacedNode[], key: string): string[] {
  const parentOf = new Map(nodes.map((node) => [node.key, node.parentKey]));
  const out: string[] = [];
  for (let at = parentOf.get(key) ?? null; at !== null; at = parentOf.get(at) ?? null) out.push(at);
  return out;
}

/** The fold with `key`'s ancestors opened, so it is on screen; the same set when they already are. */
export function revealKey(collapsed: ReadonlySet<string>, nodes: readonly PlacedNode[], key: string): ReadonlySet<string> {
  const closed = ancestorKeys(nodes, key).filter((ancestor) => collapsed.has(ancestor));
  if (closed.length === 0) return collapsed;
  const next = new Set(collapsed);
  for (const ancestor of closed) next.delete(ancestor);
  return next;
}

/** How many nodes sit under `key`, at any depth. */
export function descendantCount(nodes: readonly PlacedNode[], key: string): number {
  const index = nodes.findIndex((node) => node.key === key);
  if (index < 0) return 0;
  const depth = nodes[index]!.depth;
  let count = 0;
  for (let at = index + 1; at < nodes.length && nodes[at]!.depth > depth; at++) count++;
  return count;
}
