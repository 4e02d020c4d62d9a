"use client";

import type { KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * The outline's search box: "n results", the match on screen, Previous / Next and Clear.
 * Enter and Shift+Enter step through the matches and Escape clears, without leaving the box.
 */
export function EditorSearch({
  query,
  count,
  current,
  onQueryChange,
  onStep,
  onClear,
}: {
  query: string;
  count: number;
  current: number | null;
  onQueryChange: (query: string) => void;
  onStep: (step: 1 | -1) => void;
  onClear: () => void;
}) {
  const searching = query.trim() !== "";

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape" && query !== "") {
      event.preventDefault();
      onClear();
    }
  }

  return (
    <div role="search" aria-label="Search the outline" className="flex flex-wrap items-end gap-2">
      <Input
        label="Search titles"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="Enter Shift+Enter Escape"
        containerClassName="min-w-48 max-w-sm flex-1"
      />
      <Button variant="secondary" size="sm" disabled={count === 0} aria-keyshortcuts="Shift+Enter" onClick={() => onStep(-1)} className="mb-1">
        Previous<span className="sr-only"> match</span>
      </Button>
      <Button variant="secondary" size="sm" disabled={count === 0} aria-keyshortcuts="Enter" onClick={() => onStep(1)} className="mb-1">
        Next<span className="sr-only"> match</span>
      </Button>
      <Button variant="ghost" size="sm" disabled={!searching} aria-keyshortcuts="Escape" onClick={onClear} className="mb-1">
        Clear<span className="sr-only"> the search</span>
      </Button>
      <p role="status" className="mb-2 text-sm text-muted-foreground">
        {!searching ? "" : count === 0 ? "No results" : `${count} ${count === 1 ? "result" : "results"}${current !== null ? ` · ${current + 1} of ${count}` : ""}`}
      </p>
    </div>
  );
}
