import { getDb } from "@/lib/db/client";
import type { OrgContext } from "@/lib/http/handle";
import { encodeCreatedAtCursor } from "@/lib/http/cursor";
import type { ListTracksQuery } from "./schema";
import { toTrackSummary, versionSummarySelect } from "./track-summary";
import { versionCounts } from "./version-counts";

/**
 * One page of the organization's tracks, newest first (createdAt, then id, both
 * descending: a total order, so a cursor position is unambiguous), each with its
 * latest version and that version's counts. Three queries per page.
 */
export async function listTracks(ctx: OrgContext, query: ListTracksQuery) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const position = query.cursor;
  const rows = await db.track.findMany({
    where: {
      organizationId,
      ...(position && { OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // One extra row says whether another page follows, without a count.
    take: query.limit + 1,
    select: { id: true, title: true, description: true, createdAt: true, updatedAt: true, archivedAt: true, versions: { select: versionSummarySelect, orderBy: { number: "desc" }, take: 1 } },
  });
  const page = rows.slice(0, query.limit);
  const counts = await versionCounts(db, organizationId, page.flatMap((track) => track.versions.map((version) => version.id)));
  const last = page.at(-1);
  return {
    items: page.map((track) => toTrackSummary(track, track.versions[0], counts)),
    nextCursor: rows.length > query.limit && last ? encodeCreatedAtCursor(last) : null,
  };
}
