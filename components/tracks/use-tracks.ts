"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { createTrack, fetchTracksPage, tracksKey } from "./tracks-api";
import type { CreateTrackBody } from "./tracks-api";

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
