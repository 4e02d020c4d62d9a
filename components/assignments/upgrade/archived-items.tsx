"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ItemHistory } from "../roadmap/item-history";
import { STATE_LABEL } from "../roadmap/state-labels";
import type { AssignmentDetailJson } from "../roadmap/types";

export const ARCHIVED_ITEMS_ID = "removed-items";

/**
 * Items an upgrade removed from the assignment's version: their progress is kept
 * (archived, not counted) and shown here with its history, one item at a time.
 */
export function ArchivedItems({ slug, detail, open, onOpenChange }: { slug: string; detail: AssignmentDetailJson; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [historyKey, setHistoryKey] = useState<string | null>(null);
  const rowOf = new Map(detail.progress.filter((row) => row.archived).map((row) => [row.stableKey, row]));
  const items = detail.archivedItems.filter((item) => rowOf.has(item.stableKey));
  if (items.length === 0) return null;
  return (
    <section id={ARCHIVED_ITEMS_ID} aria-labelledby="removed-items-heading" className="flex flex-col gap-2 rounded-xl border border-border p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="removed-items-heading" className="text-base font-semibold">
          Removed items ({items.length}): progress kept in history
        </h2>
        <Button variant="secondary" size="sm" aria-expanded={open} aria-controls="removed-items-list" onClick={() => onOpenChange(!open)}>
          {open ? "Hide" : "Show"} removed items
        </Button>
      </div>
      {open ? (
        <ul id="removed-items-list" className="flex flex-col gap-2 text-sm">
          {items.map((item) => {
            const row = rowOf.get(item.stableKey)!;
            const showing = historyKey === item.stableKey;
            return (
              <li key={item.stableKey} className="flex flex-col gap-2 rounded-md bg-surface-muted px-3 py-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <span className="font-medium">{item.title}</span> <span className="text-muted-foreground">· {STATE_LABEL[row.state]} · not counted</span>
                  </span>
                  <Button variant="secondary" size="sm" aria-expanded={showing} onClick={() => setHistoryKey(showing ? null : item.stableKey)}>
                    {showing ? "Hide history" : `History of ${item.title}`}
                  </Button>
                </div>
                {row.note ? <p className="whitespace-pre-wrap text-muted-foreground">Note: {row.note}</p> : null}
                {showing ? <ItemHistory slug={slug} assignmentId={detail.assignment.id} itemKey={item.stableKey} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
