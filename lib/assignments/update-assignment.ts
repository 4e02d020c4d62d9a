import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError, invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { accessChanged } from "@/lib/realtime/access";
import { mayMentor } from "@/lib/authz/policy";
import { confirmMentors, endMentorshipsExcept } from "./mentoring";
import { assignmentSelect, summarizeAssignments } from "./assignment-summary";
import type { UpdateAssignmentInput } from "./schema";


/**
 * A manager changes an assignment's mentors or due date, or archives it (it
 * leaves the lists and takes no more progress; its history stays) or brings it
 * back. Records assignment.updated with what changed. Mentors who joined or
 * left have their live sockets reconnected to follow it (or not) from now on.
 */
export async function updateAssignment(ctx: OrgContext, assignmentId: string, input: UpdateAssignmentInput) {
  const organizationId = ctx.organization.id;
  let mentorsChanged: string[] = [];
  const summary = await getDb().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ assigneeId: string; trackId: string; status: string; startDate: Date; completedAt: Date | null }>>`
      SELECT "assigneeId", "trackId", status::text AS status, "startDate", "completedAt" FROM "Assignment"
      WHERE id = ${assignmentId} AND "organizationId" = ${organizationId} FOR UPDATE`;
    if (!locked) throw notFound("assignment");

    if (input.mentorIds) {
      const mentors = await tx.membership.findMany({ where: { organizationId, status: "ACTIVE", userId: { in: input.mentorIds } }, select: { userId: true, role: true } });
      if (mentors.filter((mentor) => mayMentor(mentor.role)).length !== new Set(input.mentorIds).size) {
        throw invalidInput("body.mentorIds", "Mentors are active members with the Mentor, Admin or Owner role.");
      }
      if (input.mentorIds.includes(locked.assigneeId)) throw invalidInput("body.mentorIds", "Nobody mentors their own assignment.");
      const before = (await tx.assignmentMentor.findMany({ where: { assignmentId }, select: { mentorId: true } })).map((row) => row.mentorId);
      // The links of those taken off end, kept as history (mentoring.ts).
      const left = await endMentorshipsExcept(tx, organizationId, assignmentId, input.mentorIds, ctx.user.id);
      // Those who left and those who joined hear about this assignment differently from now on.
      mentorsChanged = [...left, ...input.mentorIds.filter((id) => !before.includes(id))];
      await tx.assignmentMentor.createMany({ data: input.mentorIds.map((mentorId) => ({ organizationId, assignmentId, mentorId })), skipDuplicates: true });
    }

    const dueDate = input.dueDate === undefined ? undefined : input.dueDate === null ? null : new Date(`${input.dueDate}T00:00:00Z`);
    if (dueDate && dueDate < locked.startDate) throw invalidInput("body.dueDate", "The due date is on or after the start date.");

    let status: "ACTIVE" | "COMPLETED" | "ARCHIVED" | undefined;
    if (input.archived === true) status = "ARCHIVED";
    if (input.archived === false && locked.status === "ARCHIVED") {
      status = locked.completedAt ? "COMPLETED" : "ACTIVE";
      if (status === "ACTIVE") {
        const other = await tx.assignment.findFirst({ where: { organizationId, trackId: locked.trackId, assigneeId: locked.assigneeId, status: "ACTIVE" }, select: { id: true } });
        if (other) throw new AppError("CONFLICT", "This person has another active assignment of the track; archive it first.", { assignmentId: other.id });
      }
    }
    const row = await tx.assignment.update({
      where: { id: assignmentId },
      data: { ...(dueDate !== undefined && { dueDate }), ...(status && { status, archivedAt: status === "ARCHIVED" ? new Date() : null }) },
      select: assignmentSelect,
    });
    await recordEvent(tx, {
      organizationId,
      type: "assignment.updated",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignmentId,
      payload: { assignmentId, ...input },
    });
    // Recording locked the organization's row: a mentor demoted meanwhile is seen now (mentoring.ts).
    if (input.mentorIds) await confirmMentors(tx, organizationId, input.mentorIds);
    const [summary] = await summarizeAssignments(tx, organizationId, [row]);
    return summary!;
  });
  if (mentorsChanged.length > 0) await accessChanged(ctx.log, organizationId, mentorsChanged);
  return summary;
}
