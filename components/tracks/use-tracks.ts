"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { pickersKey } from "@/components/assignments/use-pickers";
import { createTrack, fetchTracksPage, tracksKey } from "./tracks-api";
import type { CreateTrackBody } from "./tracks-api";
import { publishVersion } from "./versions-api";

export function useTracks(slug: string) {
  return useInfiniteQuery({
    queryKey: tracksKey(slug),
    queryFn: ({ pageParam }) => fetchTracksPage(slug, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Imports a track; the list is stale afterwards wherever it is cached. */
export function useCreateTrack(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTrackBody) => createTrack(slug, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tracksKey(slug) }),
  });
}

/**
 * After a publish, what shows a version's status in this tab is read again at once: the
 * tracks list ("Version 1 · Draft") and the assign form's tracks and versions, which
 * otherwise kept the draft for as long as they stayed fresh (other tabs hear
 * track.published live), and the editor's copy of the draft. Server-rendered pages are
 * refreshed by the caller (router.refresh()).
 */
export function refreshAfterPublish(queryClient: QueryClient, slug: string, trackId: string, number: number): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: tracksKey(slug) }),
    queryClient.invalidateQueries({ queryKey: pickersKey(slug) }),
    queryClient.invalidateQueries({ queryKey: ["track-version", slug, trackId, number] }),
  ]);
}

/**
 * Publishes a draft (PublishVersionButton, on the track page and in the editor).
 * `onPublished` runs before the caches are read again, as an option of the mutation rather
 * than of one mutate() call: the editor's draft, read again, says "published" and unmounts the
 * button, and a mutate() callback would then never run.
 */
export function usePublishVersion(slug: string, trackId: string, number: number, onPublished: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishVersion(slug, trackId, number),
    onSuccess: () => {
      onPublished();
      return refreshAfterPublish(queryClient, slug, trackId, number);
    },
  });
}
