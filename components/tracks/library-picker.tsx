"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import type { NodeCounts } from "@/lib/progress/count-words";
import { nodeCountsText } from "@/lib/progress/count-words";
import type { LibraryId } from "@/lib/tracks/library-ids";
import { trackHref } from "./tracks-api";
import { useCreateTrack } from "./use-tracks";

interface LibraryJson {
  items: Array<{ id: LibraryId; title: string; description: string; counts: NodeCounts & { optional: number } }>;
}

/** The built-in tracks, each with a button that imports it as a new track and opens it. */
export function LibraryPicker({ slug }: { slug: string }) {
  const router = useRouter();
  const library = useQuery({
    queryKey: ["track-library", slug],
    queryFn: (): Promise<LibraryJson> => callEndpoint(api.listTrackLibrary, { params: { orgSlug: slug } }),
    staleTime: Infinity, // shipped with the release: it never changes while the page is open
  });
  const create = useCreateTrack(slug);
  const startedId = create.variables && "library" in create.variables ? create.variables.library : null;

  if (library.isError) return <LoadFailed what="library" message={library.error.message} onRetry={() => void library.refetch()} />;
  if (library.isPending) return <LoadingStatus>Loading the library…</LoadingStatus>;
  return (
    <div className="flex flex-col gap-3">
      <ul aria-label="Library" className="grid gap-3 sm:grid-cols-2">
        {library.data.items.map((track) => (
          <li key={track.id} className="flex flex-col items-start gap-2 rounded-lg border border-border bg-surface p-4">
            <h3 className="font-medium">{track.title}</h3>
            <p className="text-sm text-muted-foreground">{track.description}</p>
            <p className="text-xs text-muted-foreground">
              {nodeCountsText(track.counts)}
              {track.counts.optional > 0 ? ` · ${track.counts.optional} optional` : ""}
            </p>
            <Button
              size="sm"
              loading={startedId === track.id && (create.isPending || create.isSuccess)}
              disabled={create.isPending || create.isSuccess}
              onClick={() => create.mutate({ library: track.id }, { onSuccess: (created) => router.push(trackHref(slug, created.id)) })}
            >
              Start from the {track.title}
            </Button>
          </li>
        ))}
      </ul>
      {create.isError ? <FormAlert>The track could not be imported: {create.error.message}</FormAlert> : null}
    </div>
  );
}
