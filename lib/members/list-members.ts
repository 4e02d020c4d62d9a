import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
import { encodeCursor } from "./cursor";
import type { MemberPosition } from "./cursor";
import { memberSelect, toMember } from "./member-row";
import type { ListMembersQuery } from "./schema";

/**
 * One page of the organization's members, ordered by name (unnamed last) then
 * membership id, so the order is total and a cursor position is unambiguous.
 */
export async function listMembers(ctx: OrgContext, query: ListMembersQuery) {
  const conditions: Prisma.MembershipWhereInput[] = [];
  if (query.q) conditions.push(matching(query.q));
  if (query.cursor) conditions.push(after(query.cursor));
  const rows = await getDb().membership.findMany({
    where: {
      organizationId: ctx.organization.id,
      // Service accounts are managed on the service tokens page, not listed as people (decision 0032).
      user: { serviceAccount: false },
      ...(query.role && { role: query.role }),
      ...(query.status && { status: query.status }),
      AND: conditions,
    },
    orderBy: [{ user: { name: { sort: "asc", nulls: "last" } } }, { id: "asc" }],
    // One extra row says whether another page follows, without a count.
    take: query.limit + 1,
    select: memberSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toMember),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.user.name, id: last.id }) : null,
  };
}

/** Name or email contains the text, any case; `%` and `_` are literal, not LIKE wildcards. */
function matching(text: string): Prisma.MembershipWhereInput {
  const contains = text.replace(/[\\%_]/g, "\\$&");
  return {
    OR: [
      { user: { name: { contains, mode: "insensitive" } } },
      { user: { email: { contains, mode: "insensitive" } } },
    ],
  };
}

/** Rows after a position in (name ASC NULLS LAST, id ASC) order. */
function after(position: MemberPosition): Prisma.MembershipWhereInput {
  if (position.name === null) return { user: { name: null }, id: { gt: position.id } };
  return {
    OR: [
      { user: { name: { gt: position.name } } },
      { user: { name: position.name }, id: { gt: position.id } },
      { user: { name: null } },
    ],
  };
}
