import type { Prisma } from "@/lib/generated/prisma/client";
import type { InvitationView } from "./schema";

/** The columns an invitation is shown with; never the token hash. */
export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  lastSentAt: true,
  expiresAt: true,
  invitedBy: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.InvitationSelect;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

export function toInvitationView(row: InvitationRow, now = new Date()): InvitationView {
  return { ...row, expired: row.expiresAt <= now };
}

/** Pending: neither accepted nor revoked (an expired one is still pending: it can be resent). */
export const PENDING = { acceptedAt: null, revokedAt: null } as const satisfies Prisma.InvitationWhereInput;
