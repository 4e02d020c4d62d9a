"use client";

import { useId } from "react";
import type { ImportPreviewJson } from "./types";

/** At most this many changes are listed (a 700-item roadmap in capitals changes every title). */
const LISTED = 200;

export interface TitleChange {
  line: number | null;
  before: string;
  after: string;
}

/** Every title the preview shows that tidyTitle would change (the # title first), in document order. */
export function titleChanges(preview: ImportPreviewJson, tidy: (title: string) => string): TitleChange[] {
  const changes: TitleChange[] = [];
  if (preview.title !== null && tidy(preview.title) !== preview.title) changes.push({ line: null, before: preview.title, after: tidy(preview.title) });
  for (const node of preview.tree) {
    const after = tidy(node.title);
    if (after !== node.title) changes.push({ line: node.line, before: node.title, after });
  }
  return changes;
}

/**
 * "Tidy titles": offered when the preview finds titles to tidy, never ticked for the user.
 * The changes are listed before → after either way, so the choice is made knowing what it does.
 */
export function TidyTitlesChoice({ changes, checked, onChange }: { changes: readonly TitleChange[]; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const count = changes.length;
  return (
    <div className="rounded-lg border border-border bg-surface p-3 text-sm">
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={`${id}-hint`} className="mt-0.5 size-4" />
        <div>
          <label htmlFor={id} className="font-medium">
            Tidy titles
          </label>
          <p id={`${id}-hint`} className="text-muted-foreground">
            {count} {count === 1 ? "title has" : "titles have"} capitals or emoji to tidy: emoji and symbols removed, SHOUTED words in Title case (acronyms such as HTTP stay). {checked ? "They are imported tidied." : "They are imported as written unless you tick this."}
          </p>
        </div>
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer font-medium">
          What would change ({count})
        </summary>
        <ul aria-label="Title changes" className="mt-2 flex flex-col gap-1">
          {changes.slice(0, LISTED).map((change, index) => (
            <li key={index}>
              <span className="font-medium">{change.line === null ? "Track title" : `Line ${change.line}`}:</span> <del>{change.before}</del> → <ins className="no-underline">{change.after}</ins>
            </li>
          ))}
        </ul>
        {count > LISTED ? <p className="mt-1 text-muted-foreground">and {count - LISTED} more.</p> : null}
      </details>
    </div>
  );
}
