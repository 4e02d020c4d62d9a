import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { OrgContext } from "@/lib/http/handle";
import { accessChanged } from "@/lib/realtime/access";
import { enforceRules } from "./enforce-rules";
import { lockMemberships } from "./lock-memberships";

/** Removes a membership (someone else's, or the caller's own to leave) and records member.removed. */
export async function removeMember(ctx: OrgContext, membershipId: string) {
  const organizationId = ctx.organization.id;
  const subject = await getDb().$transaction(async (tx) => {
    const locked = await lockMemberships(tx, ctx, membershipId);
    enforceRules(locked, { kind: "remove" });
    const { subject } = locked;
    await tx.membership.delete({ where: { id: subject.membershipId } });
    await recordEvent(tx, {
      organizationId,
      type: "member.removed",
      actorId: ctx.user.id,
      subjectType: "membership",
      subjectId: subject.membershipId,
      payload: { userId: subject.userId, role: subject.role, left: subject.membershipId === ctx.membership.id },
    });
    return subject;
  });

  await accessChanged(ctx.log, organizationId, [subject.userId]);
  ctx.log.info({ membershipId }, "member removed");
  return { id: subject.membershipId, removed: true as const };
}
