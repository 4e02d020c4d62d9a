"use client";

import Link from "next/link";
import { Button, buttonStyles } from "@/components/ui/button";
import { LoadFailed, LoadingBlock } from "@/components/ui/load-states";
import { StartFromLibrary } from "./start-from-library";
import { TrackRow } from "./track-row";
import { useTracks } from "./use-tracks";

/** The tracks page: the organization's tracks a page at a time, newest first. */
export function TracksList({ slug, canCreate }: { slug: string; canCreate: boolean }) {
  const tracks = useTracks(slug);
  const items = tracks.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="tracks-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="tracks-heading" className="text-2xl font-semibold tracking-tight">
            Tracks
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">The roadmaps new hires work through.</p>
        </div>
        {canCreate && items.length > 0 ? (
          <Link href={`/o/${encodeURIComponent(slug)}/tracks/import`} className={buttonStyles({ variant: "secondary" })}>
            Import a track
          </Link>
        ) : null}
      </div>

      <p role="status" className="text-sm text-muted-foreground" aria-busy={tracks.isFetching || undefined}>
        {tracks.isPending ? "Loading tracks…" : tracks.isError ? "" : `Showing ${items.length} ${items.length === 1 ? "track" : "tracks"}${tracks.hasNextPage ? ", more below" : ""}.`}
      </p>

      {tracks.isError && !tracks.data ? (
        <LoadFailed what="tracks" message={tracks.error.message} onRetry={() => void tracks.refetch()} />
      ) : tracks.isPending ? (
        <LoadingBlock />
      ) : items.length === 0 ? (
        canCreate ? (
          <StartFromLibrary slug={slug} />
        ) : (
          <p className="rounded-xl border border-dashed border-border-strong p-6 text-sm">No tracks yet. Owners and admins add them; they will appear here.</p>
        )
      ) : (
        <ul aria-label="Tracks" className="divide-y divide-border rounded-xl border border-border bg-surface">
          {items.map((track) => (
            <TrackRow key={track.id} slug={slug} track={track} />
          ))}
        </ul>
      )}

      {tracks.isFetchNextPageError ? (
        <p role="alert" className="text-sm text-danger">
          The next page could not be loaded: {tracks.error?.message}
        </p>
      ) : null}
      {tracks.hasNextPage ? (
        <div>
          <Button variant="secondary" loading={tracks.isFetchingNextPage} onClick={() => void tracks.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
    </section>
  );
}
