import type { Ref } from "react";
import type { ReviewBody, ReviewQueueEntryJson } from "@/components/evidence/types";
import { Button } from "@/components/ui/button";
import { DecidedEntry } from "./decided-entry";
import type { EntryFailure, EntryRequest, QueueDecision } from "./queue-state";
import { ReviewEntry } from "./review-entry";

export interface EntryHandlers {
  onChoose: (attemptId: string, chosen: boolean) => void;
  onSelect: (attemptId: string) => void;
  onApprove: (entry: ReviewQueueEntryJson) => void;
  onOpenRequest: (entry: ReviewQueueEntryJson) => void;
  onComment: (attemptId: string, comment: string) => void;
  onSendRequest: (entry: ReviewQueueEntryJson) => void;
  onCancelRequest: (attemptId: string) => void;
  onRetry: (entry: ReviewQueueEntryJson, body: ReviewBody) => void;
  onUndo: (attemptId: string) => void;
}

/**
 * The entries on screen, with the keys' reminder and "Approve chosen" above them; an entry
 * decided in this tab is one line in its place (DecidedEntry) until the list is read again. The
 * selected entry is the list's one tab stop; the handlers are stable, so entries that did
 * not change are not rendered again.
 */
export function QueueList({
  slug,
  entries,
  listed,
  selectedId,
  requests,
  decisions,
  failures,
  chosen,
  now,
  reviewTargetDays,
  dimmed,
  approving,
  listRef,
  handlers,
  onChooseAll,
  onApproveChosen,
}: {
  slug: string;
  /** The entries waiting (what "Choose all" and the counts see). */
  entries: readonly ReviewQueueEntryJson[];
  /** What the list shows: those waiting and those decided in this tab, in the server's order. */
  listed: readonly ReviewQueueEntryJson[];
  selectedId: string | null;
  requests: ReadonlyMap<string, EntryRequest>;
  decisions: ReadonlyMap<string, QueueDecision>;
  failures: ReadonlyMap<string, EntryFailure>;
  chosen: ReadonlySet<string>;
  now: number;
  reviewTargetDays: number | null;
  /** Placeholder data from the previous filters is on screen while the new ones load. */
  dimmed: boolean;
  approving: boolean;
  listRef: Ref<HTMLOListElement>;
  handlers: EntryHandlers;
  onChooseAll: () => void;
  onApproveChosen: () => void;
}) {
  const chosenCount = entries.filter((entry) => chosen.has(entry.attempt.id)).length;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id="review-keys" className="text-xs text-muted-foreground">
          j / k or ↑ ↓ move · a approves · r requests changes · u undoes · ? lists the shortcuts
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="ghost" size="sm" onClick={onChooseAll} disabled={entries.length === 0}>
            Choose all shown
          </Button>
          <Button size="sm" disabled={chosenCount === 0} loading={approving} onClick={onApproveChosen}>
            {chosenCount === 0 ? "Approve chosen" : `Approve ${chosenCount} chosen`}
          </Button>
        </div>
      </div>
      <ol ref={listRef} aria-label="Waiting for review" className={dimmed ? "flex flex-col gap-3 opacity-60 transition-opacity" : "flex flex-col gap-3"}>
        {listed.map((entry) => {
          const decision = decisions.get(entry.attempt.id);
          if (decision) {
            return (
              <li key={entry.attempt.id}>
                <DecidedEntry entry={entry} decision={decision} onUndo={handlers.onUndo} />
              </li>
            );
          }
          const isSelected = entry.attempt.id === selectedId;
          return (
            <li key={entry.attempt.id}>
              <ReviewEntry
                slug={slug}
                entry={entry}
                selected={isSelected}
                tabbable={isSelected}
                now={now}
                reviewTargetDays={reviewTargetDays}
                request={requests.get(entry.attempt.id) ?? null}
                chosen={chosen.has(entry.attempt.id)}
                failure={failures.get(entry.attempt.id) ?? null}
                {...handlers}
              />
            </li>
          );
        })}
      </ol>
    </>
  );
}
