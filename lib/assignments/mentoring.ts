/**
 * Who mentors an assignment: the one rule, in a Prisma form and an SQL form, that
 * every reader uses (the assignment where-builder, the socket rooms and the
 * replay, the progress write, evidence and threads, notifications and their
 * emails, the dashboards, the activity calendar).
 *
 * A mentor link (AssignmentMentor) counts only while its mentor is an ACTIVE
 * member of the assignment's organization with a role that may mentor (MENTOR,
 * ADMIN, OWNER). Demoting, suspending or removing a member ends their links
 * (`endMentorshipsOf`, kept in AssignmentMentorHistory), so re-promoting,
 * reactivating or re-inviting them restores nothing: a manager adds them again.
 * The membership test here is defence in depth: a link that somehow remained
 * still grants nothing. See docs/decisions/0018-session-revocation-and-mentor-access.md.
 */
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";
import { MENTOR_ROLES, mayMentor } from "@/lib/authz/policy";
import { prismaRunner, sql } from "@/lib/db/sql";
import type { SqlRunner, Statement } from "@/lib/db/sql";

/** Whether a membership in this state keeps its mentor links. */
export function keepsMentorships(membership: { role: Role; status: string }): boolean {
  return membership.status === "ACTIVE" && mayMentor(membership.role);
}

// ── Prisma form ──────────────────────────────────────────────────────────────

/** The mentor links that count (of one mentor, when given). */
export function currentMentorLinks(mentorId?: string): Prisma.AssignmentMentorWhereInput {
  return { ...(mentorId !== undefined && { mentorId }), membership: { status: "ACTIVE", role: { in: [...MENTOR_ROLES] } } };
}

/** The assignments `mentorId` mentors now. */
export function mentoredBy(mentorId: string): Prisma.AssignmentWhereInput {
  return { mentors: { some: currentMentorLinks(mentorId) } };
}

/** Who mentors one assignment now (the people its notifications go to). */
export async function currentMentorIds(db: DbClient, assignmentId: string): Promise<string[]> {
  const rows = await db.assignmentMentor.findMany({ where: { assignmentId, ...currentMentorLinks() }, select: { mentorId: true } });
  return rows.map((row) => row.mentorId);
}

// ── SQL form ─────────────────────────────────────────────────────────────────

/**
 * The mentor links that count, as a derived table with the columns
 * "organizationId", "assignmentId", "mentorId": use it where a statement would
 * read "AssignmentMentor", e.g. `JOIN ${CURRENT_MENTOR_LINKS} m ON m."assignmentId" = a.id`.
 */
export const CURRENT_MENTOR_LINKS: Statement = sql`(
  SELECT ml."organizationId", ml."assignmentId", ml."mentorId"
  FROM "AssignmentMentor" ml
  JOIN "Membership" mm ON mm."organizationId" = ml."organizationId" AND mm."userId" = ml."mentorId"
  WHERE mm.status = 'ACTIVE' AND mm.role::text = ANY(${[...MENTOR_ROLES]}::text[]))`;

// ── Ending links ─────────────────────────────────────────────────────────────

export type MentorshipEndReason = "unassigned" | "role_changed" | "suspended" | "removed";

/**
 * Moves the links `which` selects (a condition on `l`, the AssignmentMentor row)
 * to the history, in one statement. Returns what ended.
 */
async function endLinks(runner: SqlRunner, which: Statement, reason: MentorshipEndReason, endedById: string | null) {
  return runner.rows<{ assignmentId: string; mentorId: string }>(sql`
    WITH ended AS (DELETE FROM "AssignmentMentor" l WHERE ${which} RETURNING l."organizationId", l."assignmentId", l."mentorId", l."createdAt")
    INSERT INTO "AssignmentMentorHistory" ("id", "organizationId", "assignmentId", "mentorId", "startedAt", "endedAt", "reason", "endedById")
    SELECT gen_random_uuid()::text, e."organizationId", e."assignmentId", e."mentorId", e."createdAt", date_trunc('milliseconds', now() AT TIME ZONE 'UTC'), ${reason}, ${endedById}
    FROM ended e
    RETURNING "assignmentId", "mentorId"`);
}

/** A member no longer mentors anything in the organization (demoted, suspended, removed). Returns the assignments. */
export async function endMentorshipsOf(tx: DbClient, organizationId: string, mentorId: string, reason: MentorshipEndReason, endedById: string | null): Promise<string[]> {
  const ended = await endLinks(prismaRunner(tx), sql`l."organizationId" = ${organizationId} AND l."mentorId" = ${mentorId}`, reason, endedById);
  return ended.map((row) => row.assignmentId).sort();
}

/** A manager set an assignment's mentors: the others' links end. Returns who left. */
export async function endMentorshipsExcept(tx: DbClient, organizationId: string, assignmentId: string, keep: readonly string[], endedById: string): Promise<string[]> {
  const ended = await endLinks(prismaRunner(tx), sql`l."organizationId" = ${organizationId} AND l."assignmentId" = ${assignmentId} AND NOT (l."mentorId" = ANY(${[...keep]}::text[]))`, "unassigned", endedById);
  return ended.map((row) => row.mentorId);
}

/**
 * Called by a transaction that made mentor links, after it recorded its events:
 * recording locked the organization's row, which every membership change locks
 * first (lib/members/lock-memberships.ts), so no change of these mentors is in
 * flight and any that committed is visible here. A mentor demoted, suspended or
 * removed since the links were checked makes the whole write a 409, rather than
 * leave a link that would come back with a later promotion.
 */
export async function confirmMentors(tx: DbClient, organizationId: string, mentorIds: readonly string[]): Promise<void> {
  if (mentorIds.length === 0) return;
  const still = await tx.membership.findMany({ where: { organizationId, userId: { in: [...mentorIds] }, status: "ACTIVE", role: { in: [...MENTOR_ROLES] } }, select: { userId: true } });
  if (still.length !== new Set(mentorIds).size) {
    throw new AppError("CONFLICT", "A mentor's role or membership changed meanwhile; reload and choose the mentors again.");
  }
}
