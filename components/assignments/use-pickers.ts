"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchMembersPage, fetchTracksPage } from "./assignments-api";
import { fetchAllPages } from "./fetch-all-pages";

// Keys of their own (not ["members", slug]): the members page edits its cached
// pages in place, and these hold a different shape. Publishing a version makes them stale.
export const pickersKey = (slug: string) => ["assignment-pickers", slug] as const;

/** Up to 5,000 members and 2,000 tracks (the form says when the member list is cut short). */
const MAX_MEMBER_PAGES = 50;
const MAX_TRACK_PAGES = 20;

/** Everyone in the organization (active and suspended), by name: for the filters and the form's pickers. */
export function useOrgPeople(slug: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...pickersKey(slug), "people"],
    queryFn: () => fetchAllPages((cursor) => fetchMembersPage(slug, cursor), MAX_MEMBER_PAGES),
    enabled,
  });
}

/** Every track, newest first, with its latest version. */
export function useOrgTracks(slug: string) {
  return useQuery({
    queryKey: [...pickersKey(slug), "tracks"],
    queryFn: () => fetchAllPages((cursor) => fetchTracksPage(slug, cursor), MAX_TRACK_PAGES),
  });
}
