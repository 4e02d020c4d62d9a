import type { DbClient } from "@/lib/db/client";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";

export interface OrgScope {
  organization: { id: string; slug: string; name: string };
  membership: { id: string; role: Role; status: MembershipStatus };
}

/**
 * The caller's membership of the organization named in the URL. The lookup is
 * keyed by the caller, so an organization they do not belong to is
 * indistinguishable from one that does not exist: both are 404.
 */
export async function resolveOrgScope(db: DbClient, userId: string, orgSlug: string): Promise<OrgScope> {
  const membership = await db.membership.findFirst({
    where: { userId, organization: { slug: orgSlug } },
    select: { id: true, role: true, status: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) throw notFound("organization");
  if (membership.status !== "ACTIVE") {
    throw new AppError("FORBIDDEN", "Your membership of this organization is suspended. Ask an admin to reactivate it.");
  }
  const { organization, ...rest } = membership;
  return { organization, membership: rest };
}
