"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Input } from "@/components/ui/input";
import { STATE_LABEL } from "./state-labels";
import { STATE_FILTERS } from "./visible-rows";
import type { StateFilter } from "./visible-rows";

const FILTER_LABEL: Record<StateFilter, string> = { all: "All", ...STATE_LABEL };

/** The search box, the state filter (radio buttons with their counts) and fold-all buttons (beside the search, even on phones). */
export function RoadmapToolbar({
  searchText,
  onSearchText,
  filter,
  onFilter,
  counts,
  onExpandAll,
  onCollapseAll,
}: {
  searchText: string;
  onSearchText: (text: string) => void;
  filter: StateFilter;
  onFilter: (filter: StateFilter) => void;
  counts: Record<StateFilter, number>;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}) {
  const name = useId();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-row items-end gap-2 sm:gap-3">
        <Input
          label="Search items"
          type="search"
          placeholder="Title contains…"
          value={searchText}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => onSearchText(event.target.value)}
          containerClassName="min-w-0 flex-1"
        />
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
      {/* min-w-0: a fieldset is at least as wide as its content, and the chips row scrolls on phones. */}
      <fieldset className="min-w-0">
        <legend className="sr-only">Show items</legend>
        {/* One scrolling row on phones, so the roadmap's first items stay on the first screen. */}
        <div className="flex flex-wrap gap-1.5 max-sm:flex-nowrap max-sm:overflow-x-auto">
          {STATE_FILTERS.map((value) => (
            <label
              key={value}
              className={cx(
                "relative inline-flex h-8 shrink-0 cursor-pointer items-center gap-1.5 rounded-full touch:h-11 border px-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                filter === value ? "border-primary bg-primary/10 font-medium text-foreground" : "border-border-strong text-muted-foreground hover:bg-surface-muted",
              )}
            >
              <input type="radio" name={name} value={value} checked={filter === value} onChange={() => onFilter(value)} className="sr-only" />
              {FILTER_LABEL[value]}
              <span className="text-xs tabular-nums">{counts[value]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
