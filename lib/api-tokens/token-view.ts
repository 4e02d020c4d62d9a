import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApiTokenView } from "./schema";

/** The columns a token's list entry reads (never the hash). */
export const tokenSelect = {
  id: true,
  kind: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  organization: { select: { slug: true, name: true } },
  membership: { select: { role: true } },
  createdBy: { select: { name: true, email: true } },
} satisfies Prisma.ApiTokenSelect;

export type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

export function toTokenView(row: TokenRow): ApiTokenView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    organization: row.organization,
    role: row.membership.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdBy: row.createdBy ? row.createdBy.name || row.createdBy.email : null,
  };
}

export function expiryFrom(expiresInDays: number | null, now = new Date()): Date | null {
  return expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 24 * 60 * 60 * 1000);
}
