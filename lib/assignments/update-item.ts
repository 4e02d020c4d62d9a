import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { canTransition, summarizeProgress, transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressState, ProgressSummary } from "@/lib/progress/progress-math";
import { assertAssignee } from "./access";
import { progressStates, progressTrees } from "./assignment-summary";
import { findAssignment, progressSelect, toItemProgress } from "./read-assignment";
import type { UpdateItemInput } from "./schema";

const archived = () => new AppError("CONFLICT", "This assignment is archived; it no longer takes progress.");

function invalid(message: string, details: Record<string, unknown>): AppError {
  return new AppError("VALIDATION_FAILED", message, { issues: [{ path: "body.state", message }], ...details });
}

/**
 * The hire changes one item: its state (along the allowed transitions), its
 * note or links. One transaction: the progress row upsert, a progress.updated
 * event (with the old and new state), then the counts (the version's tree and the
 * assignment's states) that answer the request and complete or reopen the
 * assignment when a state changed.
 */
export async function updateItem(ctx: OrgContext, assignmentId: string, key: string, input: UpdateItemInput) {
  const organizationId = ctx.organization.id;
  const db = getDb();
  const assignment = await findAssignment(ctx, assignmentId, db);
  assertAssignee(ctx, assignment);
  if (assignment.status === "ARCHIVED") throw archived();

  const node = await db.trackNode.findFirst({ where: { organizationId, versionId: assignment.versionId, stableKey: key }, select: { kind: true, title: true, evidenceRequired: true } });
  if (!node) throw notFound("item");
  if (node.kind !== "ITEM") throw invalid("Sections have no state of their own; mark their items.", {});

  return db.$transaction(async (tx) => {
    const locked = await lockForProgress(tx, organizationId, assignmentId);
    const current = await tx.itemProgress.findUnique({ where: { assignmentId_stableKey: { assignmentId, stableKey: key } }, select: { ...progressSelect, archivedAt: true } });
    const from: ProgressState = current && current.archivedAt === null ? current.state : "NOT_STARTED";
    const to = input.state ?? from;
    if (to !== from && !canTransition(from, to, { evidenceRequired: node.evidenceRequired })) {
      const allowed = transitionsFrom(from, { evidenceRequired: node.evidenceRequired });
      const why = to === "DONE" && node.evidenceRequired ? " This item needs evidence: it is done when a mentor approves it." : "";
      throw invalid(`“${node.title}” cannot go from ${from} to ${to}.${why}`, { from, to, allowed });
    }
    if (to === "NOT_APPLICABLE" && !input.notApplicableReason && !(from === "NOT_APPLICABLE" && current?.notApplicableReason)) {
      throw new AppError("VALIDATION_FAILED", "Say why this item does not apply.", { issues: [{ path: "body.notApplicableReason", message: "Say why this item does not apply." }] });
    }
    const fields = {
      state: to,
      notApplicableReason: to === "NOT_APPLICABLE" ? (input.notApplicableReason ?? current?.notApplicableReason ?? null) : null,
      ...(input.note !== undefined && { note: input.note }),
      ...(input.links !== undefined && { links: input.links }),
      updatedById: ctx.user.id,
      archivedAt: null,
    };
    const row = await tx.itemProgress.upsert({
      where: { assignmentId_stableKey: { assignmentId, stableKey: key } },
      create: { organizationId, assignmentId, stableKey: key, ...fields },
      update: fields,
      select: progressSelect,
    });
    await recordEvent(tx, {
      organizationId,
      type: "progress.updated",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignmentId,
      payload: { assignmentId, key, from, to, ...(input.note !== undefined && { noteChanged: true }), ...(input.links !== undefined && { linksChanged: true }) },
    });
    const { status, summary } = await settleCompletion(tx, ctx, { ...assignment, status: locked.status }, from !== to);
    return { item: toItemProgress(row), assignment: { id: assignmentId, status, progress: summary.track } };
  });
}

type AssignmentStatus = "ACTIVE" | "COMPLETED" | "ARCHIVED";

/**
 * Locks the assignment row for a progress write: one writer per assignment at a
 * time, so the state each write reads is the one it replaces. Archived ones take
 * no progress (409).
 */
export async function lockForProgress(tx: DbClient, organizationId: string, assignmentId: string): Promise<{ status: AssignmentStatus }> {
  const [locked] = await tx.$queryRaw<Array<{ status: AssignmentStatus }>>`
    SELECT status::text AS status FROM "Assignment" WHERE id = ${assignmentId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  if (!locked) throw notFound("assignment");
  if (locked.status === "ARCHIVED") throw archived();
  return locked;
}

/**
 * Counts the assignment after a write and, when a state changed, moves it
 * ACTIVE → COMPLETED as the last counted item is done (assignment.completed) or
 * back to ACTIVE when one is reopened.
 */
export async function settleCompletion(
  tx: DbClient,
  ctx: OrgContext,
  assignment: { id: string; versionId: string; skippedKeys: string[]; status: AssignmentStatus },
  stateChanged: boolean,
): Promise<{ status: AssignmentStatus; summary: ProgressSummary }> {
  const organizationId = ctx.organization.id;
  const [trees, states] = await Promise.all([progressTrees(tx, organizationId, [assignment.versionId]), progressStates(tx, organizationId, [assignment.id])]);
  const summary = summarizeProgress(trees.get(assignment.versionId)!, states.get(assignment.id)!, new Set(assignment.skippedKeys));
  if (stateChanged && summary.complete && assignment.status === "ACTIVE") {
    await tx.assignment.update({ where: { id: assignment.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    await recordEvent(tx, {
      organizationId,
      type: "assignment.completed",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignment.id,
      payload: { assignmentId: assignment.id, items: summary.track.total },
    });
    return { status: "COMPLETED", summary };
  }
  if (stateChanged && !summary.complete && assignment.status === "COMPLETED") {
    await tx.assignment.update({ where: { id: assignment.id }, data: { status: "ACTIVE", completedAt: null } });
    return { status: "ACTIVE", summary };
  }
  return { status: assignment.status, summary };
}
