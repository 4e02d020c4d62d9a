import type { Prisma } from "@/lib/generated/prisma/client";
import type { Member } from "./schema";

/** The columns a member is shown with; nothing else of User leaves the database. */
export const memberSelect = {
  id: true,
  role: true,
  status: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.MembershipSelect;

type MemberRow = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

export function toMember(row: MemberRow): Member {
  return { id: row.id, user: row.user, role: row.role, status: row.status, joinedAt: row.createdAt };
}
