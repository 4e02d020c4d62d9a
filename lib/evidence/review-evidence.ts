import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { prismaRunner, sql } from "@/lib/db/sql";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import { currentItemState, lockForProgress, setItemState, settleCompletion } from "@/lib/progress/progress-write";
import type { AssignmentEvent } from "@/lib/progress/progress-write";
import { toItemProgress } from "@/lib/assignments/read-assignment";
import { progressTree } from "@/lib/progress/version-trees";
import { notify } from "@/lib/notifications/notify";
import { assertReviewer, isMentorOf } from "./access";
import { reviewHtmlColumns } from "./attempt-html";
import { assertApprovable } from "./github/approval-rule";
import { attemptSelect, toAttemptOut } from "./attempt-out";
import type { ReviewEvidenceInput } from "./schema";

const STATUS_WORDS = { SUBMITTED: "waiting", APPROVED: "approved", CHANGES_REQUESTED: "sent back with changes requested" } as const;

/**
 * A mentor (or an admin) closes a waiting attempt: approved, which marks the item
 * done and may complete the assignment, or changes requested, with a comment.
 * One transaction with the assignment locked, so two reviewers cannot both
 * review one attempt: the second gets a 422 naming what happened. The hire is
 * notified (and emailed). Records
 * evidence.reviewed (and progress.updated when the item became done).
 */
export function reviewEvidence(ctx: OrgContext, attemptId: string, input: ReviewEvidenceInput) {
  return getDb().$transaction((tx) => reviewAttempt(tx, ctx, attemptId, input));
}

/** One review inside the caller's transaction (a single review, or each of a bulk approval). */
export async function reviewAttempt(tx: DbClient, ctx: OrgContext, attemptId: string, input: ReviewEvidenceInput) {
  const organizationId = ctx.organization.id;
  const runner = prismaRunner(tx);
  const found = await tx.evidenceAttempt.findFirst({ where: { id: attemptId, organizationId }, select: { assignmentId: true } });
  if (!found) throw notFound("attempt");
  // Outside the caller's view of assignments, the attempt does not exist either.
  const assignment = await findAssignmentForWrite(ctx, found.assignmentId, tx);
  const locked = await lockForProgress(tx, organizationId, assignment.id);
  const attempt = await tx.evidenceAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: attemptSelect });
  assertReviewer(ctx, await isMentorOf(tx, ctx, assignment.id), attempt);
  if (attempt.status !== "SUBMITTED") {
    throw invalidInput("body.decision", `Attempt ${attempt.number} was already ${STATUS_WORDS[attempt.status]}; only a waiting attempt is reviewed.`, {
      status: attempt.status,
      allowed: [],
    });
  }

  const approved = input.decision === "APPROVE";
  if (approved) {
    await assertApprovable(tx, { organizationId, versionId: assignment.versionId, stableKey: attempt.stableKey, attemptId }, attempt.githubCheck);
  }
  const html = reviewHtmlColumns(attempt, input.comment ?? null);
  await runner.rows(sql`
    UPDATE "EvidenceAttempt" SET status = ${approved ? "APPROVED" : "CHANGES_REQUESTED"}::"EvidenceStatus", "reviewedById" = ${ctx.user.id},
      "reviewedAt" = date_trunc('milliseconds', now() AT TIME ZONE 'UTC'), "reviewComment" = ${input.comment ?? null},
      "noteHtml" = ${html.noteHtml}, "reviewCommentHtml" = ${html.reviewCommentHtml}, "htmlRenderer" = ${html.htmlRenderer},
      "updatedAt" = date_trunc('milliseconds', now() AT TIME ZONE 'UTC')
    WHERE id = ${attemptId}`);
  const events: AssignmentEvent[] = [];
  let item = null;
  let stateChanged = false;
  if (approved) {
    const from = await currentItemState(runner, assignment.id, attempt.stableKey);
    item = toItemProgress(await setItemState(runner, ctx, { assignmentId: assignment.id, key: attempt.stableKey, state: "DONE" }));
    stateChanged = from !== "DONE";
    if (stateChanged) {
      events.push({ type: "progress.updated", actorId: ctx.user.id, subjectType: "assignment", subjectId: assignment.id, payload: { assignmentId: assignment.id, key: attempt.stableKey, from, to: "DONE", via: "evidence" } });
    }
  }
  const settled = await settleCompletion(runner, ctx, { ...assignment, status: locked.status }, stateChanged);
  events.unshift({
    type: "evidence.reviewed",
    actorId: ctx.user.id,
    subjectType: "assignment",
    subjectId: assignment.id,
    payload: { assignmentId: assignment.id, key: attempt.stableKey, attemptId, number: attempt.number, decision: input.decision, submittedById: attempt.submittedBy.id },
  });
  const itemTitle = (await progressTree(runner, organizationId, assignment.versionId)).find((node) => node.key === attempt.stableKey)?.title ?? attempt.stableKey;
  await notify(tx, {
    organizationId,
    type: "evidence.reviewed",
    actorId: ctx.user.id,
    assignmentId: assignment.id,
    stableKey: attempt.stableKey,
    payload: { itemTitle, number: attempt.number, attemptId, decision: input.decision, comment: input.comment ?? null },
    recipients: [attempt.submittedBy.id],
  });
  await recordEvents(runner, organizationId, [...events, ...settled.events]);
  ctx.log.info({ assignmentId: assignment.id, attemptId, decision: input.decision }, "evidence reviewed");
  const reviewed = await tx.evidenceAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: attemptSelect });
  return { attempt: toAttemptOut(reviewed, ctx.organization.slug), item, assignment: { id: assignment.id, status: settled.status, progress: settled.summary.track } };
}
