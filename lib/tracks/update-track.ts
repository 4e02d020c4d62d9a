import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import type { z } from "zod";
import type { updateTrackSchema } from "./edit-schema";
import { getTrack } from "./read-track";
import type { TrackSummary } from "./schema";

/** Renames a track (or changes its description), recording track.updated with what changed. */
export async function updateTrack(ctx: OrgContext, trackId: string, input: z.output<typeof updateTrackSchema>): Promise<TrackSummary> {
  const organizationId = ctx.organization.id;
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.track.updateMany({ where: { id: trackId, organizationId }, data: input });
    if (count === 0) throw notFound("track");
    await recordEvent(tx, { organizationId, type: "track.updated", actorId: ctx.user.id, subjectType: "track", subjectId: trackId, payload: { trackId, ...input } });
  });
  const { versions: _versions, ...track } = await getTrack(ctx, trackId);
  return track;
}
