/**
 * Who may see or act on an assignment: the one rule for assignments (DESIGN.md,
 * "object-level rules live in one where-builder per resource"), in a Prisma form
 * and an SQL form side by side so they cannot drift apart (tests/assignments/
 * access-forms.test.ts checks that they pick the same rows). Owners and admins
 * see all of their organization's; anyone else sees the assignments they hold and
 * the ones they mentor now (mentoring.ts). Anything outside it is a 404, like
 * another organization's.
 *
 * It lives here, beside mentoring.ts whose two forms it builds on, and not in
 * lib/progress: progress (the counts, the write steps) decides nothing about
 * people, so lib/progress stays free of lib/assignments; the features that call
 * it (assignments, evidence, comments) check this rule first.
 */
import type { DbClient } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { Statement } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { OrgContext } from "@/lib/http/handle";
import { isManagerRole } from "@/lib/authz/policy";
import { forbidden, notFound } from "@/lib/http/errors";
import { CURRENT_MENTOR_LINKS, mentoredBy } from "./mentoring";

/** Who is looking: a member of one organization with a role (an OrgContext is one). */
export interface AssignmentViewer {
  organization: { id: string };
  user: { id: string };
  membership: { role: Role };
}

// ── Prisma form ──────────────────────────────────────────────────────────────

/** The assignments the viewer may see, as a Prisma where. */
export function visibleAssignments(viewer: AssignmentViewer): Prisma.AssignmentWhereInput {
  const organizationId = viewer.organization.id;
  if (isManagerRole(viewer.membership.role)) return { organizationId };
  return { organizationId, OR: [{ assigneeId: viewer.user.id }, mentoredBy(viewer.user.id)] };
}

// ── SQL form ─────────────────────────────────────────────────────────────────

/**
 * Whether the viewer may see the assignment row `assignment` (an alias of
 * "Assignment" in the enclosing statement), as a boolean SQL expression to embed:
 * `WHERE a.id = ${id} AND ${visibleAssignmentSql(ctx, sql`a`)}`. The same rule as
 * visibleAssignments, the organization included.
 */
export function visibleAssignmentSql(viewer: AssignmentViewer, assignment: Statement): Statement {
  const organizationId = viewer.organization.id;
  if (isManagerRole(viewer.membership.role)) return sql`(${assignment}."organizationId" = ${organizationId})`;
  return sql`(${assignment}."organizationId" = ${organizationId} AND (${assignment}."assigneeId" = ${viewer.user.id}
    OR EXISTS (SELECT 1 FROM ${CURRENT_MENTOR_LINKS} visible_mentor WHERE visible_mentor."assignmentId" = ${assignment}.id AND visible_mentor."mentorId" = ${viewer.user.id})))`;
}

// ── Guards ───────────────────────────────────────────────────────────────────

/**
 * The assignment a progress write is for: only the columns the write needs
 * (lib/progress/progress-write.ts), in one query, and only if the caller may see
 * it, else 404.
 */
export async function findAssignmentForWrite(ctx: OrgContext, assignmentId: string, db: DbClient) {
  const row = await db.assignment.findFirst({
    where: { AND: [{ id: assignmentId }, visibleAssignments(ctx)] },
    select: { id: true, status: true, versionId: true, assigneeId: true, skippedKeys: true },
  });
  if (!row) throw notFound("assignment");
  return row;
}

/**
 * Progress is the hire's own record: only the assignee writes it. Someone who
 * may see the assignment but not write is refused (403); someone who may not
 * see it got a 404 before this.
 */
export function assertAssignee(ctx: OrgContext, assignment: { assigneeId: string }): void {
  if (assignment.assigneeId !== ctx.user.id) throw forbidden("Only the person on the assignment logs its progress.");
}
