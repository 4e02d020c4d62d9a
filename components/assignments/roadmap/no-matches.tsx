"use client";

import { Button } from "@/components/ui/button";

/** In place of the tree when the search and filter leave no row. */
export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
      <p>No items match this search and filter.</p>
      <Button variant="secondary" size="sm" onClick={onClear}>
        Clear search and filter
      </Button>
    </div>
  );
}
