/** The socket server's `roomsFor`: the caller's active membership of the organization, then its rooms. */
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { resolveOrgScope } from "@/lib/orgs/membership";
import { roomsForMember } from "./rooms";

export async function roomsForUser(user: SessionUser, orgSlug: string): Promise<{ organizationId: string; rooms: string[] } | null> {
  try {
    const scope = await resolveOrgScope(user.id, orgSlug);
    const organizationId = scope.organization.id;
    return { organizationId, rooms: await roomsForMember({ organizationId, userId: user.id, role: scope.membership.role }) };
  } catch (error) {
    // Not a member (404) or suspended (403): no rooms, no socket.
    if (error instanceof AppError) return null;
    throw error;
  }
}
