"use client";

import { useEffect, useId, useRef } from "react";
import type { FormEvent, KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { MAX_EVIDENCE_TEXT } from "./evidence-limits";

export const COMMENT_REQUIRED = "Say what should change.";

/**
 * The comment a request for changes needs (Markdown). Focus starts in the box;
 * Ctrl+Enter sends, Escape cancels. The text is the parent's, so a refused
 * request keeps it.
 */
export function RequestChangesForm({
  comment,
  onComment,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  comment: string;
  onComment: (comment: string) => void;
  error: string | null;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!pending) onSubmit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape") {
      // Closes this form only, not the dialog or page around it.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-2 rounded-md border border-border p-3">
      <label htmlFor={`${id}-comment`} className="text-sm font-medium">
        What should change?
      </label>
      <textarea
        ref={box}
        id={`${id}-comment`}
        value={comment}
        rows={4}
        maxLength={MAX_EVIDENCE_TEXT}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={(event) => onComment(event.target.value)}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-sm text-foreground aria-invalid:border-danger"
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        Markdown. The hire sees it with their attempt. Ctrl+Enter sends, Escape cancels.
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={pending}>
          Request changes
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
