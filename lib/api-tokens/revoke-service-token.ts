import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";

/**
 * Revoking a service token removes its service account's membership, which deletes
 * the token with it (composite key): the next request with it is a 401. The account
 * row stays, so the audit log keeps naming what it did. Another organization's
 * token is a 404.
 */
export async function revokeServiceToken(ctx: OrgContext, tokenId: string) {
  const organizationId = ctx.organization.id;
  await getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, organizationId, kind: "SERVICE" }, select: { id: true, name: true, userId: true } });
    // Counted, so of two revokes racing only one records the event.
    if (!token || (await tx.membership.deleteMany({ where: { organizationId, userId: token.userId } })).count === 0) throw notFound("token");
    await recordEvent(tx, {
      organizationId,
      type: "api_token.revoked",
      actorId: ctx.user.id,
      subjectType: "api_token",
      subjectId: token.id,
      payload: { name: token.name, kind: "SERVICE" },
    });
  });
  return { id: tokenId, revoked: true as const };
}
