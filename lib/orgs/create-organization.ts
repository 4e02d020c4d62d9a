import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { uniqueSlug } from "./slug";

/**
 * Creates an organization with `userId` as its first owner, recording
 * organization.created and member.joined. Call inside a transaction.
 */
export async function createOrganizationWithOwner(tx: DbClient, userId: string, name: string) {
  const organization = await tx.organization.create({
    data: { name, slug: await uniqueSlug(tx, name) },
    select: { id: true, slug: true, name: true, stuckAfterDays: true, reviewTargetDays: true, dueSoonDays: true, createdAt: true },
  });
  const membership = await tx.membership.create({ data: { organizationId: organization.id, userId, role: "OWNER" } });
  await recordEvent(tx, { organizationId: organization.id, type: "organization.created", actorId: userId, subjectType: "organization", subjectId: organization.id, payload: { name, slug: organization.slug } });
  await recordEvent(tx, { organizationId: organization.id, type: "member.joined", actorId: userId, subjectType: "membership", subjectId: membership.id, payload: { userId, role: "OWNER" } });
  return organization;
}
