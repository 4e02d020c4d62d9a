/**
 * Who hears which event, decided by the server only. One rule for the socket
 * rooms and for the replay API (lib/events/list-events.ts), so a reconnecting
 * client gets exactly what it would have heard live:
 * - owners and admins: every event of their organization;
 * - everyone else: the events about assignments they may see, which they hold
 *   or mentor now (the SQL form of lib/assignments/access.ts).
 */
import { visibleAssignmentSql } from "@/lib/assignments/access";
import type { AssignmentViewer } from "@/lib/assignments/access";
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

/**
 * The assignments a member may see in an organization (access.ts): for a
 * non-manager, the ones they hold or mentor, what they hear about. Managers hear
 * the whole organization through its room, so callers ask only for others.
 */
export async function memberAssignmentIds(viewer: AssignmentViewer): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(sql`SELECT a.id FROM "Assignment" a WHERE ${visibleAssignmentSql(viewer, sql`a`)}`, "rooms.assignments");
  return rows.map((row) => row.id);
}

/** The rooms a member's socket joins in an organization. */
export async function roomsForMember(member: { organizationId: string; userId: string; role: Role }): Promise<string[]> {
  const own = memberRoom(member.organizationId, member.userId);
  if (isManagerRole(member.role)) return [own, managersRoom(member.organizationId)];
  const viewer = { organization: { id: member.organizationId }, user: { id: member.userId }, membership: { role: member.role } };
  return [own, ...(await memberAssignmentIds(viewer)).map(assignmentRoom)];
}
