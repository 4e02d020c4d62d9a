import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
import { encodeCreatedAtCursor } from "@/lib/http/cursor";
import { invitationSelect, PENDING, toInvitationView } from "./invitation-row";
import type { ListInvitationsQuery } from "./schema";

/**
 * One page of the organization's pending invitations (expired ones included,
 * flagged), newest first, then by id so the order is total.
 */
export async function listInvitations(ctx: OrgContext, query: ListInvitationsQuery) {
  const after: Prisma.InvitationWhereInput = query.cursor
    ? { OR: [{ createdAt: { lt: query.cursor.createdAt } }, { createdAt: query.cursor.createdAt, id: { lt: query.cursor.id } }] }
    : {};
  const rows = await getDb().invitation.findMany({
    where: { organizationId: ctx.organization.id, ...PENDING, AND: [after] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: invitationSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const now = new Date();
  return {
    items: page.map((row) => toInvitationView(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCreatedAtCursor(last) : null,
  };
}
