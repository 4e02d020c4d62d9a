import { queryRows, sql } from "@/lib/db/sql";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";

export interface OrgScope {
  organization: { id: string; slug: string; name: string };
  membership: { id: string; role: Role; status: MembershipStatus };
}

/** The columns a membership lookup reads (with the organization's), as `scopeFromRow` takes them. */
export interface MembershipRow {
  membershipId: string;
  role: Role;
  status: MembershipStatus;
  organizationId: string;
  slug: string;
  organizationName: string;
}

/**
 * The caller's membership of the organization named in the URL. The lookup is
 * keyed by the caller, so an organization they do not belong to is
 * indistinguishable from one that does not exist: both are 404.
 */
export async function resolveOrgScope(userId: string, orgSlug: string): Promise<OrgScope> {
  // Pages and sockets pass the slug as typed (the API gate refuses NUL first): PostgreSQL cannot take a NUL, no slug has one.
  if (orgSlug.includes("\u0000")) throw notFound("organization");
  // One plain statement on the pool: every organization-scoped request runs it (lib/db/sql.ts).
  const [row] = await queryRows<MembershipRow>(sql`
    SELECT m.id AS "membershipId", m.role::text AS role, m.status::text AS status, o.id AS "organizationId", o.slug, o.name AS "organizationName"
    FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
    WHERE m."userId" = ${userId} AND o.slug = ${orgSlug}`, "membership.read");
  return scopeFromRow(row);
}

/** The scope from a membership row, or why there is none: 404 without a membership, 403 when it is suspended. */
export function scopeFromRow(row: MembershipRow | null | undefined): OrgScope {
  if (!row) throw notFound("organization");
  if (row.status !== "ACTIVE") {
    throw new AppError("FORBIDDEN", "Your membership of this organization is suspended. Ask an admin to reactivate it.");
  }
  return { organization: { id: row.organizationId, slug: row.slug, name: row.organizationName }, membership: { id: row.membershipId, role: row.role, status: row.status } };
}
