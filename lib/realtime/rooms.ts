/**
 * Who hears which event, decided by the server only. One rule for the socket
 * rooms and for the replay API (lib/events/list-events.ts), so a reconnecting
 * client gets exactly what it would have heard live:
 * - owners and admins: every event of their organization;
 * - everyone else: the events about assignments they hold or mentor now
 *   (lib/assignments/mentoring.ts).
 */
import { CURRENT_MENTOR_LINKS } from "@/lib/assignments/mentoring";
import { isManagerRole } from "@/lib/authz/policy";
import { queryRows, sql } from "@/lib/db/sql";
import type { Role } from "@/lib/generated/prisma/enums";

export const managersRoom = (organizationId: string) => `org:${organizationId}:managers`;
export const assignmentRoom = (assignmentId: string) => `assignment:${assignmentId}`;
/** One member's sockets in one organization: access changes close them. */
export const memberRoom = (organizationId: string, userId: string) => `org:${organizationId}:member:${userId}`;

/** The rooms an event goes to. */
export function roomsForEvent(event: { organizationId: string; subjectType: string; subjectId: string }): string[] {
  const rooms = [managersRoom(event.organizationId)];
  if (event.subjectType === "assignment") rooms.push(assignmentRoom(event.subjectId));
  return rooms;
}

/** The assignments a member holds or mentors in an organization (what a non-manager hears about). */
export async function memberAssignmentIds(organizationId: string, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(sql`
    SELECT a.id FROM "Assignment" a
    WHERE a."organizationId" = ${organizationId}
      AND (a."assigneeId" = ${userId} OR EXISTS (SELECT 1 FROM ${CURRENT_MENTOR_LINKS} m WHERE m."assignmentId" = a.id AND m."mentorId" = ${userId}))`, "rooms.assignments");
  return rows.map((row) => row.id);
}

/** The rooms a member's socket joins in an organization. */
export async function roomsForMember(member: { organizationId: string; userId: string; role: Role }): Promise<string[]> {
  const own = memberRoom(member.organizationId, member.userId);
  if (isManagerRole(member.role)) return [own, managersRoom(member.organizationId)];
  return [own, ...(await memberAssignmentIds(member.organizationId, member.userId)).map(assignmentRoom)];
}
