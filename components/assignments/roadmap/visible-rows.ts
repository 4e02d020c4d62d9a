/**
 * The roadmap as the rows on screen (the shared tree's rows, components/ui/tree),
 * narrowed by the roadmap's search and filter (a state, or an evidence filter:
 * row-evidence.ts).
 *
 * Searching or filtering shows the rows that match and the nodes above them, so
 * every match keeps its place in the tree. A section or topic whose own title
 * matches the search brings its whole subtree into the search: all of it shows
 * (under a filter, what matches the filter), since the hire searched for it.
 */
import { visibleRows as visibleTreeRows } from "@/components/ui/tree/visible-rows";
import type { VisibleRow } from "@/components/ui/tree/visible-rows";
import type { EffectiveState, RoadmapModel } from "./roadmap-model";
import { needsHireAction, waitingOnMentor } from "./row-evidence";
import type { EvidenceStatus } from "./row-evidence";

export const ROW_FILTERS = ["all", "NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE", "NEEDS_ACTION", "WAITING_REVIEW"] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export interface RowQuery {
  /** Lower-case, trimmed; empty for no search. */
  search: string;
  filter: RowFilter;
  collapsed: ReadonlySet<string>;
}

/** What the rows are filtered by besides their titles: the effective states and, per node, the latest evidence status. */
export interface RowFacts {
  effective: readonly EffectiveState[];
  evidence?: ReadonlyArray<EvidenceStatus | undefined>;
}

export const normalizeSearch = (text: string) => text.trim().toLowerCase();

export function isNarrowed(query: Pick<RowQuery, "search" | "filter">): boolean {
  return query.search !== "" || query.filter !== "all";
}

/** Per node, whether it is within the search: its title matches, or a section's or topic's above it does. */
export function withinSearch(model: RoadmapModel, search: string): Uint8Array {
  const within = new Uint8Array(model.nodes.length);
  if (search === "") return within.fill(1);
  // Pre-order: a parent is decided before its children.
  model.nodes.forEach((node, index) => {
    const parentIndex = node.parentKey === null ? undefined : model.indexOf.get(node.parentKey);
    within[index] = node.searchText.includes(search) || (parentIndex !== undefined && within[parentIndex] === 1) ? 1 : 0;
  });
  return within;
}

/** Whether a leaf passes a filter. */
export function leafPasses(filter: RowFilter, facts: RowFacts, model: RoadmapModel, index: number): boolean {
  const state = facts.effective[index]!;
  const status = facts.evidence?.[index];
  switch (filter) {
    case "all":
      return true;
    case "NEEDS_ACTION":
      return needsHireAction(model.nodes[index]!, state, status);
    case "WAITING_REVIEW":
      return waitingOnMentor(model.nodes[index]!, state, status);
    default:
      return state === filter;
  }
}

/** Which nodes a search and a filter keep (all of them when neither is set). */
export function matchingNodes(model: RoadmapModel, facts: RowFacts, query: Pick<RowQuery, "search" | "filter">): Uint8Array {
  const n = model.nodes.length;
  const shown = new Uint8Array(n);
  if (!isNarrowed(query)) return shown.fill(1);
  const within = withinSearch(model, query.search);
  model.nodes.forEach((node, index) => {
    if (node.leaf) shown[index] = within[index] && leafPasses(query.filter, facts, model, index) ? 1 : 0;
    // A branch has no state to filter by: it shows by title (its own or one above it) only when no filter is set.
    else shown[index] = query.filter === "all" && query.search !== "" && within[index] ? 1 : 0;
  });
  // Backward: a node with a match below it stays, so the match keeps its ancestors.
  for (let index = n - 1; index >= 0; index--) {
    const parentKey = model.nodes[index]!.parentKey;
    if (shown[index] && parentKey !== null) shown[model.indexOf.get(parentKey)!] = 1;
  }
  return shown;
}

export function visibleRows(model: RoadmapModel, facts: RowFacts, query: RowQuery): VisibleRow[] {
  return visibleTreeRows(model.nodes, query.collapsed, isNarrowed(query) ? matchingNodes(model, facts, query) : undefined);
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

/**
 * How many counted leaves each filter button would show, within the search (all
 * leaves when there is none): the chips count what the hire is looking at.
 * "all" counts every leaf in the search; the states count what is not skipped.
 */
export function filterCounts(model: RoadmapModel, facts: RowFacts, search = ""): Record<RowFilter, number> {
  const counts: Record<RowFilter, number> = { all: 0, NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, NOT_APPLICABLE: 0, NEEDS_ACTION: 0, WAITING_REVIEW: 0 };
  const within = withinSearch(model, search);
  model.nodes.forEach((node, index) => {
    if (!node.leaf || !within[index]) return;
    counts.all += 1;
    const state = facts.effective[index]!;
    if (state !== "SKIPPED") counts[state] += 1;
    const status = facts.evidence?.[index];
    if (needsHireAction(node, state, status)) counts.NEEDS_ACTION += 1;
    if (waitingOnMentor(node, state, status)) counts.WAITING_REVIEW += 1;
  });
  return counts;
}
