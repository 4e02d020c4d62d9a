import type { OutlineNode } from "./types";

export interface OutlineGroup<T extends OutlineNode> {
  /** Null for items before any section (a document without sections). */
  section: T | null;
  items: T[];
  /** How far each item's depth sits from the left edge: items under a section start at depth 1. */
  baseDepth: number;
}

/** Pre-order rows → one group per section with the items that follow it, in one pass. */
export function groupOutline<T extends OutlineNode>(nodes: readonly T[]): OutlineGroup<T>[] {
  const groups: OutlineGroup<T>[] = [];
  let current: OutlineGroup<T> | null = null;
  for (const node of nodes) {
    if (node.kind === "SECTION") {
      current = { section: node, items: [], baseDepth: 1 };
      groups.push(current);
    } else {
      if (!current) {
        current = { section: null, items: [], baseDepth: 0 };
        groups.push(current);
      }
      current.items.push(node);
    }
  }
  return groups;
}
