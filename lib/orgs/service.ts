import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { OrgContext } from "@/lib/http/handle";

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
