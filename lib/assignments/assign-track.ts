import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError, invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { accessChanged } from "@/lib/realtime/access";
import { mayMentor } from "@/lib/authz/policy";
import { notifyAssigned } from "@/lib/reminders/notify-assigned";
import { confirmMentors } from "./mentoring";
import { assignmentSelect, summarizeAssignments, todayUtc } from "./assignment-summary";
import type { CreateAssignmentsInput } from "./schema";


/**
 * Assigns a published track version to one person or a cohort, all or nothing,
 * inside the caller's transaction (lib/http/idempotency.ts holds it, so a retried
 * request replays this answer). Assignees must be active members; mentors active
 * members who may mentor (MENTOR, ADMIN, OWNER) and not the assignee. Someone who
 * already holds an active assignment of the track makes the whole request a 409
 * naming them; the partial unique index settles a race the same way.
 */
export async function assignTrack(tx: DbClient, ctx: OrgContext, input: CreateAssignmentsInput) {
  const organizationId = ctx.organization.id;
  const version = await tx.trackVersion.findFirst({
    where: { organizationId, trackId: input.trackId, status: "PUBLISHED", ...(input.versionNumber !== undefined && { number: input.versionNumber }) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, track: { select: { id: true, title: true } } },
  });
  if (!version) {
    const track = await tx.track.findFirst({ where: { id: input.trackId, organizationId }, select: { id: true } });
    if (!track) throw notFound("track");
    throw invalidInput(input.versionNumber === undefined ? "body.trackId" : "body.versionNumber", input.versionNumber === undefined ? "This track has no published version yet; publish it first." : `Version ${input.versionNumber} is not a published version of this track.`);
  }

  const people = await tx.membership.findMany({
    where: { organizationId, status: "ACTIVE", userId: { in: [...input.assigneeIds, ...input.mentorIds] } },
    select: { userId: true, role: true },
  });
  const roleOf = new Map(people.map((person) => [person.userId, person.role]));
  const notMembers = input.assigneeIds.filter((id) => !roleOf.has(id));
  if (notMembers.length > 0) throw invalidInput("body.assigneeIds", "Assign only active members of this organization.", { userIds: notMembers });
  const notMentors = input.mentorIds.filter((id) => !mayMentor(roleOf.get(id)));
  if (notMentors.length > 0) throw invalidInput("body.mentorIds", "Mentors are active members with the Mentor, Admin or Owner role.", { userIds: notMentors });
  const selfMentored = input.assigneeIds.filter((id) => input.mentorIds.includes(id));
  if (selfMentored.length > 0) throw invalidInput("body.mentorIds", "Nobody mentors their own assignment.", { userIds: selfMentored });

  if (input.skippedKeys.length > 0) {
    const found = await tx.trackNode.findMany({ where: { organizationId, versionId: version.id, stableKey: { in: input.skippedKeys } }, select: { stableKey: true } });
    const known = new Set(found.map((node) => node.stableKey));
    const unknown = input.skippedKeys.filter((key) => !known.has(key));
    if (unknown.length > 0) throw invalidInput("body.skippedKeys", "Skip only nodes of the assigned version.", { keys: unknown });
  }

  const taken = await tx.assignment.findMany({
    where: { organizationId, trackId: version.track.id, status: "ACTIVE", assigneeId: { in: input.assigneeIds } },
    select: { id: true, assigneeId: true },
  });
  if (taken.length > 0) {
    throw new AppError("CONFLICT", `${taken.length === 1 ? "1 person already has" : `${taken.length} people already have`} an active assignment of this track; nothing was assigned.`, {
      conflicts: taken.map((row) => ({ assigneeId: row.assigneeId, assignmentId: row.id })),
    });
  }

  const startDate = new Date(`${input.startDate ?? todayUtc()}T00:00:00Z`);
  const dueDate = input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null;
  if (dueDate && dueDate < startDate) throw invalidInput("body.dueDate", "The due date is on or after the start date.");

  const created: string[] = [];
  for (const assigneeId of input.assigneeIds) {
    const assignment = await tx.assignment.create({
      data: {
        organizationId,
        trackId: version.track.id,
        versionId: version.id,
        assigneeId,
        startDate,
        dueDate,
        skippedKeys: input.skippedKeys,
        createdById: ctx.user.id,
      },
      select: { id: true },
    });
    await tx.assignmentMentor.createMany({ data: input.mentorIds.map((mentorId) => ({ organizationId, assignmentId: assignment.id, mentorId })) });
    await recordEvent(tx, {
      organizationId,
      type: "assignment.created",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignment.id,
      payload: { assignmentId: assignment.id, trackId: version.track.id, versionNumber: version.number, assigneeId, mentorIds: input.mentorIds, dueDate: input.dueDate ?? null },
    });
    created.push(assignment.id);
  }
  // Recording locked the organization's row: a mentor demoted meanwhile is seen now (mentoring.ts).
  await confirmMentors(tx, organizationId, input.mentorIds);
  await notifyAssigned(tx, {
    organizationId,
    actorId: ctx.user.id,
    trackTitle: version.track.title,
    dueDate: input.dueDate ?? null,
    mentorIds: input.mentorIds,
    assignments: created.map((id, index) => ({ id, assigneeId: input.assigneeIds[index]! })),
  });
  ctx.log.info({ trackId: version.track.id, count: created.length }, "track assigned");
  const rows = await tx.assignment.findMany({ where: { organizationId, id: { in: created } }, select: assignmentSelect });
  rows.sort((a, b) => created.indexOf(a.id) - created.indexOf(b.id));
  return { items: await summarizeAssignments(tx, organizationId, rows) };
}

/**
 * After the new assignments committed: their hires and mentors follow them live
 * from now on, so their sockets reconnect to get the new rooms (lib/realtime/access.ts).
 */
export async function assignmentsAnnounced(ctx: OrgContext, items: ReadonlyArray<{ assignee: { id: string }; mentors: ReadonlyArray<{ id: string }> }>): Promise<void> {
  await accessChanged(ctx.log, ctx.organization.id, items.flatMap((item) => [item.assignee.id, ...item.mentors.map((mentor) => mentor.id)]));
}
