/**
 * The people the audit page's "Who did it" filter offers: everyone who is or was a
 * member here (suspended ones marked), since a removed member's events stay in the
 * log. Read within the organization only.
 */
import { getDb } from "@/lib/db/client";

export async function auditActorOptions(organizationId: string): Promise<Array<{ id: string; label: string }>> {
  const members = await getDb().membership.findMany({
    where: { organizationId },
    select: { status: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return members.map(({ user, status }) => {
    const name = user.name?.trim();
    return { id: user.id, label: `${name ? `${name} (${user.email})` : user.email}${status === "SUSPENDED" ? " — suspended" : ""}` };
  });
}
