import { Button } from "@/components/ui/button";

/** Nothing waits: with filters, a way to clear them; without, when something will show up. */
export function QueueEmpty({ filtered, onClearFilters }: { filtered: boolean; onClearFilters: () => void }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
      {filtered ? (
        <>
          <p>Nothing waits for your review with these filters.</p>
          <Button variant="secondary" size="sm" onClick={onClearFilters}>
            Clear filters
          </Button>
        </>
      ) : (
        <p>Nothing waits for your review. When a hire you mentor submits evidence, it shows up here.</p>
      )}
    </div>
  );
}
