"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { buttonStyles } from "@/components/ui/button";
import { LoadFailed, LoadingBlock } from "@/components/ui/load-states";
import { trackHref } from "../tracks-api";
import { versionHref } from "../versions-api";
import { EditorWorkspace } from "./editor-workspace";
import { useTrackEditor } from "./use-track-editor";

/** The track editor for one draft: loading, failure and "published meanwhile" states around the workspace. */
export function TrackEditor({
  slug,
  trackId,
  versionNumber,
  initialTitle,
  canPublish = false,
}: {
  slug: string;
  trackId: string;
  versionNumber: number;
  initialTitle: string;
  canPublish?: boolean;
}) {
  const target = useMemo(() => ({ slug, trackId, number: versionNumber }), [slug, trackId, versionNumber]);
  const editor = useTrackEditor(target);
  const { query, data, state } = editor;
  // Published from this editor (its Publish button): say so and where to go next, rather than "cannot change".
  const [publishedHere, setPublishedHere] = useState(false);
  const onPublished = useCallback(() => setPublishedHere(true), []);

  if (publishedHere && data) {
    return (
      <div className="flex flex-col gap-4">
        <BackLink href={trackHref(slug, trackId)} />
        <Heading title={data.track.title} />
        <div role="status" className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4 text-sm">
          <p>
            <span className="font-medium">Version {versionNumber} is published.</span> New assignments of “{data.track.title}” get it; later edits go into a new draft.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Link href={`/o/${encodeURIComponent(slug)}/assignments/new?track=${encodeURIComponent(trackId)}`} className={buttonStyles({ size: "sm" })}>
              Assign this track
            </Link>
            <Link href={versionHref(slug, trackId, versionNumber)} className="text-sm font-medium text-link underline-offset-2 hover:underline">
              View version {versionNumber}
            </Link>
          </div>
        </div>
      </div>
    );
  }

  if (query.isError && !data) {
    return (
      <div className="flex flex-col gap-4">
        <BackLink href={trackHref(slug, trackId)} />
        <Heading title={initialTitle} />
        <LoadFailed what="draft" message={query.error.message} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  if (!data || !state) {
    return (
      <div className="flex flex-col gap-4">
        <BackLink href={trackHref(slug, trackId)} />
        <Heading title={initialTitle} />
        <p role="status" className="text-sm text-muted-foreground">
          Loading the draft…
        </p>
        <LoadingBlock />
      </div>
    );
  }

  // Published while the editor was open (the server then refuses every edit with 409).
  if (data.version.status !== "DRAFT") {
    return (
      <div className="flex flex-col gap-4">
        <BackLink href={trackHref(slug, trackId)} />
        <Heading title={data.track.title} />
        <p role="alert" className="rounded-xl border border-border bg-surface p-4 text-sm">
          Version {versionNumber} of “{data.track.title}” is published, so it cannot change. Start a new draft from the track page to edit it.
        </p>
      </div>
    );
  }

  return <EditorWorkspace editor={editor} state={state} slug={slug} trackId={trackId} versionNumber={versionNumber} canPublish={canPublish} onPublished={onPublished} />;
}

function Heading({ title }: { title: string }) {
  return (
    <h1 id="editor-heading" className="text-2xl font-semibold tracking-tight">
      {title}
    </h1>
  );
}

function BackLink({ href }: { href: string }) {
  return (
    <Link href={href} className="text-sm font-medium text-link underline-offset-2 hover:underline">
      ← Back to the track
    </Link>
  );
}
