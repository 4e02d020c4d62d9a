"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyNote, QueryStates } from "@/components/ui/load-states";
import { useKeptDraft } from "@/components/ui/use-session-draft";
import { AttemptCard } from "./attempt-card";
import { fetchItemEvidence, itemEvidenceKey } from "./evidence-api";
import { ReviewControls } from "./review-controls";
import { evidenceDraftKeys, SubmitEvidenceForm } from "./submit-evidence-form";
import type { ItemEvidenceJson } from "./types";

/** Attempts shown in full; older ones fold away so the form stays near the latest review. */
const SHOWN = 2;

/**
 * An item's evidence in its panel: the attempts, newest first, with their
 * reviews; the hire's form for the next attempt when the server allows one;
 * a reviewer's Approve and Request changes on the waiting one. Read when the
 * panel opens (and again after each change).
 */
export function ItemEvidence({
  slug,
  assignmentId,
  itemKey,
  itemTitle,
  evidenceRequired,
}: {
  slug: string;
  assignmentId: string;
  itemKey: string;
  itemTitle: string;
  evidenceRequired: boolean;
}) {
  const evidence = useQuery({
    queryKey: itemEvidenceKey(slug, assignmentId, itemKey),
    queryFn: () => fetchItemEvidence(slug, assignmentId, itemKey),
    staleTime: 0,
    // A GitHub check runs in the background (decision 0034): look again until it has an answer.
    refetchInterval: (query) => (query.state.data?.items.some((attempt) => attempt.verification?.status === "PENDING") ? 3000 : false),
  });

  return (
    <section aria-labelledby="item-evidence-heading" className="flex flex-col gap-2">
      <h3 id="item-evidence-heading" className="text-sm font-semibold">
        Evidence
      </h3>
      <QueryStates query={evidence} what="evidence">
        {(data) => <EvidenceBody slug={slug} assignmentId={assignmentId} itemKey={itemKey} itemTitle={itemTitle} evidenceRequired={evidenceRequired} evidence={data} />}
      </QueryStates>
    </section>
  );
}

function EvidenceBody({
  slug,
  assignmentId,
  itemKey,
  itemTitle,
  evidenceRequired,
  evidence,
}: {
  slug: string;
  assignmentId: string;
  itemKey: string;
  itemTitle: string;
  evidenceRequired: boolean;
  evidence: ItemEvidenceJson;
}) {
  // Evidence for an item that does not need it is offered, not pressed on the hire.
  const [formOpen, setFormOpen] = useState(false);
  // A link or note typed and not sent (kept in the tab) opens the form again with it.
  const drafts = evidenceDraftKeys(assignmentId, itemKey);
  const [keptLink, keptNote] = [useKeptDraft(drafts.link), useKeptDraft(drafts.note)];
  const unsent = keptLink !== null || keptNote !== null;
  const { items, canSubmit, canReview } = evidence;
  const latest = items[0];
  const showForm = canSubmit && (evidenceRequired || formOpen || unsent || latest !== undefined);
  return (
    <>
      {items.length === 0 && !canSubmit ? <EmptyNote>No evidence submitted yet.</EmptyNote> : null}
      {latest?.status === "SUBMITTED" && !canReview ? <p className="text-sm text-muted-foreground">Attempt {latest.number} is waiting for a mentor’s review.</p> : null}
      {latest?.status === "CHANGES_REQUESTED" && canSubmit ? <p className="text-sm">Changes were requested: read the comment, then send a new attempt.</p> : null}
      {items.length > 0 ? (
        <ol aria-label={`Attempts at “${itemTitle}”, newest first`} className="flex flex-col gap-2">
          {items.slice(0, SHOWN).map((attempt, index) => (
            <li key={attempt.id}>
              <AttemptCard attempt={attempt}>{index === 0 && canReview && attempt.status === "SUBMITTED" ? <ReviewControls slug={slug} attempt={attempt} itemTitle={itemTitle} /> : null}</AttemptCard>
            </li>
          ))}
        </ol>
      ) : null}
      {showForm ? (
        <SubmitEvidenceForm slug={slug} assignmentId={assignmentId} itemKey={itemKey} number={(latest?.number ?? 0) + 1} />
      ) : canSubmit ? (
        <div>
          <Button variant="secondary" size="sm" onClick={() => setFormOpen(true)}>
            Submit evidence for review…
          </Button>
        </div>
      ) : null}
      {items.length > SHOWN ? (
        <details className="text-sm">
          <summary className="text-muted-foreground">
            {items.length - SHOWN} earlier {items.length - SHOWN === 1 ? "attempt" : "attempts"}
          </summary>
          <ol className="mt-2 flex flex-col gap-2">
            {items.slice(SHOWN).map((attempt) => (
              <li key={attempt.id}>
                <AttemptCard attempt={attempt} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}
