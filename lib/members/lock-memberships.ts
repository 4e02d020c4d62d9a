import type { DbClient } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import type { MemberActor, MemberSubject } from "./rules";

export interface LockedMemberships {
  actor: MemberActor;
  subject: MemberSubject & { userId: string };
  activeOwnerCount: number;
}

/**
 * The start of every transaction that changes a membership: lock the
 * organization's row, then read the caller, the subject and the active owners
 * as they are now. Changes to one organization's memberships therefore take
 * turns, so two owners demoting each other cannot both count the other as the
 * remaining owner. It is the row recordEvent updates at the end of the same
 * transaction (decision 0005), so the lock order never differs between writers
 * and cannot deadlock; NO KEY UPDATE still lets rows referencing the organization
 * be inserted meanwhile.
 *
 * The gate checked the caller's role before the lock; it is read again here
 * because a concurrent change may have demoted or suspended them since.
 */
export async function lockMemberships(tx: DbClient, ctx: OrgContext, membershipId: string): Promise<LockedMemberships> {
  const organizationId = ctx.organization.id;
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR NO KEY UPDATE`;

  const actor = await tx.membership.findFirst({ where: { id: ctx.membership.id, organizationId, status: "ACTIVE" }, select: { id: true, role: true } });
  const subject = await tx.membership.findFirst({ where: { id: membershipId, organizationId }, select: { id: true, role: true, status: true, userId: true } });
  const activeOwnerCount = await tx.membership.count({ where: { organizationId, role: "OWNER", status: "ACTIVE" } });
  if (!actor) throw forbidden("Your membership of this organization changed while the request was made. Reload and try again.");
  // Another organization's membership id reads exactly like one that never existed.
  if (!subject) throw notFound("member");
  return {
    actor: { membershipId: actor.id, role: actor.role },
    subject: { membershipId: subject.id, role: subject.role, status: subject.status, userId: subject.userId },
    activeOwnerCount,
  };
}
