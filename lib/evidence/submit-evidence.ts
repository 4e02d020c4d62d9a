import type { DbClient } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import { AppError, invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import { archivedAssignment, currentItemState, lockForProgress, setItemState, settleCompletion } from "@/lib/progress/progress-write";
import type { AssignmentEvent } from "@/lib/progress/progress-write";
import { currentMentorIds } from "@/lib/assignments/mentoring";
import { progressTree } from "@/lib/progress/version-trees";
import { notify } from "@/lib/notifications/notify";
import { assertSubmitter } from "./access";
import { attemptHtmlColumns } from "./attempt-html";
import { attemptSelect, toAttemptOut } from "./attempt-out";
import { requestEvidenceCheck } from "./github/request-check";
import type { AttemptOut, SubmitEvidenceInput } from "./schema";

/** A file already written to the storage (lib/evidence/evidence-files.ts), to be recorded with the attempt. */
export interface StoredFileRow {
  name: string;
  mime: string;
  size: number;
  storageKey: string;
}

/**
 * The hire submits an attempt at an item: a link, a note and/or files. One attempt
 * waits at a time, and an approved item takes no more (409). Runs in the
 * caller's transaction (the Idempotency-Key's), with the assignment locked so two
 * submissions cannot both be attempt n. A first attempt starts a not-started
 * item. Notifies the mentors (and emails them, batched). Records evidence.submitted
 * (and progress.updated when the item started).
 */
export async function submitEvidence(
  tx: DbClient,
  ctx: OrgContext,
  assignmentId: string,
  key: string,
  input: SubmitEvidenceInput,
  files: ReadonlyArray<StoredFileRow> = [],
): Promise<AttemptOut> {
  const organizationId = ctx.organization.id;
  if (input.link === undefined && input.note === undefined && files.length === 0) throw invalidInput("body.link", "Add a link, a note or a file.");
  const runner = prismaRunner(tx);
  const assignment = await findAssignmentForWrite(ctx, assignmentId, tx);
  assertSubmitter(ctx, assignment);
  if (assignment.status === "ARCHIVED") throw archivedAssignment();
  const node = (await progressTree(runner, organizationId, assignment.versionId)).find((candidate) => candidate.key === key);
  if (!node) throw notFound("item");
  if (node.kind !== "ITEM") throw invalidInput("params.key", "Sections take no evidence of their own; submit it on an item.");

  await lockForProgress(tx, organizationId, assignmentId);
  const latest = await tx.evidenceAttempt.findFirst({ where: { assignmentId, stableKey: key }, orderBy: { number: "desc" }, select: { number: true, status: true } });
  if (latest?.status === "SUBMITTED") throw new AppError("CONFLICT", `Attempt ${latest.number} is waiting for review; you can resubmit if changes are requested.`);
  if (latest?.status === "APPROVED") throw new AppError("CONFLICT", "This item's evidence is approved; it takes no more attempts.");

  const row = await tx.evidenceAttempt.create({
    data: {
      organizationId,
      assignmentId,
      stableKey: key,
      number: (latest?.number ?? 0) + 1,
      link: input.link ?? null,
      note: input.note ?? null,
      ...attemptHtmlColumns(input.note ?? null),
      submittedById: ctx.user.id,
      // Each file takes the attempt's organizationId with its id (the composite key to its attempt).
      files: { create: files.map((file) => ({ name: file.name, mime: file.mime, size: file.size, storageKey: file.storageKey })) },
    },
    select: attemptSelect,
  });
  // A GitHub pull request or commit is checked in the background (decision 0034): the attempt answers with its check pending.
  const checked = await requestEvidenceCheck(tx, organizationId, row);
  const attempt = checked ? { ...row, githubCheck: { status: "PENDING" as const, problem: null, facts: null, checkedAt: null } } : row;
  const events: AssignmentEvent[] = [];
  const from = await currentItemState(runner, assignmentId, key);
  if (from === "NOT_STARTED") {
    await setItemState(runner, ctx, { assignmentId, key, state: "IN_PROGRESS" });
    events.push({ type: "progress.updated", actorId: ctx.user.id, subjectType: "assignment", subjectId: assignmentId, payload: { assignmentId, key, from, to: "IN_PROGRESS", via: "evidence" } });
  }
  events.push({
    type: "evidence.submitted",
    actorId: ctx.user.id,
    subjectType: "assignment",
    subjectId: assignmentId,
    payload: { assignmentId, key, attemptId: row.id, number: row.number, hasLink: row.link !== null, hasNote: row.note !== null, files: files.length },
  });
  const mentors = await currentMentorIds(tx, assignmentId);
  await notify(tx, {
    organizationId,
    type: "evidence.submitted",
    actorId: ctx.user.id,
    assignmentId,
    stableKey: key,
    payload: { itemTitle: node.title, number: row.number, attemptId: row.id },
    recipients: mentors,
  });
  // The dashboards' counts (the item may have started) and the hire's last activity; no state can complete it here.
  await settleCompletion(runner, ctx, assignment, false);
  await recordEvents(runner, organizationId, events);
  ctx.log.info({ assignmentId, key, attemptId: row.id, number: row.number }, "evidence submitted");
  return toAttemptOut(attempt, ctx.organization.slug);
}
