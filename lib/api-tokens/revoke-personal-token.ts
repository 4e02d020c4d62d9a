import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { notFound } from "@/lib/http/errors";
import type { SessionContext } from "@/lib/http/handle";

/**
 * Revoking deletes the row, so the next request with the token finds nothing (401).
 * Someone else's token is a 404, like one that never existed.
 */
export async function revokePersonalToken(ctx: SessionContext, tokenId: string) {
  await getDb().$transaction(async (tx) => {
    const where = { id: tokenId, userId: ctx.user.id, kind: "PERSONAL" } as const;
    const token = await tx.apiToken.findFirst({ where, select: { id: true, name: true, organizationId: true } });
    // Counted, so of two revokes racing only one records the event.
    if (!token || (await tx.apiToken.deleteMany({ where })).count === 0) throw notFound("token");
    await recordEvent(tx, {
      organizationId: token.organizationId,
      type: "api_token.revoked",
      actorId: ctx.user.id,
      subjectType: "api_token",
      subjectId: token.id,
      payload: { name: token.name, kind: "PERSONAL" },
    });
  });
  return { id: tokenId, revoked: true as const };
}
