import type { Ref } from "react";
import { Button } from "@/components/ui/button";

/** The queue's title (focus goes here when the last entry leaves) and the way to its shortcuts. */
export function QueueHeader({ headingRef, onHelp }: { headingRef: Ref<HTMLHeadingElement>; onHelp: () => void }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 id="reviews-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
          Reviews
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">Evidence your hires sent, oldest first. Approving marks the item done; asking for changes sends your comment back.</p>
      </div>
      <Button variant="ghost" size="sm" onClick={onHelp} aria-keyshortcuts="?">
        Keyboard shortcuts
      </Button>
    </div>
  );
}
