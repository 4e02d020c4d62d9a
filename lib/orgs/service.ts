import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { OrgContext, SessionContext } from "@/lib/http/handle";
import { createOrganizationWithOwner } from "./create-organization";

export async function getOrganization(ctx: OrgContext) {
  const organization = await getDb().organization.findUniqueOrThrow({
    where: { id: ctx.organization.id },
    select: { id: true, slug: true, name: true, createdAt: true },
  });
  return { ...organization, role: ctx.membership.role };
}

/** Renames the caller's organization and records organization.renamed. */
export async function renameOrganization(ctx: OrgContext, name: string) {
  const organizationId = ctx.organization.id;
  const organization = await getDb().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
    const updated = await tx.organization.update({
      where: { id: organizationId },
      data: { name },
      select: { id: true, slug: true, name: true, createdAt: true },
    });
    if (before.name !== name) {
      await recordEvent(tx, {
        organizationId,
        type: "organization.renamed",
        actorId: ctx.user.id,
        subjectType: "organization",
        subjectId: organizationId,
        payload: { from: before.name, to: name },
      });
    }
    return updated;
  });
  return { ...organization, role: ctx.membership.role };
}

/** A new organization owned by the caller. */
export async function createOrganization(ctx: SessionContext, name: string) {
  const organization = await getDb().$transaction((tx) => createOrganizationWithOwner(tx, ctx.user.id, name));
  return { ...organization, role: "OWNER" as const };
}

/** The organizations a user belongs to, for the organization picker. */
export function listMyOrganizations(userId: string) {
  return getDb().membership.findMany({
    where: { userId },
    select: { role: true, status: true, organization: { select: { id: true, slug: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
}
