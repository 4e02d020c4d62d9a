import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import { can } from "@/lib/authz/policy";
import { notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import { progressTree } from "@/lib/progress/version-trees";
import { isMentorOf, mayReview } from "./access";
import { withCurrentAttemptHtml } from "./attempt-html";
import { attemptSelect, toAttemptOut } from "./attempt-out";

/**
 * An item's attempts, newest first, for anyone who sees the assignment, with what
 * the caller may do next. An item no longer in the version (after an upgrade)
 * still shows the attempts it had; a key that never had any and is not in the tree is a 404.
 */
export async function listItemEvidence(ctx: OrgContext, assignmentId: string, key: string) {
  const db = getDb();
  const assignment = await findAssignmentForWrite(ctx, assignmentId, db);
  const [rows, tree, isMentor] = await Promise.all([
    db.evidenceAttempt.findMany({ where: { organizationId: ctx.organization.id, assignmentId, stableKey: key }, orderBy: { number: "desc" }, select: attemptSelect }),
    progressTree(prismaRunner(db), ctx.organization.id, assignment.versionId),
    isMentorOf(db, ctx, assignmentId),
  ]);
  const node = tree.find((candidate) => candidate.key === key);
  if (rows.length === 0 && node?.kind !== "ITEM") throw notFound("item");
  const latest = rows[0];
  const open = assignment.status !== "ARCHIVED";
  return {
    items: (await withCurrentAttemptHtml(ctx, rows)).map((row) => toAttemptOut(row, ctx.organization.slug)),
    canSubmit: open && node?.kind === "ITEM" && assignment.assigneeId === ctx.user.id && latest?.status !== "SUBMITTED" && latest?.status !== "APPROVED",
    canReview:
      open && latest?.status === "SUBMITTED" && latest.submittedBy.id !== ctx.user.id && can(ctx.membership.role, "evidence.review") && mayReview(ctx, isMentor),
  };
}
