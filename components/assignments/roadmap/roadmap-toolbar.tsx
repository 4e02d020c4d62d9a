"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Input } from "@/components/ui/input";
import { STATE_LABEL } from "./state-labels";
import { STATE_FILTERS } from "./visible-rows";
import type { StateFilter } from "./visible-rows";

const FILTER_LABEL: Record<StateFilter, string> = { all: "All", ...STATE_LABEL };

/** The search box, the state filter (radio buttons with their counts) and fold-all buttons. */
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
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Input
          label="Search items"
          type="search"
          placeholder="Title contains…"
          value={searchText}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => onSearchText(event.target.value)}
          containerClassName="flex-1"
        />
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onExpandAll}>
            Expand all
          </Button>
          <Button variant="secondary" onClick={onCollapseAll}>
            Collapse all
          </Button>
        </div>
      </div>
      <fieldset>
        <legend className="sr-only">Show items</legend>
        <div className="flex flex-wrap gap-1.5">
          {STATE_FILTERS.map((value) => (
            <label
              key={value}
              className={cx(
                "inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-full border px-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
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
