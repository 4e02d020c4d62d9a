/**
 * The roadmap as the rows on screen. Only these rows are rendered, so a folded
 * 703-item roadmap is a few dozen elements; each carries what role="treeitem"
 * needs (level, set size, position among the siblings on screen).
 *
 * Searching or filtering by state shows the rows that match and the nodes above
 * them, so every match keeps its place in the tree. A branch whose own title
 * matches the search shows too (with only its matching items below it).
 */
import type { EffectiveState, RoadmapModel } from "./roadmap-model";

export const STATE_FILTERS = ["all", "NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export interface RowQuery {
  /** Lower-case, trimmed; empty for no search. */
  search: string;
  filter: StateFilter;
  collapsed: ReadonlySet<string>;
}

export interface VisibleRow {
  key: string;
  index: number;
  /** aria-level: 1 at the top. */
  level: number;
  /** It has children on screen when unfolded. */
  expandable: boolean;
  expanded: boolean;
  setSize: number;
  posInSet: number;
}

export const normalizeSearch = (text: string) => text.trim().toLowerCase();

export function isNarrowed(query: Pick<RowQuery, "search" | "filter">): boolean {
  return query.search !== "" || query.filter !== "all";
}

/** Which nodes a search and a filter keep (all of them when neither is set). */
export function matchingNodes(model: RoadmapModel, effective: readonly EffectiveState[], query: Pick<RowQuery, "search" | "filter">): Uint8Array {
  const n = model.nodes.length;
  const shown = new Uint8Array(n);
  if (!isNarrowed(query)) return shown.fill(1);
  model.nodes.forEach((node, index) => {
    const titleHit = query.search === "" || node.searchText.includes(query.search);
    if (node.leaf) shown[index] = titleHit && (query.filter === "all" || effective[index] === query.filter) ? 1 : 0;
    // A branch has no state to filter by: it matches by title only when no state filter is set.
    else shown[index] = query.filter === "all" && query.search !== "" && titleHit ? 1 : 0;
  });
  // Backward: a node with a match below it stays, so the match keeps its ancestors.
  for (let index = n - 1; index >= 0; index--) {
    const parentKey = model.nodes[index]!.parentKey;
    if (shown[index] && parentKey !== null) shown[model.indexOf.get(parentKey)!] = 1;
  }
  return shown;
}

export function visibleRows(model: RoadmapModel, effective: readonly EffectiveState[], query: RowQuery): VisibleRow[] {
  const shown = matchingNodes(model, effective, query);
  const shownChildren = new Int32Array(model.nodes.length);
  model.nodes.forEach((node, index) => {
    if (shown[index] && node.parentKey !== null) shownChildren[model.indexOf.get(node.parentKey)!]! += 1;
  });

  const rows: VisibleRow[] = [];
  const siblingsOf = new Map<string | null, VisibleRow[]>();
  // Pre-order puts a node's subtree right after it: skip to its end when it is folded.
  for (let index = 0; index < model.nodes.length; ) {
    const node = model.nodes[index]!;
    if (!shown[index]) {
      index = node.end;
      continue;
    }
    const expandable = shownChildren[index]! > 0;
    const expanded = expandable && !query.collapsed.has(node.key);
    const row: VisibleRow = { key: node.key, index, level: node.depth + 1, expandable, expanded, setSize: 0, posInSet: 0 };
    rows.push(row);
    const siblings = siblingsOf.get(node.parentKey);
    if (siblings) siblings.push(row);
    else siblingsOf.set(node.parentKey, [row]);
    index = expandable && !expanded ? node.end : index + 1;
  }
  for (const siblings of siblingsOf.values()) {
    siblings.forEach((row, position) => {
      row.setSize = siblings.length;
      row.posInSet = position + 1;
    });
  }
  return rows;
}

/**
 * The fold a roadmap opens with: every section folded but the one where the
 * hire is (the first unfinished item's), so the page reads at a glance and
 * renders one section's rows, not 703.
 */
export function defaultCollapsed(model: RoadmapModel, openSectionKey: string | null): Set<string> {
  const open = openSectionKey ?? model.nodes.find((node) => node.kind === "SECTION")?.key ?? null;
  return new Set(model.nodes.filter((node) => node.kind === "SECTION" && node.childCount > 0 && node.key !== open).map((node) => node.key));
}

/** Every node with children folded: "Collapse all". */
export function allCollapsed(model: RoadmapModel): Set<string> {
  return new Set(model.nodes.filter((node) => node.childCount > 0).map((node) => node.key));
}

/** The fold with `key`'s ancestors opened, so it is on screen; the same set when they already are. */
export function revealed(collapsed: ReadonlySet<string>, ancestors: readonly string[]): ReadonlySet<string> {
  if (!ancestors.some((key) => collapsed.has(key))) return collapsed;
  const next = new Set(collapsed);
  for (const key of ancestors) next.delete(key);
  return next;
}

/** How many counted leaves are in each state, for the filter buttons. */
export function filterCounts(model: RoadmapModel, effective: readonly EffectiveState[]): Record<StateFilter, number> {
  const counts: Record<StateFilter, number> = { all: 0, NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, NOT_APPLICABLE: 0 };
  model.nodes.forEach((node, index) => {
    if (!node.leaf) return;
    counts.all += 1;
    const state = effective[index]!;
    if (state !== "SKIPPED") counts[state] += 1;
  });
  return counts;
}
