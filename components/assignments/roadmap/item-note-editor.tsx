"use client";

import { useId, useState } from "react";
import { useSessionDraft } from "@/components/ui/use-session-draft";
import type { FormEvent, KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { MAX_NOTE_LENGTH } from "./item-limits";
import type { WriteCallbacks } from "./use-progress-writes";

type SaveStatus = "idle" | "saving" | "saved" | "failed";

/**
 * The hire's note on an item. What is typed stays here until saved (the button
 * or Ctrl+Enter); a refused save keeps the text, and so do closing the panel, moving
 * to another item and a reload (kept in the tab under `draftKey`), so nothing typed is lost. The
 * note is Markdown source, shown as written: it is never turned into HTML here.
 */
export function ItemNoteEditor({
  draftKey,
  owner,
  note,
  readOnly,
  onSave,
}: {
  /** Names this assignment's item, for the unsaved text kept in the tab. */
  draftKey: string;
  /** "Your", or the hire's name with ’s for anyone else (only the hire writes it). */
  owner: string;
  note: string | null;
  readOnly: boolean;
  onSave: (note: string | null, callbacks: WriteCallbacks) => void;
}) {
  const id = useId();
  const { draft, setDraft, forget } = useSessionDraft(draftKey, note ?? "");
  const [status, setStatus] = useState<SaveStatus>("idle");
  const dirty = draft.trim() !== (note ?? "");

  if (readOnly) {
    return (
      <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-1">
        <h3 id={`${id}-heading`} className="text-sm font-semibold">
          {owner} note
        </h3>
        {note ? <p className="rounded-md bg-surface-muted p-3 text-sm break-words whitespace-pre-wrap">{note}</p> : <p className="text-sm text-muted-foreground">No note.</p>}
      </section>
    );
  }

  function save() {
    if (!dirty || draft.length > MAX_NOTE_LENGTH) return;
    setStatus("saving");
    onSave(draft.trim() || null, {
      onSuccess: () => {
        forget();
        setStatus("saved");
      },
      onError: () => setStatus("failed"),
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  }

  const message = dirty ? (status === "failed" ? "Not saved: the text is still here, try again." : "Unsaved changes.") : status === "saving" ? "Saving…" : status === "saved" ? "Saved." : "";

  return (
    <form
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save();
      }}
      className="flex flex-col gap-1.5"
    >
      <label htmlFor={`${id}-note`} className="text-sm font-semibold">
        Your note
      </label>
      <textarea
        id={`${id}-note`}
        value={draft}
        rows={5}
        maxLength={MAX_NOTE_LENGTH}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value);
          if (status !== "saving") setStatus("idle");
        }}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-border-strong bg-surface px-3 py-2 font-mono text-sm text-foreground placeholder:text-muted-foreground"
        placeholder="What you learned, what to ask your mentor… (Markdown)"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          Markdown. Your mentors see it. Save with Ctrl+Enter.
        </p>
        <div className="flex items-center gap-2">
          <p role="status" className={status === "failed" && dirty ? "text-sm text-danger" : "text-sm text-muted-foreground"}>
            {message}
          </p>
          <Button type="submit" size="sm" variant="secondary" disabled={!dirty}>
            Save note
          </Button>
        </div>
      </div>
    </form>
  );
}
