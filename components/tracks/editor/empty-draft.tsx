"use client";

import { Button } from "@/components/ui/button";

/** In place of the tree while the draft has no node: the two ways to start. */
export function EmptyDraft({ onAddSection, onAddItem }: { onAddSection: () => void; onAddItem: () => void }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
      <p>This draft is empty. Start with a section (items then go inside sections), or with an item for a roadmap without sections.</p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onAddSection}>Add section</Button>
        <Button variant="secondary" onClick={onAddItem}>
          Add item
        </Button>
      </div>
    </div>
  );
}
