import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { OrgContext, SessionContext } from "@/lib/http/handle";
import { createOrganizationWithOwner } from "./create-organization";

export async function getOrganization(ctx: OrgContext) {
  const organization = await getDb().organization.findUniqueOrThrow({
    where: { id: ctx.organization.id },
    select: organizationSelect,
  });
  return { ...organization, role: ctx.membership.role };
}

const organizationSelect = { id: true, slug: true, name: true, stuckAfterDays: true, reviewTargetDays: true, dueSoonDays: true, createdAt: true } as const;

/** Renames the caller's organization or changes its settings; records organization.renamed and organization.updated for what changed. */
export async function renameOrganization(ctx: OrgContext, input: { name?: string; stuckAfterDays?: number; reviewTargetDays?: number; dueSoonDays?: number }) {
  const organizationId = ctx.organization.id;
  const { name, stuckAfterDays, reviewTargetDays, dueSoonDays } = input;
  const organization = await getDb().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, stuckAfterDays: true, reviewTargetDays: true, dueSoonDays: true } });
    const updated = await tx.organization.update({ where: { id: organizationId }, data: { name, stuckAfterDays, reviewTargetDays, dueSoonDays }, select: organizationSelect });
    // One organization.updated naming each setting that changed.
    const changes: Record<string, { from: number; to: number }> = {};
    if (stuckAfterDays !== undefined && before.stuckAfterDays !== stuckAfterDays) changes.stuckAfterDays = { from: before.stuckAfterDays, to: stuckAfterDays };
    if (reviewTargetDays !== undefined && before.reviewTargetDays !== reviewTargetDays) changes.reviewTargetDays = { from: before.reviewTargetDays, to: reviewTargetDays };
    if (dueSoonDays !== undefined && before.dueSoonDays !== dueSoonDays) changes.dueSoonDays = { from: before.dueSoonDays, to: dueSoonDays };
    if (Object.keys(changes).length > 0) {
      await recordEvent(tx, { organizationId, type: "organization.updated", actorId: ctx.user.id, subjectType: "organization", subjectId: organizationId, payload: changes });
    }
    if (name !== undefined && before.name !== name) {
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
