"use client";

import { Button } from "@/components/ui/button";
import { EvidenceIcon } from "./evidence-mark";

/** The hire's next items as buttons that unfold the roadmap to each and focus it; those that need evidence say so. */
export function NextUp({ items, onReveal }: { items: ReadonlyArray<{ key: string; title: string; evidenceRequired?: boolean }>; onReveal: (key: string) => void }) {
  if (items.length === 0) return null;
  return (
    // One scrolling row on phones, so the roadmap's first items stay on the first screen.
    <section aria-labelledby="next-up-heading" className="flex flex-wrap items-center gap-2 text-sm max-sm:flex-nowrap max-sm:overflow-x-auto">
      <h2 id="next-up-heading" className="shrink-0 font-semibold">
        Next up:
      </h2>
      {items.map((item) => (
        <Button key={item.key} variant="ghost" size="sm" className="h-7 max-w-full gap-1.5 border border-border max-sm:max-w-[70vw] max-sm:shrink-0" onClick={() => onReveal(item.key)}>
          <span className="truncate">{item.title}</span>
          {item.evidenceRequired ? (
            <>
              <EvidenceIcon className="text-muted-foreground" />
              <span className="sr-only">{" (evidence required)"}</span>
            </>
          ) : null}
        </Button>
      ))}
    </section>
  );
}
