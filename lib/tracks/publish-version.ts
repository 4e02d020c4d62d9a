import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { assertDraft } from "./assert-draft";
import { versionSummarySelect } from "./track-summary";
import { versionCounts } from "./version-counts";

interface LockedVersion {
  id: string;
  number: number;
  status: "DRAFT" | "PUBLISHED";
}

/**
 * Publishes a draft: DRAFT → PUBLISHED with publishedAt, under a lock on the
 * version row so two publishes (or a publish and a future edit) take turns and
 * the second sees the first's result. The update touches updatedAt, which changes
 * the version's ETag. A published version is a 409; one without items a 422.
 */
export async function publishVersion(ctx: OrgContext, trackId: string, number: number) {
  const organizationId = ctx.organization.id;
  return getDb().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<LockedVersion[]>`
      SELECT id, number, status::text AS status FROM "TrackVersion"
      WHERE "trackId" = ${trackId} AND number = ${number} AND "organizationId" = ${organizationId}
      FOR UPDATE`;
    if (!locked) throw notFound("track version");
    assertDraft(locked);
    const counts = await versionCounts(tx, organizationId, [locked.id]);
    const nodeCounts = counts.get(locked.id)!;
    if (nodeCounts.items === 0) {
      const message = `Version ${number} has no items; add at least one before publishing.`;
      throw invalidInput("version", message, { number });
    }
    const version = await tx.trackVersion.update({
      where: { id: locked.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
      select: versionSummarySelect,
    });
    await recordEvent(tx, {
      organizationId,
      type: "track.published",
      actorId: ctx.user.id,
      subjectType: "track",
      subjectId: trackId,
      payload: { trackId, number, topics: nodeCounts.topics, items: nodeCounts.items },
    });
    return { ...version, counts: nodeCounts };
  });
}
