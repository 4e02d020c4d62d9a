/**
 * Who may read a person's own activity in an organization (their calendar): the
 * person themself; the organization's owners and admins, for anyone who is or was
 * part of it (a member, or the assignee of one of its assignments: a removed hire's
 * assignment page still shows their calendar); and a mentor of one of that person's
 * assignments here (mentoring now: lib/assignments/mentoring.ts). Anyone else, an unknown user and another organization's user
 * get the same answer, false, which the API turns into a 404.
 */
import { isManagerRole } from "@/lib/authz/policy";
import { CURRENT_MENTOR_LINKS } from "@/lib/assignments/mentoring";
import { queryRows, sql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";

export async function mayReadActivityOf(ctx: OrgContext, userId: string): Promise<boolean> {
  // The gate found the caller's own membership here.
  if (userId === ctx.user.id) return true;
  const organizationId = ctx.organization.id;
  const [row] = isManagerRole(ctx.membership.role)
    ? await queryRows<{ allowed: boolean }>(sql`
        SELECT EXISTS (SELECT 1 FROM "Membership" WHERE "organizationId" = ${organizationId} AND "userId" = ${userId})
            OR EXISTS (SELECT 1 FROM "Assignment" WHERE "organizationId" = ${organizationId} AND "assigneeId" = ${userId}) AS allowed`)
    : await queryRows<{ allowed: boolean }>(sql`
        SELECT EXISTS (
          SELECT 1 FROM "Assignment" a
          JOIN ${CURRENT_MENTOR_LINKS} m ON m."organizationId" = a."organizationId" AND m."assignmentId" = a.id
          WHERE a."organizationId" = ${organizationId} AND a."assigneeId" = ${userId} AND m."mentorId" = ${ctx.user.id}
        ) AS allowed`);
  return row?.allowed === true;
}
