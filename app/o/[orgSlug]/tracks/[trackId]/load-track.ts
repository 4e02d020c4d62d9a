import "server-only";
import { getTrack } from "@/lib/tracks/read-track";
import { versionNodes } from "@/lib/tracks/read-version";
import type { OrgContext } from "@/lib/orgs/context";
import { orNotFound, trackIdOrNotFound } from "./track-params";

/**
 * The track page reads through the same org-scoped functions as the API, so
 * another organization's track (or an id that cannot exist) is the same 404.
 */
export async function loadTrack(ctx: OrgContext, trackId: string) {
  const track = await orNotFound(getTrack(ctx, trackIdOrNotFound(trackId)));
  const latest = track.versions[0] ?? null;
  const nodes = latest ? await versionNodes(ctx.organization.id, latest.id) : [];
  return { track, latest, nodes };
}
