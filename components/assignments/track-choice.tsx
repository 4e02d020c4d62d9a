"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useMemo } from "react";
import type { VersionSummaryJson } from "@/components/tracks/types";
import { assignableTracks } from "./assignable-tracks";
import type { TrackOptionJson, TrackVersionsJson } from "./assignments-api";
import { formatDate } from "@/lib/time/format";

/** The track select, and which version choosing it assigns. */
export function TrackChoice({
  slug,
  tracks,
  trackId,
  onChange,
  detail,
  published,
  latest,
  error,
}: {
  slug: string;
  tracks: TrackOptionJson[] | undefined;
  trackId: string;
  onChange: (trackId: string) => void;
  detail: UseQueryResult<TrackVersionsJson>;
  published: VersionSummaryJson | null;
  latest: VersionSummaryJson | null;
  error?: string;
}) {
  const id = useId();
  const assignable = useMemo(() => (tracks ? assignableTracks(tracks) : undefined), [tracks]);
  const listed = assignable?.some((track) => track.id === trackId) ?? false;
  const describedBy = [`${id}-version`, error ? `${id}-error` : null].filter(Boolean).join(" ");

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        Track
      </label>
      <select
        id={id}
        value={trackId}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`h-10 rounded-md border bg-surface px-3 text-sm text-foreground ${error ? "border-danger" : "border-border-strong"}`}
      >
        <option value="">{tracks === undefined ? "Loading tracks…" : "Choose a track"}</option>
        {assignable?.map((track) => (
          <option key={track.id} value={track.id}>
            {track.title}
          </option>
        ))}
        {/* A track named in the URL that the list does not offer (no published version yet, say). */}
        {trackId && !listed ? <option value={trackId}>{detail.data?.title ?? "Loading…"}</option> : null}
      </select>
      <p id={`${id}-version`} className="text-sm text-muted-foreground" aria-live="polite">
        <VersionNote slug={slug} tracks={tracks} assignableCount={assignable?.length ?? 0} trackId={trackId} detail={detail} published={published} latest={latest} />
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function VersionNote({
  slug,
  tracks,
  assignableCount,
  trackId,
  detail,
  published,
  latest,
}: {
  slug: string;
  tracks: TrackOptionJson[] | undefined;
  assignableCount: number;
  trackId: string;
  detail: UseQueryResult<TrackVersionsJson>;
  published: VersionSummaryJson | null;
  latest: VersionSummaryJson | null;
}) {
  if (!trackId) {
    if (tracks !== undefined && assignableCount === 0) {
      return (
        <>
          No track has a published version yet.{" "}
          <Link href={`/o/${encodeURIComponent(slug)}/tracks`} className="font-medium text-link underline-offset-2 hover:underline">
            Publish one in Tracks
          </Link>{" "}
          first.
        </>
      );
    }
    return <>Only published versions are assigned.</>;
  }
  if (detail.isPending) return <>Looking up the published versions…</>;
  if (detail.isError) return <span className="text-danger">The track could not be loaded: {detail.error.message}</span>;
  if (!published) return <span className="text-danger">This track has no published version yet; publish it first.</span>;
  // No item count here: the skip list below says how many items will count, which is the number that matters.
  const when = published.publishedAt ? `, published ${formatDate(published.publishedAt)}` : "";
  const draftNote = latest && latest.number !== published.number ? ` Version ${latest.number} is a draft and is not assigned.` : "";
  return (
    <>
      Assigns version {published.number}
      {when}.{draftNote}
    </>
  );
}
