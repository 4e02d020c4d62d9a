/**
 * Who may read a person's own activity in an organization (their calendar): the
 * person themself; the organization's owners and admins, for anyone who is or was
 * part of it (a member, or the assignee of one of its assignments: a removed hire's
 * assignment page still shows their calendar); and anyone else who may see one of
 * that person's assignments here (lib/assignments/access.ts: for someone who is
 * not the person, that is mentoring it now). Anyone else, an unknown user and
 * another organization's user get the same answer, false, which the API turns into a 404.
 */
import { isManagerRole } from "@/lib/authz/policy";
import { visibleAssignmentSql } from "@/lib/assignments/access";
import { queryRows, sql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";

export async function mayReadActivityOf(ctx: OrgContext, userId: string): Promise<boolean> {
  // The gate found the caller's own membership here.
  if (userId === ctx.user.id) return true;
  const organizationId = ctx.organization.id;
  // One of the person's assignments that the caller may see (for a manager: any of the organization's).
  const seesAnAssignment = sql`EXISTS (SELECT 1 FROM "Assignment" a WHERE a."organizationId" = ${organizationId} AND a."assigneeId" = ${userId} AND ${visibleAssignmentSql(ctx, sql`a`)})`;
  const [row] = isManagerRole(ctx.membership.role)
    ? await queryRows<{ allowed: boolean }>(sql`
        SELECT EXISTS (SELECT 1 FROM "Membership" WHERE "organizationId" = ${organizationId} AND "userId" = ${userId}) OR ${seesAnAssignment} AS allowed`)
    : await queryRows<{ allowed: boolean }>(sql`SELECT ${seesAnAssignment} AS allowed`);
  return row?.allowed === true;
}
