"use client";

import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { ItemThread } from "@/components/comments/item-thread";
import { ItemEvidence } from "@/components/evidence/item-evidence";
import type { ProgressState } from "@/lib/progress/progress-math";
import { ItemHistory } from "./item-history";
import { ItemLinksEditor } from "./item-links-editor";
import { ItemNoteEditor } from "./item-note-editor";
import { ItemStateControls } from "./item-state-controls";
import { formatDay } from "./due-date";
import type { EffectiveState, RoadmapNode } from "./roadmap-model";
import type { RowPacing } from "./row-pacing";
import { SafeLink } from "./safe-link";
import type { ItemChange, ItemProgressJson } from "./types";
import type { WriteCallbacks } from "./use-progress-writes";

/**
 * One item in full: the track's description and resources, the state moves,
 * the evidence and its reviews, the hire's note and links, and the history.
 * Text from the track and the hire is shown as written (line breaks kept), never
 * as HTML; only evidence notes, review comments and thread comments arrive as HTML,
 * sanitized by the server.
 */
export function ItemPanel({
  slug,
  assignmentId,
  node,
  path,
  row,
  effective,
  pacing,
  readOnly,
  conversationOpen,
  onChange,
  onClose,
}: {
  slug: string;
  assignmentId: string;
  node: RoadmapNode | null;
  /** The titles above the item, top first. */
  path: readonly string[];
  row: ItemProgressJson | undefined;
  effective: EffectiveState;
  /** The item's due and estimate as its row shows them (row-pacing.ts). */
  pacing?: RowPacing;
  readOnly: boolean;
  /** Whether the viewer may write in the item's thread (anyone who sees an assignment that is not archived). */
  conversationOpen: boolean;
  onChange: (change: ItemChange, callbacks?: WriteCallbacks) => void;
  onClose: () => void;
}) {
  const own: ProgressState = row && !row.archived ? row.state : "NOT_STARTED";
  const source = node?.source;
  return (
    <Dialog
      open={node !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={node?.title ?? ""}
      description={path.length > 0 ? path.join(" › ") : undefined}
      footer={
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      }
    >
      {node && source ? (
        // Keyed by item, so a draft typed for one item never shows on another.
        <div key={node.key} className="flex max-h-[60dvh] flex-col gap-5 overflow-y-auto pr-1">
          {pacing?.dueDay ? (
            <p className="text-sm">
              Due {formatDay(pacing.dueDay)}
              {pacing.due ? <span className={pacing.overdue ? "font-medium text-danger" : "text-muted-foreground"}> ({pacing.due})</span> : null}
            </p>
          ) : null}
          {source.optional || source.evidenceRequired || source.estimatedMinutes !== null ? (
            <p className="flex flex-wrap gap-1.5 text-xs">
              {source.optional ? <span className="rounded bg-surface-muted px-1.5 py-0.5 ring-1 ring-border ring-inset">optional</span> : null}
              {source.evidenceRequired ? <span className="rounded bg-surface-muted px-1.5 py-0.5 ring-1 ring-border ring-inset">evidence required</span> : null}
              {source.estimatedMinutes !== null ? <span className="rounded bg-surface-muted px-1.5 py-0.5 ring-1 ring-border ring-inset">about {source.estimatedMinutes} min</span> : null}
            </p>
          ) : null}
          {source.description ? <p className="text-sm break-words whitespace-pre-wrap">{source.description}</p> : null}
          {source.resources.length > 0 ? (
            <section aria-labelledby="item-resources-heading" className="flex flex-col gap-1">
              <h3 id="item-resources-heading" className="text-sm font-semibold">
                Resources
              </h3>
              <ul className="flex flex-col gap-1 text-sm">
                {source.resources.map((resource, index) => (
                  <li key={`${resource.url}-${index}`}>
                    <SafeLink url={resource.url} title={resource.title} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ItemStateControls
            key={own}
            own={own}
            effective={effective}
            reason={row?.notApplicableReason ?? null}
            leaf={node.leaf}
            evidenceRequired={source.evidenceRequired}
            readOnly={readOnly}
            onChange={(change) => onChange(change)}
          />
          {node.leaf || source.evidenceRequired ? <ItemEvidence slug={slug} assignmentId={assignmentId} itemKey={node.key} itemTitle={node.title} evidenceRequired={source.evidenceRequired} /> : null}
          <ItemThread slug={slug} assignmentId={assignmentId} itemKey={node.key} readOnly={!conversationOpen} />
          <ItemNoteEditor note={row?.note ?? null} readOnly={readOnly} onSave={(note, callbacks) => onChange({ note }, callbacks)} />
          <ItemLinksEditor links={row?.links ?? []} readOnly={readOnly} onChange={(links) => onChange({ links })} />
          <ItemHistory slug={slug} assignmentId={assignmentId} itemKey={node.key} />
        </div>
      ) : null}
    </Dialog>
  );
}
