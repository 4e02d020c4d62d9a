"use client";

import Link from "next/link";
import { useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { updateTrackSchema } from "@/lib/tracks/edit-schema";
import { nodeCountsText } from "@/lib/progress/count-words";
import type { NodeCounts } from "@/lib/progress/count-words";

/** The track's title (renamed in place), the version being edited, and whether everything is saved. */
export function EditorHeader({
  trackHref,
  title,
  versionNumber,
  counts,
  saveStatus,
  onRename,
  action = null,
}: {
  trackHref: string;
  title: string;
  versionNumber: number;
  counts: NodeCounts | null;
  saveStatus: string;
  onRename: ((title: string) => void) | null;
  /** What is done with the whole draft (Publish), at the end of the title's line. */
  action?: ReactNode;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateTrackSchema.safeParse({ title: editing ?? "" });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the title.");
    if (parsed.data.title !== title) onRename?.(parsed.data.title!);
    setEditing(null);
    setError(null);
  }

  return (
    <div className="flex flex-col gap-1">
      <Link href={trackHref} className="text-sm font-medium text-link underline-offset-2 hover:underline">
        ← Back to the track
      </Link>
      {editing !== null ? (
        <form onSubmit={submit} aria-label="Rename the track" className="flex flex-wrap items-end gap-2">
          <Input
            label="Track title"
            value={editing}
            maxLength={200}
            autoFocus
            onChange={(event) => setEditing(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                setEditing(null);
                setError(null);
              }
            }}
            error={error}
            containerClassName="min-w-64 flex-1"
          />
          <Button type="submit">Save title</Button>
          <Button variant="ghost" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h1 id="editor-heading" className="text-2xl font-semibold tracking-tight">
            {title}
          </h1>
          {onRename ? (
            <Button variant="ghost" size="sm" onClick={() => setEditing(title)}>
              Rename track
            </Button>
          ) : null}
          {action ? <div className="ml-auto self-center">{action}</div> : null}
        </div>
      )}
      <p className="text-sm text-muted-foreground">
        Version {versionNumber} · <span className="font-medium text-foreground">Draft</span>
        {counts ? ` · ${nodeCountsText(counts)}` : ""}
        {saveStatus ? ` · ${saveStatus}` : ""}
      </p>
    </div>
  );
}
