import "server-only";
import { getTrack } from "@/lib/tracks/read-track";
import { versionNodes } from "@/lib/tracks/read-version";
import { orNotFound, pageContext, trackIdOrNotFound } from "./page-context";
import type { TrackPageAccess } from "./page-context";

/**
 * The track page reads through the same org-scoped functions as the API, so
 * another organization's track (or an id that cannot exist) is the same 404.
 */
export async function loadTrack(access: TrackPageAccess, trackId: string) {
  const track = await orNotFound(getTrack(pageContext(access), trackIdOrNotFound(trackId)));
  const latest = track.versions[0] ?? null;
  const nodes = latest ? await versionNodes(access.organization.id, latest.id) : [];
  return { track, latest, nodes };
}
