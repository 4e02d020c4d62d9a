import type { DbClient } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";

/**
 * The start of every transaction that changes an organization's invitations:
 * lock the organization's row (as lib/members/lock-memberships.ts does, and in
 * the same order as recordEvent, so no deadlock), then read the caller's role as
 * it is now. Invitations of one organization therefore take turns, which keeps
 * "at most one pending invitation per address" true even without the partial
 * unique index that backs it up.
 */
export async function lockForInvitations(tx: DbClient, ctx: OrgContext): Promise<Role> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${ctx.organization.id} FOR NO KEY UPDATE`;
  const actor = await tx.membership.findFirst({ where: { id: ctx.membership.id, organizationId: ctx.organization.id, status: "ACTIVE" }, select: { role: true } });
  if (!actor) throw forbidden("Your membership of this organization changed while the request was made. Reload and try again.");
  return actor.role;
}
