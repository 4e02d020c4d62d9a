import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { copyNodes } from "./copy-nodes";
import { versionSummarySelect } from "./track-summary";
import { versionCounts } from "./version-counts";

/**
 * Starts version N+1 as a draft holding a copy of the latest published version's
 * nodes (same stable keys, new ids), so progress recorded against the keys carries
 * over. The track row is locked first: two requests take turns, and the second
 * finds the first's draft, since a track has at most one open draft. An open
 * draft (its number in details) or no published version is a 409.
 */
export async function createDraft(ctx: OrgContext, trackId: string) {
  const organizationId = ctx.organization.id;
  const result = await getDb().$transaction(async (tx) => {
    const [track] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Track" WHERE id = ${trackId} AND "organizationId" = ${organizationId} FOR UPDATE`;
    if (!track) throw notFound("track");
    const versions = await tx.trackVersion.findMany({ where: { trackId, organizationId }, select: { id: true, number: true, status: true }, orderBy: { number: "desc" } });
    const draft = versions.find((version) => version.status === "DRAFT");
    if (draft) throw new AppError("CONFLICT", `Version ${draft.number} is already an open draft of this track; edit or publish it first.`, { draftNumber: draft.number });
    const source = versions.find((version) => version.status === "PUBLISHED");
    if (!source) throw new AppError("CONFLICT", "This track has no published version to start a draft from.");
    const number = versions[0]!.number + 1;

    const version = await tx.trackVersion.create({
      data: { organizationId, trackId, number, status: "DRAFT", createdById: ctx.user.id },
      select: versionSummarySelect,
    });
    await copyNodes(tx, { organizationId, fromVersionId: source.id, toVersionId: version.id });
    const counts = (await versionCounts(tx, organizationId, [version.id])).get(version.id)!;
    await recordEvent(tx, {
      organizationId,
      type: "track.draft_created",
      actorId: ctx.user.id,
      subjectType: "track",
      subjectId: trackId,
      payload: { trackId, number, fromNumber: source.number, topics: counts.topics, items: counts.items },
    });
    return { ...version, counts };
  });
  ctx.log.info({ trackId, number: result.number }, "track draft created");
  return result;
}
