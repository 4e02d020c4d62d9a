import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { invalidInput } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { canTransition, transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { assertAssignee, findAssignmentForWrite } from "./access";
import { progressSelect, toItemProgress } from "./read-assignment";
import type { BulkUpdateItemsInput } from "./schema";
import { lockForProgress, settleCompletion } from "@/lib/progress/progress-write";
import { prismaRunner } from "@/lib/db/sql";

/**
 * The hire sets many items to one state at once ("mark this section done"), all
 * or nothing: every listed item must be an item of the version whose state may
 * make that move (one already there is left alone); otherwise a 422 lists each
 * refusal and nothing changes. One upsert for all rows and, last, one insert for
 * their progress.updated events.
 */
export async function bulkUpdateItems(
  ctx: OrgContext,
  assignmentId: string,
  input: BulkUpdateItemsInput,
  /** The transaction it runs in: the one that also stores an Idempotency-Key's answer (lib/http/idempotency.ts). */
  tx: DbClient,
) {
  const organizationId = ctx.organization.id;
  const db = getDb();
  const assignment = await findAssignmentForWrite(ctx, assignmentId, db);
  assertAssignee(ctx, assignment);
  const keys = [...new Set(input.keys)];
  const nodes = await db.trackNode.findMany({ where: { organizationId, versionId: assignment.versionId, stableKey: { in: keys } }, select: { stableKey: true, kind: true, evidenceRequired: true } });
  const nodeOf = new Map(nodes.map((node) => [node.stableKey, node]));
  const notItems = keys.filter((key) => nodeOf.get(key)?.kind !== "ITEM");
  if (notItems.length > 0) {
    const message = `${notItems.length} of the keys are not items of this assignment's version.`;
    throw invalidInput("body.keys", message, { keys: notItems });
  }

  const locked = await lockForProgress(tx, organizationId, assignmentId);
  const rows = await tx.itemProgress.findMany({ where: { assignmentId, stableKey: { in: keys }, archivedAt: null }, select: { stableKey: true, state: true } });
  const current = new Map<string, ProgressState>(rows.map((row) => [row.stableKey, row.state]));
  const to = input.state;
  const changes: Array<{ key: string; from: ProgressState }> = [];
  const refused: Array<{ key: string; from: ProgressState; allowed: ProgressState[] }> = [];
  for (const key of keys) {
    const from = current.get(key) ?? "NOT_STARTED";
    if (from === to) continue;
    const evidenceRequired = nodeOf.get(key)!.evidenceRequired;
    if (canTransition(from, to, { evidenceRequired })) changes.push({ key, from });
    else refused.push({ key, from, allowed: transitionsFrom(from, { evidenceRequired }) });
  }
  if (refused.length > 0) {
    const message = `${refused.length} of the items cannot go to ${to}; nothing was changed.`;
    throw invalidInput("body.keys", message, { refused });
  }

  const changedKeys = changes.map((change) => change.key);
  const reason = to === "NOT_APPLICABLE" ? input.notApplicableReason! : null;
  if (changedKeys.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", "state", "notApplicableReason", "updatedById", "createdAt", "updatedAt")
      SELECT ${organizationId}, ${assignmentId}, key, ${to}::"ProgressState", ${reason}, ${ctx.user.id}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM unnest(${changedKeys}::text[]) AS key
      ON CONFLICT ("assignmentId", "stableKey") DO UPDATE
      SET state = EXCLUDED.state, "notApplicableReason" = EXCLUDED."notApplicableReason", "updatedById" = EXCLUDED."updatedById", "updatedAt" = EXCLUDED."updatedAt", "archivedAt" = NULL`;
  }
  const { status, summary, events } = await settleCompletion(prismaRunner(tx), ctx, { ...assignment, status: locked.status }, changedKeys.length > 0);
  const updated = changes.map(({ key, from }) => ({ type: "progress.updated", actorId: ctx.user.id, subjectType: "assignment", subjectId: assignmentId, payload: { assignmentId, key, from, to, bulk: true } }));
  await recordEvents(prismaRunner(tx), organizationId, [...updated, ...events]);
  const items = await tx.itemProgress.findMany({ where: { assignmentId, stableKey: { in: keys } }, select: progressSelect, orderBy: { stableKey: "asc" } });
  return { items: items.map(toItemProgress), assignment: { id: assignmentId, status, progress: summary.track } };
}
