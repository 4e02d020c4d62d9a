/**
 * What the hire has folded, searched and filtered on the roadmap, as one reducer.
 * Searching or filtering shows every match unfolded, and folds made then are kept
 * apart (`narrowCollapsed`) from the ordinary ones, so clearing the search brings
 * back the roadmap as the hire left it. Whether the view is narrowed comes with
 * each change: the page decides it from the deferred search text it renders.
 */
import { revealed } from "@/components/ui/tree/visible-rows";
import type { RowFilter } from "./visible-rows";

export interface RoadmapFolds {
  collapsed: ReadonlySet<string>;
  /** The folds made while searching or filtering; empty (all open) at each new search or filter. */
  narrowCollapsed: ReadonlySet<string>;
  searchText: string;
  filter: RowFilter;
}

export type FoldChange =
  | { type: "fold"; key: string; fold: boolean; narrowed: boolean }
  /** Expand all (an empty set) or collapse all. */
  | { type: "setAll"; collapsed: ReadonlySet<string>; narrowed: boolean }
  /** Show a node: a narrowed view is cleared first, then its ancestors are unfolded. */
  | { type: "reveal"; ancestors: readonly string[]; narrowed: boolean }
  | { type: "search"; text: string }
  | { type: "filter"; filter: RowFilter }
  | { type: "clear" };

export const initialFolds = (collapsed: ReadonlySet<string>): RoadmapFolds => ({ collapsed, narrowCollapsed: new Set(), searchText: "", filter: "all" });

/** The folds in effect: the narrowed view's own while searching or filtering. */
export const foldsInEffect = (state: RoadmapFolds, narrowed: boolean) => (narrowed ? state.narrowCollapsed : state.collapsed);

function withFold(current: ReadonlySet<string>, key: string, fold: boolean): ReadonlySet<string> {
  if (current.has(key) === fold) return current;
  const next = new Set(current);
  if (fold) next.add(key);
  else next.delete(key);
  return next;
}

const cleared = (state: RoadmapFolds): RoadmapFolds => ({ ...state, searchText: "", filter: "all", narrowCollapsed: new Set() });

export function foldsReducer(state: RoadmapFolds, change: FoldChange): RoadmapFolds {
  switch (change.type) {
    case "fold": {
      const field = change.narrowed ? "narrowCollapsed" : "collapsed";
      const next = withFold(state[field], change.key, change.fold);
      // The same state when nothing changed, so React skips the render.
      return next === state[field] ? state : { ...state, [field]: next };
    }
    case "setAll":
      return change.narrowed ? { ...state, narrowCollapsed: change.collapsed } : { ...state, collapsed: change.collapsed };
    case "reveal": {
      const base = change.narrowed ? cleared(state) : state;
      const collapsed = revealed(base.collapsed, change.ancestors);
      return collapsed === base.collapsed ? base : { ...base, collapsed };
    }
    case "search":
      return { ...state, searchText: change.text, narrowCollapsed: new Set() };
    case "filter":
      return { ...state, filter: change.filter, narrowCollapsed: new Set() };
    case "clear":
      return cleared(state);
  }
}
