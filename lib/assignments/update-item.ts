import { getDb } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { AppError, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { canTransition, transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { assertAssignee } from "./access";
import { archivedAssignment, findAssignmentForWrite, lockForProgress, settleCompletion } from "./progress-write";
import { progressSelect, toItemProgress } from "./read-assignment";
import { progressTree } from "./version-trees";
import type { UpdateItemInput } from "./schema";

function invalid(message: string, details: Record<string, unknown>): AppError {
  return new AppError("VALIDATION_FAILED", message, { issues: [{ path: "body.state", message }], ...details });
}

/**
 * The hire changes one item: its state (along the allowed transitions), its
 * note or links. One transaction: the progress row upsert, the counts (the
 * version's tree and the assignment's states) that answer the request and complete
 * or reopen the assignment when a state changed, and last its events:
 * progress.updated (with the old and new state), and assignment.completed.
 */
export async function updateItem(ctx: OrgContext, assignmentId: string, key: string, input: UpdateItemInput) {
  const organizationId = ctx.organization.id;
  const db = getDb();
  const assignment = await findAssignmentForWrite(ctx, assignmentId, db);
  assertAssignee(ctx, assignment);
  if (assignment.status === "ARCHIVED") throw archivedAssignment();

  const node = (await progressTree(db, organizationId, assignment.versionId)).find((candidate) => candidate.key === key);
  if (!node) throw notFound("item");
  if (node.kind !== "ITEM") throw invalid("Sections have no state of their own; mark their items.", {});

  return db.$transaction(async (tx) => {
    const locked = await lockForProgress(tx, organizationId, assignmentId);
    const current = await tx.itemProgress.findUnique({ where: { assignmentId_stableKey: { assignmentId, stableKey: key } }, select: { ...progressSelect, archivedAt: true } });
    const from: ProgressState = current && current.archivedAt === null ? current.state : "NOT_STARTED";
    const to = input.state ?? from;
    if (to !== from && !canTransition(from, to, { evidenceRequired: node.evidenceRequired === true })) {
      const allowed = transitionsFrom(from, { evidenceRequired: node.evidenceRequired === true });
      const why = to === "DONE" && node.evidenceRequired === true ? " This item needs evidence: it is done when a mentor approves it." : "";
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
    const { status, summary, events } = await settleCompletion(tx, ctx, { ...assignment, status: locked.status }, from !== to);
    const updated = {
      type: "progress.updated",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignmentId,
      payload: { assignmentId, key, from, to, ...(input.note !== undefined && { noteChanged: true }), ...(input.links !== undefined && { linksChanged: true }) },
    };
    await recordEvents(tx, organizationId, [updated, ...events]);
    return { item: toItemProgress(row), assignment: { id: assignmentId, status, progress: summary.track } };
  });
}

