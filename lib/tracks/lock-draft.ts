import type { DbClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { assertDraft } from "./assert-draft";
import { etagMatches, versionEtag } from "./read-version";

export interface LockedDraft {
  id: string;
  number: number;
  status: "DRAFT" | "PUBLISHED";
  updatedAt: Date;
  /** Part of the version's ETag: the tree carries the track's title. */
  trackUpdatedAt: Date;
}

/**
 * Locks a version row of the caller's organization for an edit: edits (and a
 * publish) of one draft take turns, so each sees the tree the previous one left.
 * Refuses a published version (409) and, when the client sent `If-Match`, a draft
 * that changed since the client read it (412): its edit was meant for another tree.
 */
export async function lockDraft(tx: DbClient, ctx: OrgContext, trackId: string, number: number, ifMatch: string | null): Promise<LockedDraft> {
  const [locked] = await tx.$queryRaw<LockedDraft[]>`
    SELECT v.id, v.number, v.status::text AS status, v."updatedAt", t."updatedAt" AS "trackUpdatedAt"
    FROM "TrackVersion" v JOIN "Track" t ON t.id = v."trackId"
    WHERE v."trackId" = ${trackId} AND v.number = ${number} AND v."organizationId" = ${ctx.organization.id}
    FOR UPDATE OF v`;
  if (!locked) throw notFound("track version");
  assertDraft(locked);
  if (ifMatch !== null) {
    const etag = versionEtag(locked);
    if (!etagMatches(ifMatch, etag)) {
      throw new AppError("PRECONDITION_FAILED", "This draft changed since you loaded it; reload it and make the change again.", { etag });
    }
  }
  return locked;
}

/**
 * Marks the version changed, which changes its ETag. At least one millisecond
 * later than before (the column's precision), so two edits within the same
 * millisecond still give two tags. The column holds UTC without a zone, as Prisma writes it.
 */
export async function touchVersion(tx: DbClient, versionId: string): Promise<Date> {
  const [row] = await tx.$queryRaw<Array<{ updatedAt: Date }>>`
    UPDATE "TrackVersion" SET "updatedAt" = GREATEST(date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC'), "updatedAt" + interval '1 millisecond')
    WHERE id = ${versionId}
    RETURNING "updatedAt"`;
  return row!.updatedAt;
}
