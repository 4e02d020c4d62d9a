/**
 * Who sees which assignment: the one where-builder for assignments (DESIGN.md,
 * "object-level rules live in one where-builder per resource"). Owners and admins
 * see all of their organization's; anyone else sees the assignments they hold and
 * the ones they mentor now (mentoring.ts). Anything outside it is a 404, like
 * another organization's.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
import { isManagerRole } from "@/lib/authz/policy";
import { forbidden } from "@/lib/http/errors";
import { mentoredBy } from "./mentoring";

export function visibleAssignments(ctx: OrgContext): Prisma.AssignmentWhereInput {
  const organizationId = ctx.organization.id;
  if (isManagerRole(ctx.membership.role)) return { organizationId };
  return { organizationId, OR: [{ assigneeId: ctx.user.id }, mentoredBy(ctx.user.id)] };
}

/**
 * Progress is the hire's own record: only the assignee writes it. Someone who
 * may see the assignment but not write is refused (403); someone who may not
 * see it got a 404 before this.
 */
export function assertAssignee(ctx: OrgContext, assignment: { assigneeId: string }): void {
  if (assignment.assigneeId !== ctx.user.id) throw forbidden("Only the person on the assignment logs its progress.");
}
