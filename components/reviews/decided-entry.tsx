"use client";

import { memo } from "react";
import { Button } from "@/components/ui/button";
import { SpinnerIcon } from "@/components/ui/icons";
import { personName } from "@/components/evidence/evidence-labels";
import type { ReviewQueueEntryJson } from "@/components/evidence/types";
import type { QueueDecision } from "./queue-state";

/**
 * An entry decided in this tab, in its place in the list: "Approved · Undo" at once, a
 * pending marker ("Saving…") while the decision is held and sent, "Saved" once the server
 * has it. Undo exists only while the decision is held: after that it has been sent
 * (decision 0043).
 */
export const DecidedEntry = memo(function DecidedEntry({ entry, decision, onUndo }: { entry: ReviewQueueEntryJson; decision: QueueDecision; onUndo: (attemptId: string) => void }) {
  const { attempt, assignment, item } = entry;
  const approved = decision.body.decision === "APPROVE";
  const pending = decision.status !== "confirmed";
  return (
    <div
      data-testid="decided-entry"
      aria-label={`${approved ? "Approved" : "Changes requested"}: ${item.title}`}
      role="group"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-dashed border-border bg-surface-muted px-4 py-2.5 text-sm"
    >
      <p className="min-w-0 flex-1 break-words">
        <span className="font-semibold">{approved ? "Approved" : "Changes requested"}</span>
        {decision.status === "holding" ? (
          <>
            {" · "}
            <Button variant="ghost" size="sm" className="-my-1 px-2 text-link underline underline-offset-2" onClick={() => onUndo(attempt.id)}>
              Undo<span className="sr-only"> the decision on “{item.title}”</span>
            </Button>
          </>
        ) : null}
        <span className="text-muted-foreground">
          {" "}
          · {item.title} · {personName(assignment.assignee)}
        </span>
      </p>
      <span role="status" className="flex items-center gap-1.5 text-muted-foreground">
        {pending ? (
          <>
            <SpinnerIcon aria-hidden className="size-4 motion-safe:animate-spin" />
            Saving…
          </>
        ) : (
          "Saved"
        )}
      </span>
    </div>
  );
});
