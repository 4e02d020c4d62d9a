import { getDb } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";
import { accessChanged } from "@/lib/realtime/access";
import { endMentorshipsOf, keepsMentorships } from "@/lib/assignments/mentoring";
import { enforceRules } from "./enforce-rules";
import { lockMemberships } from "./lock-memberships";
import { memberSelect, toMember } from "./member-row";
import { mentorshipsEndedEvents } from "./mentorships-ended";
import type { MemberChange } from "./rules";
import type { MemberUpdate } from "./schema";

/**
 * Changes a member's role and/or status, recording member.role_changed,
 * member.suspended or member.reactivated for what actually changed. Asking for
 * the current value is allowed (the rules still apply) and records nothing.
 * A member left unable to mentor (a role below Mentor, or suspended) stops
 * mentoring: their mentor links end (lib/assignments/mentoring.ts), named in the
 * event and recorded as assignment.mentors_changed on each assignment.
 */
export async function updateMember(ctx: OrgContext, membershipId: string, update: MemberUpdate) {
  const organizationId = ctx.organization.id;
  const result = await getDb().$transaction(async (tx) => {
    const locked = await lockMemberships(tx, ctx, membershipId);
    const { subject } = locked;
    const changes: MemberChange[] = [];
    if (update.role !== undefined) changes.push({ kind: "role", role: update.role });
    if (update.status !== undefined) changes.push({ kind: "status", status: update.status });
    // Every requested change is checked, even one that turns out to be a no-op.
    for (const change of changes) enforceRules(locked, change, ctx.apiToken);

    const role = update.role !== subject.role ? update.role : undefined;
    const status = update.status !== subject.status ? update.status : undefined;
    const where = { id: subject.membershipId };
    const row =
      role || status
        ? await tx.membership.update({ where, data: { role, status }, select: memberSelect })
        : await tx.membership.findUniqueOrThrow({ where, select: memberSelect });

    // Suspension is named as the reason when both change at once (it is the one undone by reactivating).
    const reason = status === "SUSPENDED" ? "suspended" : "role_changed";
    const ended = (role || status) && !keepsMentorships({ role: role ?? subject.role, status: status ?? subject.status })
      ? await endMentorshipsOf(tx, organizationId, subject.userId, reason, ctx.user.id)
      : [];
    const mentorships = ended.length > 0 ? { mentorshipsEnded: ended } : {};

    // Events last: recording takes its turn on the organization's counter (decision 0005).
    const event = { actorId: ctx.user.id, subjectType: "membership", subjectId: subject.membershipId } as const;
    await recordEvents(prismaRunner(tx), organizationId, [
      ...(role ? [{ ...event, type: "member.role_changed", payload: { userId: subject.userId, from: subject.role, to: role, ...(status ? {} : mentorships) } }] : []),
      ...(status ? [{ ...event, type: status === "SUSPENDED" ? "member.suspended" : "member.reactivated", payload: { userId: subject.userId, ...mentorships } }] : []),
      ...mentorshipsEndedEvents(ctx, subject.userId, ended, reason),
    ]);
    return { member: toMember(row), accessChanged: Boolean(role || status), userId: subject.userId };
  });

  // A new role or status means other rooms (or none): their sockets here reconnect to find out.
  if (result.accessChanged) await accessChanged(ctx.log, organizationId, [result.userId]);
  ctx.log.info({ membershipId, ...update }, "member updated");
  return result.member;
}
