import { endMentorshipsOf } from "@/lib/assignments/mentoring";
import { getDb } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import { notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { mentorshipsEndedEvents } from "@/lib/members/mentorships-ended";

/**
 * Revoking a service token removes its service account's membership, which deletes
 * the token with it (composite key): the next request with it is a 401. Like a
 * member's removal, the account's mentor links (a manager may have made a mentor
 * service member an assignment's mentor) end first, kept as history. The account
 * row stays, so the audit log keeps naming what it did. Another organization's
 * token is a 404.
 */
export async function revokeServiceToken(ctx: OrgContext, tokenId: string) {
  const organizationId = ctx.organization.id;
  await getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, organizationId, kind: "SERVICE" }, select: { id: true, name: true, userId: true } });
    if (!token) throw notFound("token");
    const ended = await endMentorshipsOf(tx, organizationId, token.userId, "removed", ctx.user.id);
    // Counted, so of two revokes racing only one records the events.
    if ((await tx.membership.deleteMany({ where: { organizationId, userId: token.userId } })).count === 0) throw notFound("token");
    await recordEvents(prismaRunner(tx), organizationId, [
      { type: "api_token.revoked", actorId: ctx.user.id, subjectType: "api_token", subjectId: token.id, payload: { name: token.name, kind: "SERVICE" } },
      ...mentorshipsEndedEvents(ctx, token.userId, ended, "removed"),
    ]);
  });
  return { id: tokenId, revoked: true as const };
}
