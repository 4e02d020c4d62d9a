/**
 * A tree as the rows on screen: pre-order, skipping everything under a folded
 * node and, when a screen narrows the tree (the roadmap's search and state
 * filter), every node it does not show. Only these rows are rendered, so a
 * folded 703-node track is a few dozen elements; each row carries what
 * role="treeitem" needs (level, set size, position among the siblings on screen).
 */

/** What the rows need of a node; nodes come in pre-order (a node's subtree right after it, deeper). */
export interface TreeNodeShape {
  key: string;
  parentKey: string | null;
  /** 0 at the top. */
  depth: number;
}

export interface VisibleRow {
  key: string;
  /** The node's index in the list given. */
  index: number;
  /** aria-level: 1 at the top. */
  level: number;
  /** Its children on screen when unfolded. */
  childCount: number;
  expandable: boolean;
  expanded: boolean;
  setSize: number;
  posInSet: number;
}

/**
 * `shown` (one flag per node) narrows the tree; it must keep the ancestors of
 * every node it keeps, so a kept node keeps its place. Without it, every node shows.
 */
export function visibleRows(nodes: readonly TreeNodeShape[], collapsed: ReadonlySet<string>, shown?: Uint8Array): VisibleRow[] {
  const isShown = (index: number) => shown === undefined || shown[index] === 1;
  const indexOf = new Map<string, number>();
  const shownChildren = new Int32Array(nodes.length);
  nodes.forEach((node, index) => {
    indexOf.set(node.key, index);
    const parent = node.parentKey === null ? undefined : indexOf.get(node.parentKey);
    if (parent !== undefined && isShown(index)) shownChildren[parent]! += 1;
  });

  const rows: VisibleRow[] = [];
  const siblingsOf = new Map<string | null, VisibleRow[]>();
  // Skip while deeper than the folded node: its descendants are the nodes right after it.
  let hiddenBelow = Number.POSITIVE_INFINITY;
  nodes.forEach((node, index) => {
    if (node.depth > hiddenBelow) return;
    hiddenBelow = Number.POSITIVE_INFINITY;
    // A node not shown has no shown descendant (they would keep it), so nothing under it shows either.
    if (!isShown(index)) return;
    const childCount = shownChildren[index]!;
    const expandable = childCount > 0;
    const expanded = expandable && !collapsed.has(node.key);
    const row: VisibleRow = { key: node.key, index, level: node.depth + 1, childCount, expandable, expanded, setSize: 0, posInSet: 0 };
    rows.push(row);
    const siblings = siblingsOf.get(node.parentKey);
    if (siblings) siblings.push(row);
    else siblingsOf.set(node.parentKey, [row]);
    if (expandable && !expanded) hiddenBelow = node.depth;
  });
  for (const siblings of siblingsOf.values()) {
    siblings.forEach((row, position) => {
      row.setSize = siblings.length;
      row.posInSet = position + 1;
    });
  }
  return rows;
}

/** Every node with children folded: "Collapse all". */
export function allCollapsed(nodes: readonly TreeNodeShape[]): Set<string> {
  const parents = new Set(nodes.map((node) => node.parentKey));
  return new Set(nodes.filter((node) => parents.has(node.key)).map((node) => node.key));
}

/** The keys above `key`, nearest first. */
export function ancestorKeys(nodes: readonly TreeNodeShape[], key: string): string[] {
  const parentOf = new Map(nodes.map((node) => [node.key, node.parentKey]));
  const out: string[] = [];
  for (let at = parentOf.get(key) ?? null; at !== null; at = parentOf.get(at) ?? null) out.push(at);
  return out;
}

/** The fold with these ancestors opened, so what is under them is on screen; the same set when they already are. */
export function revealed(collapsed: ReadonlySet<string>, ancestors: readonly string[]): ReadonlySet<string> {
  if (!ancestors.some((key) => collapsed.has(key))) return collapsed;
  const next = new Set(collapsed);
  for (const key of ancestors) next.delete(key);
  return next;
}

/** The one row in the tab order (roving tabindex): the active one while it is on screen, else the first. */
export function tabbableKey(rows: readonly Pick<VisibleRow, "key">[], activeKey: string | null): string | null {
  return activeKey !== null && rows.some((row) => row.key === activeKey) ? activeKey : (rows[0]?.key ?? null);
}
