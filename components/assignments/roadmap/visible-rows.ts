/**
 * The roadmap as the rows on screen (the shared tree's rows, components/ui/tree),
 * narrowed by the roadmap's search and state filter.
 *
 * Searching or filtering by state shows the rows that match and the nodes above
 * them, so every match keeps its place in the tree. A branch whose own title
 * matches the search shows too (with only its matching items below it).
 */
import { visibleRows as visibleTreeRows } from "@/components/ui/tree/visible-rows";
import type { VisibleRow } from "@/components/ui/tree/visible-rows";
import type { EffectiveState, RoadmapModel } from "./roadmap-model";

export const STATE_FILTERS = ["all", "NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export interface RowQuery {
  /** Lower-case, trimmed; empty for no search. */
  search: string;
  filter: StateFilter;
  collapsed: ReadonlySet<string>;
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
  return visibleTreeRows(model.nodes, query.collapsed, isNarrowed(query) ? matchingNodes(model, effective, query) : undefined);
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
