"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * Renaming a row in place: Enter saves, Escape cancels, leaving the field saves
 * what was typed when it is a valid title. `onCommit` answers an error message
 * to show (the field stays open) or null when it is done. `refocus` is false when
 * the user left for somewhere else, which keeps the focus they moved.
 */
export function RenameInput({ initial, label, onCommit, onCancel }: { initial: string; label: string; onCommit: (title: string, refocus: boolean) => string | null; onCancel: (refocus: boolean) => void }) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  // Enter and Escape close the field; the blur that follows must not act again.
  const closed = useRef(false);
  const errorId = useId();

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  function commit(refocus: boolean): boolean {
    const message = onCommit(text, refocus);
    setError(message);
    if (message === null) closed.current = true;
    return message === null;
  }

  return (
    <span className="flex min-w-0 flex-1 flex-col">
      <input
        ref={ref}
        value={text}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        maxLength={300}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // The row's own keys (arrows, Delete, Tab) must not act while typing.
          event.stopPropagation();
          if (event.key === "Enter") {
            event.preventDefault();
            commit(true);
          } else if (event.key === "Escape") {
            event.preventDefault();
            closed.current = true;
            onCancel(true);
          }
        }}
        onBlur={() => {
          if (closed.current) return;
          closed.current = true;
          if (text === initial || !commit(false)) onCancel(false);
        }}
        className={`h-7 w-full rounded border bg-surface px-2 text-sm text-foreground ${error ? "border-danger" : "border-border-strong"}`}
      />
      {error ? (
        <span id={errorId} className="text-xs font-medium text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
