/**
 * The draft as the rows on screen: the shared tree's rows (components/ui/tree),
 * each with its node, and the editor's own folds and counts.
 */
import { ancestorKeys, revealed, visibleRows as visibleTreeRows } from "@/components/ui/tree/visible-rows";
import type { VisibleRow } from "@/components/ui/tree/visible-rows";
import type { PlacedNode } from "./types";

export interface TreeRow extends VisibleRow {
  node: PlacedNode;
}

export function visibleRows(nodes: readonly PlacedNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  return visibleTreeRows(nodes, collapsed).map((row) => ({ ...row, node: nodes[row.index]! }));
}

/** The fold the editor opens with: sections folded, so the outline reads at a glance. */
export function defaultCollapsed(nodes: readonly PlacedNode[]): Set<string> {
  const parents = new Set(nodes.map((node) => node.parentKey));
  return new Set(nodes.filter((node) => node.kind === "SECTION" && parents.has(node.key)).map((node) => node.key));
}

/** The fold with `key`'s ancestors opened, so it is on screen; the same set when they already are. */
export function revealKey(collapsed: ReadonlySet<string>, nodes: readonly PlacedNode[], key: string): ReadonlySet<string> {
  return revealed(collapsed, ancestorKeys(nodes, key));
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
