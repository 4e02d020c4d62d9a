"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchTrackVersions, fetchVersionTree } from "./assignments-api";

/**
 * The version a track would be assigned at: its latest PUBLISHED one (the latest
 * version may be a draft in progress), and that version's tree for the skip
 * options. A published version never changes, so its tree is never refetched.
 */
export function useAssignableVersion(slug: string, trackId: string) {
  const detail = useQuery({
    queryKey: ["assignment-pickers", slug, "track", trackId],
    queryFn: () => fetchTrackVersions(slug, trackId),
    enabled: trackId !== "",
  });
  const versions = detail.data?.versions ?? [];
  const published = versions.find((version) => version.status === "PUBLISHED") ?? null;
  const latest = versions[0] ?? null;
  const tree = useQuery({
    queryKey: ["assignment-pickers", slug, "tree", trackId, published?.number],
    queryFn: () => fetchVersionTree(slug, trackId, published!.number),
    enabled: published !== null,
    staleTime: Infinity,
  });
  return { detail, published, latest, tree };
}
