/**
 * Who does what with evidence. Seeing it follows the assignment
 * (lib/assignments/access.ts: managers, its mentors, its assignee). Only the
 * assignee submits. Reviewers are the assignment's mentors and the organization's
 * owners and admins, and never the attempt's author.
 */
import type { DbClient } from "@/lib/db/client";
import { forbidden } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { isManagerRole } from "@/lib/authz/policy";
import { currentMentorLinks } from "@/lib/assignments/mentoring";

/** Whether the caller mentors the assignment now (lib/assignments/mentoring.ts). */
export async function isMentorOf(db: DbClient, ctx: OrgContext, assignmentId: string): Promise<boolean> {
  const row = await db.assignmentMentor.findFirst({ where: { assignmentId, ...currentMentorLinks(ctx.user.id) }, select: { mentorId: true } });
  return row !== null;
}

export function mayReview(ctx: OrgContext, isMentor: boolean): boolean {
  return isManagerRole(ctx.membership.role) || isMentor;
}

export function assertSubmitter(ctx: OrgContext, assignment: { assigneeId: string }): void {
  if (assignment.assigneeId !== ctx.user.id) throw forbidden("Only the person on the assignment submits evidence for it.");
}

export function assertReviewer(ctx: OrgContext, isMentor: boolean, attempt: { submittedBy: { id: string } }): void {
  if (!mayReview(ctx, isMentor)) throw forbidden("Only the assignment's mentors and the organization's admins review its evidence.");
  if (attempt.submittedBy.id === ctx.user.id) throw forbidden("You cannot review your own submission.");
}
