import type { TrackOptionJson } from "./assignments-api";

/**
 * The tracks the assign form offers, from the list alone: not archived, and with
 * a published version, which is so when the latest version is published or is a
 * draft after the first (a later draft is always started from a published
 * version). The chosen track's own versions then name the one assigned.
 */
export function assignableTracks(tracks: readonly TrackOptionJson[]): TrackOptionJson[] {
  return tracks.filter((track) => {
    const latest = track.latestVersion;
    return track.archivedAt === null && latest !== null && (latest.status === "PUBLISHED" || latest.number > 1);
  });
}

/**
 * The track the form starts with until the manager picks one: the track a link named
 * (`?track=<id>`), else the only assignable track when there is exactly one (nothing
 * to choose), else none.
 */
export function preselectedTrackId(tracks: readonly TrackOptionJson[] | undefined, linkedTrackId: string): string {
  if (linkedTrackId) return linkedTrackId;
  const assignable = tracks ? assignableTracks(tracks) : [];
  return assignable.length === 1 ? assignable[0]!.id : "";
}
