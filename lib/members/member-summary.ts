import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { memberSelect, toMember } from "./member-row";

/** Active owners right now: the members page hides "Leave" from the last one. */
export function countActiveOwners(organizationId: string) {
  return getDb().membership.count({ where: { organizationId, role: "OWNER", status: "ACTIVE" } });
}

/** Head counts and the first few people (owners first) for an organization's overview page. */
export async function memberSummary(organizationId: string, take = 8) {
  const db = getDb();
  // People only: service accounts (service tokens) are counted on the settings page, not here (decision 0032).
  const people = { organizationId, user: { serviceAccount: false } };
  const [byRole, suspended, first] = await Promise.all([
    db.membership.groupBy({ by: ["role"], where: people, _count: { _all: true } }),
    db.membership.count({ where: { ...people, status: "SUSPENDED" } }),
    // Role sorts in the enum's order: OWNER, ADMIN, MENTOR, MEMBER.
    db.membership.findMany({ where: people, orderBy: [{ role: "asc" }, { user: { name: { sort: "asc", nulls: "last" } } }, { id: "asc" }], take, select: memberSelect }),
  ]);
  const counts: Record<Role, number> = { OWNER: 0, ADMIN: 0, MENTOR: 0, MEMBER: 0 };
  for (const row of byRole) counts[row.role] = row._count._all;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { total, byRole: counts, suspended, first: first.map(toMember) };
}
