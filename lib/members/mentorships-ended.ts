import type { NewEvent } from "@/lib/db/events";
import type { MentorshipEndReason } from "@/lib/assignments/mentoring";
import type { OrgContext } from "@/lib/http/handle";

/**
 * One assignment.mentors_changed per assignment whose mentor stopped mentoring
 * with a membership change: each assignment's history says who left and why, and
 * its followers' screens refresh (the subject is the assignment).
 */
export function mentorshipsEndedEvents(ctx: OrgContext, mentorId: string, assignmentIds: readonly string[], reason: MentorshipEndReason): Array<Omit<NewEvent, "organizationId">> {
  return assignmentIds.map((assignmentId) => ({
    type: "assignment.mentors_changed",
    actorId: ctx.user.id,
    subjectType: "assignment",
    subjectId: assignmentId,
    payload: { assignmentId, removed: [mentorId], reason },
  }));
}
