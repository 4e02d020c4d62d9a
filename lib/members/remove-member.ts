import { getDb } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";
import { accessChanged } from "@/lib/realtime/access";
import { endMentorshipsOf } from "@/lib/assignments/mentoring";
import { enforceRules } from "./enforce-rules";
import { lockMemberships } from "./lock-memberships";
import { mentorshipsEndedEvents } from "./mentorships-ended";

/**
 * Removes a membership (someone else's, or the caller's own to leave) and records
 * member.removed. Their mentor links end first, kept as history
 * (lib/assignments/mentoring.ts): joining again later restores none of them.
 */
export async function removeMember(ctx: OrgContext, membershipId: string) {
  const organizationId = ctx.organization.id;
  const subject = await getDb().$transaction(async (tx) => {
    const locked = await lockMemberships(tx, ctx, membershipId);
    enforceRules(locked, { kind: "remove" }, ctx.apiToken);
    const { subject } = locked;
    const ended = await endMentorshipsOf(tx, organizationId, subject.userId, "removed", ctx.user.id);
    await tx.membership.delete({ where: { id: subject.membershipId } });
    await recordEvents(prismaRunner(tx), organizationId, [
      {
        type: "member.removed",
        actorId: ctx.user.id,
        subjectType: "membership",
        subjectId: subject.membershipId,
        payload: { userId: subject.userId, role: subject.role, left: subject.membershipId === ctx.membership.id, ...(ended.length > 0 ? { mentorshipsEnded: ended } : {}) },
      },
      ...mentorshipsEndedEvents(ctx, subject.userId, ended, "removed"),
    ]);
    return subject;
  });

  await accessChanged(ctx.log, organizationId, [subject.userId]);
  ctx.log.info({ membershipId }, "member removed");
  return { id: subject.membershipId, removed: true as const };
}
