import { permissionsOf } from "@/lib/authz/policy";
import { recordAccountEvent } from "@/lib/audit/account-events";
import { getDb } from "@/lib/db/client";
import type { SessionContext } from "@/lib/http/handle";

/** The signed-in user and every organization they belong to, with what they may do in each. */
export async function getMe(ctx: SessionContext) {
  const memberships = await getDb().membership.findMany({
    where: { userId: ctx.user.id },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, status: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  return {
    user: ctx.user,
    memberships: memberships.map((membership) => ({
      ...membership,
      permissions: membership.status === "ACTIVE" ? permissionsOf(membership.role) : [],
    })),
  };
}

/**
 * "Sign out everywhere": bumping the session version voids every session token
 * issued so far, this browser's included, at their next request; a trigger on
 * User closes their live sockets on every instance (lib/realtime/access-notices.ts).
 */
export async function revokeAllSessions(ctx: SessionContext) {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.user.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAccountEvent(tx, { userId: ctx.user.id, type: "security.sessions_revoked", actorId: ctx.user.id });
  });
  ctx.log.info({ userId: ctx.user.id }, "all sessions revoked");
  return { revoked: true as const };
}
