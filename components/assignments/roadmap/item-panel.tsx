"use client";

import { useEffect, useId, useRef } from "react";
import { ItemThread } from "@/components/comments/item-thread";
import { ItemEvidence } from "@/components/evidence/item-evidence";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, CloseIcon } from "@/components/ui/icons";
import { useMediaQuery } from "@/components/ui/use-media-query";
import type { ProgressState } from "@/lib/progress/progress-math";
import { formatDay } from "./due-date";
import { ItemHistory } from "./item-history";
import { ItemLinksEditor } from "./item-links-editor";
import { ItemNoteEditor } from "./item-note-editor";
import { ItemStateControls } from "./item-state-controls";
import { panelKeyEventOf, panelKeyFor } from "./panel-keys";
import type { EffectiveState, RoadmapNode } from "./roadmap-model";
import type { RowPacing } from "./row-pacing";
import { SafeLink } from "./safe-link";
import type { PanelMove } from "./tree-navigation";
import type { ItemChange, ItemProgressJson } from "./types";
import type { WriteCallbacks } from "./use-progress-writes";

/** Where the panel stops sitting beside the tree and covers the screen (the phones). */
export const PHONE_QUERY = "(max-width: 640px)";

/**
 * One item in full, beside the tree: its description and resources, then the state,
 * the evidence and its reviews, the hire's note and links, the conversation and the
 * history. On a wide screen it is a non-modal dialog next to the tree (the tree stays
 * usable; decision 0042); on a phone a full-screen modal sheet. j and k move it to the
 * next and previous item, Escape closes it (panel-keys.ts).
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
  owner,
  hasPrevious,
  hasNext,
  onChange,
  onMove,
  onClose,
}: {
  slug: string;
  assignmentId: string;
  node: RoadmapNode;
  /** The titles above the item, top first. */
  path: readonly string[];
  row: ItemProgressJson | undefined;
  effective: EffectiveState;
  /** The item's due and estimate as its row shows them (row-pacing.ts). */
  pacing?: RowPacing;
  readOnly: boolean;
  /** Whether the viewer may write in the item's thread (anyone who sees an assignment that is not archived). */
  conversationOpen: boolean;
  /** Whose note and links these are: "Your" for the hire, "Ada Obi’s" for anyone else. */
  owner: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onChange: (change: ItemChange, callbacks?: WriteCallbacks) => void;
  onMove: (move: PanelMove) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const pathId = useId();
  const phone = useMediaQuery(PHONE_QUERY);
  const own: ProgressState = row && !row.archived ? row.state : "NOT_STARTED";
  const source = node.source;

  // Mounted is open. A phone gets the modal sheet (the page behind is inert and hidden);
  // a wide screen the non-modal panel. Turning a tablet reopens it in the other mode.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (phone) dialog.showModal();
    else dialog.show();
    headingRef.current?.focus();
    return () => dialog.close();
  }, [phone]);

  // Each item the panel shows is announced by its heading, wherever focus was (j and k, a click in the tree).
  useEffect(() => {
    headingRef.current?.focus();
  }, [node.key]);

  // The latest handlers, for one listener on the document for as long as the panel is open.
  const handlers = useRef({ onMove, onClose });
  useEffect(() => {
    handlers.current = { onMove, onClose };
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = panelKeyFor(panelKeyEventOf(event, ref.current));
      if (action === null) return;
      event.preventDefault();
      if (action.kind === "close") handlers.current.onClose();
      else handlers.current.onMove(action.move);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      aria-describedby={path.length > 0 ? pathId : undefined}
      // A close we did not ask for (the browser's own Escape on the modal sheet) still closes the panel.
      // inset-x-auto: the browser's left: 0 and right: 0 for dialogs would act as sticky offsets and pull it sideways.
      onClose={() => {
        if (ref.current?.isConnected && !ref.current.open) onClose();
      }}
      className="sticky inset-x-auto top-4 m-0 flex max-h-[calc(100dvh-2rem)] w-full max-w-none flex-col self-start overflow-hidden rounded-xl border border-border bg-surface p-0 text-foreground shadow-sm [&:modal]:fixed [&:modal]:inset-0 [&:modal]:h-dvh [&:modal]:max-h-none [&:modal]:rounded-none [&:modal]:border-0"
    >
      <div className="flex items-start gap-2 border-b border-border px-5 py-4">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 ref={headingRef} id={headingId} tabIndex={-1} className="text-lg font-semibold break-words outline-none">
            {node.title}
          </h2>
          {path.length > 0 ? (
            <p id={pathId} className="text-sm text-muted-foreground">
              {path.join(" › ")}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-1">
          <Button variant="ghost" size="sm" className="px-2 max-sm:size-11" disabled={!hasPrevious} onClick={() => onMove("previous")} title="Previous item (k)">
            <ChevronDownIcon className="rotate-180" />
            <span className="sr-only">Previous item</span>
          </Button>
          <Button variant="ghost" size="sm" className="px-2 max-sm:size-11" disabled={!hasNext} onClick={() => onMove("next")} title="Next item (j)">
            <ChevronDownIcon />
            <span className="sr-only">Next item</span>
          </Button>
          <Button variant="ghost" size="sm" className="px-2 max-sm:size-11" onClick={onClose} title="Close (Escape)">
            <CloseIcon />
            <span className="sr-only">Close</span>
          </Button>
        </div>
      </div>
      {/* Keyed by item, so a draft typed for one item never shows on another. */}
      <div key={node.key} className="flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto px-5 py-4">
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
        <ItemNoteEditor draftKey={`note:${assignmentId}:${node.key}`} owner={owner} note={row?.note ?? null} readOnly={readOnly} onSave={(note, callbacks) => onChange({ note }, callbacks)} />
        <ItemLinksEditor owner={owner} links={row?.links ?? []} readOnly={readOnly} onChange={(links) => onChange({ links })} />
        <ItemThread slug={slug} assignmentId={assignmentId} itemKey={node.key} readOnly={!conversationOpen} />
        <ItemHistory slug={slug} assignmentId={assignmentId} itemKey={node.key} />
      </div>
    </dialog>
  );
}
