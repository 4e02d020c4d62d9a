"use client";

import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Input } from "@/components/ui/input";
import { STATE_LABEL } from "./state-labels";
import { ROW_FILTERS } from "./visible-rows";
import type { RowFilter } from "./visible-rows";

/** The evidence filters say whose move it is: the hire's own words on their roadmap, the hire's for a mentor or manager. */
function filterLabels(viewerIsAssignee: boolean): Record<RowFilter, string> {
  return {
    all: "All",
    ...STATE_LABEL,
    NEEDS_ACTION: viewerIsAssignee ? "Needs my action" : "Needs the hire’s action",
    WAITING_REVIEW: viewerIsAssignee ? "Waiting on mentor" : "Waiting for review",
  };
}

/** Results are items; a match on a section or topic with no items under it is shown, so it is said. */
const resultsText = (count: number, rowsShown: boolean) =>
  count === 1 ? "1 result" : count === 0 && rowsShown ? "0 results: what matches holds no items" : `${count.toLocaleString("en")} results`;

/**
 * The search box (Escape or Clear empties it and keeps focus in it), how many items
 * the search and filter find, the filters (radio buttons: the states, then the
 * evidence filters, each with its count within the search) and fold-all buttons.
 */
export function RoadmapToolbar({
  searchText,
  onSearchText,
  filter,
  onFilter,
  counts,
  results,
  rowsShown,
  viewerIsAssignee,
  onExpandAll,
  onCollapseAll,
}: {
  searchText: string;
  onSearchText: (text: string) => void;
  filter: RowFilter;
  onFilter: (filter: RowFilter) => void;
  counts: Record<RowFilter, number>;
  /** Items found by the search and filter; null when neither is set. */
  results: number | null;
  /** Whether the tree shows any row (a match may be a section or topic without items). */
  rowsShown: boolean;
  viewerIsAssignee: boolean;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}) {
  const name = useId();
  const searchBox = useRef<HTMLInputElement>(null);
  const labels = filterLabels(viewerIsAssignee);
  function clearSearch() {
    onSearchText("");
    searchBox.current?.focus();
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 items-end gap-2">
          <Input
            ref={searchBox}
            label="Search items"
            type="search"
            placeholder="Title, section or topic…"
            value={searchText}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => onSearchText(event.target.value)}
            onKeyDown={(event) => {
              // The browser's own Escape on a search box is not everywhere; this one is, and keeps the filter.
              if (event.key === "Escape" && searchText !== "") {
                event.preventDefault();
                clearSearch();
              }
            }}
            containerClassName="min-w-0 flex-1"
            className="[&::-webkit-search-cancel-button]:hidden"
          />
          {searchText !== "" ? (
            <Button variant="secondary" onClick={clearSearch}>
              Clear
            </Button>
          ) : null}
        </div>
        <div className="flex shrink-0 gap-2">
          {/* "Expand" and "Collapse" on phones: the full labels would squeeze the search box. */}
          <Button variant="secondary" onClick={onExpandAll} className="max-sm:px-3">
            Expand<span className="max-sm:sr-only"> all</span>
          </Button>
          <Button variant="secondary" onClick={onCollapseAll} className="max-sm:px-3">
            Collapse<span className="max-sm:sr-only"> all</span>
          </Button>
        </div>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1.5">
        {/* min-w-0: a fieldset is at least as wide as its content, and the chips row scrolls on phones. */}
        <fieldset className="min-w-0 max-sm:w-full">
          <legend className="sr-only">Show items</legend>
          {/* One scrolling row on phones, so the roadmap's first items stay on the first screen. */}
          <div className="flex flex-wrap gap-1.5 max-sm:flex-nowrap max-sm:overflow-x-auto">
            {ROW_FILTERS.map((value) => (
              <label
                key={value}
                className={cx(
                  "relative inline-flex h-8 shrink-0 cursor-pointer items-center gap-1.5 rounded-full touch:h-11 border px-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                  filter === value ? "border-primary bg-primary/10 font-medium text-foreground" : "border-border-strong text-muted-foreground hover:bg-surface-muted",
                  value === "NEEDS_ACTION" && "sm:ml-2",
                )}
              >
                <input type="radio" name={name} value={value} checked={filter === value} onChange={() => onFilter(value)} className="sr-only" />
                {labels[value]}
                <span className="text-xs tabular-nums">{counts[value]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {/* Always in the page, so the count is announced when it changes (a live region added with its text is often not). */}
        <p role="status" aria-live="polite" className="text-sm text-muted-foreground">
          {results === null ? "" : resultsText(results, rowsShown)}
        </p>
      </div>
    </div>
  );
}
