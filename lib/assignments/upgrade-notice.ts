/**
 * The hire's notice of an upgrade someone else made (issue 15): "Your track was
 * updated to v2: 3 added, 1 removed — its progress is kept in history". Stored
 * on the assignment by applyUpgrade (so it says what changed then, not what a later
 * diff would say) and cleared when the hire dismisses it or upgrades themselves.
 */
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
import type { VersionDiff } from "@/lib/tracks/diff-schema";
import { assertAssignee } from "./access";
import { findAssignment } from "./read-assignment";
import { upgradeNoticeSchema } from "./schema";
import type { UpgradeNotice } from "./schema";

export function upgradeNoticeOf(
  fromNumber: number,
  toNumber: number,
  diff: VersionDiff,
  archived: ReadonlyArray<{ stableKey: string; title: string; state: UpgradeNotice["archived"][number]["state"] }>,
  at: Date,
): UpgradeNotice {
  return {
    fromNumber,
    toNumber,
    added: diff.counts.added,
    removed: diff.counts.removed,
    renamed: diff.counts.renamed,
    moved: diff.counts.moved,
    archived: archived.map(({ stableKey, title, state }) => ({ stableKey, title, state })),
    upgradedAt: at.toISOString(),
  };
}

/** The stored JSON, or null when there is none (or it is not one this code wrote). */
export function parseUpgradeNotice(value: unknown): UpgradeNotice | null {
  const parsed = upgradeNoticeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The assignee dismisses the notice; anyone else who sees the assignment gets a 403, anyone who does not a 404. */
export async function dismissUpgradeNotice(ctx: OrgContext, assignmentId: string) {
  const assignment = await findAssignment(ctx, assignmentId);
  assertAssignee(ctx, assignment);
  await getDb().assignment.updateMany({ where: { id: assignmentId, organizationId: ctx.organization.id }, data: { upgradeNotice: Prisma.DbNull } });
  return { upgradeNotice: null };
}
