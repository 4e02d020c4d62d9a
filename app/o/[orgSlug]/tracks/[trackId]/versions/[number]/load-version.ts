import "server-only";
import { notFound } from "next/navigation";
import { getTrack } from "@/lib/tracks/read-track";
import { versionNodes } from "@/lib/tracks/read-version";
import type { OrgContext } from "@/lib/orgs/context";
import { orNotFound, trackIdOrNotFound, versionNumberOrNotFound } from "../../track-params";

/** One version of a track with its tree, and the track's other versions for switching and comparing. */
export async function loadVersion(ctx: OrgContext, trackId: string, numberParam: string) {
  const number = versionNumberOrNotFound(numberParam);
  const track = await orNotFound(getTrack(ctx, trackIdOrNotFound(trackId)));
  const index = track.versions.findIndex((version) => version.number === number);
  if (index === -1) notFound();
  const version = track.versions[index]!;
  // Newest first, so the next one in the list is the version before this one.
  const previous = track.versions[index + 1] ?? null;
  const nodes = await versionNodes(ctx.organization.id, version.id);
  return { track, version, previous, nodes };
}
