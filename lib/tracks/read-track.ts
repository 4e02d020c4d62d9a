import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { toTrackSummary, toVersionSummary, versionSummarySelect } from "./track-summary";
import { versionCounts } from "./version-counts";

/** A track of the caller's organization with all its versions, newest first; another organization's id is a 404. */
export async function getTrack(ctx: OrgContext, trackId: string) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const track = await db.track.findFirst({
    where: { id: trackId, organizationId },
    select: { id: true, title: true, description: true, createdAt: true, updatedAt: true, archivedAt: true, versions: { select: versionSummarySelect, orderBy: { number: "desc" } } },
  });
  if (!track) throw notFound("track");
  const counts = await versionCounts(db, organizationId, track.versions.map((version) => version.id));
  return { ...toTrackSummary(track, track.versions[0], counts), versions: track.versions.map((version) => toVersionSummary(version, counts)) };
}
