import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import { progressTree } from "@/lib/progress/version-trees";
import { keysUnder } from "./review-queue";
import { reviewAttempt } from "./review-evidence";
import type { BulkApproveInput } from "./schema";

/**
 * Approves several waiting attempts at once, all or nothing: the chosen ones, or
 * every one a hire has waiting under a section. Each goes through the single
 * review (its checks, item, events, notification); the first that cannot be
 * approved refuses the whole request, naming it in `details.attemptId`.
 */
export async function bulkApprove(ctx: OrgContext, input: BulkApproveInput) {
  return getDb().$transaction(
    async (tx) => {
      const attemptIds = input.attemptIds ? [...new Set(input.attemptIds)] : await sectionAttempts(ctx, input.assignmentId!, input.sectionKey!);
      const approved = [];
      const assignments = new Map<string, Awaited<ReturnType<typeof reviewAttempt>>["assignment"]>();
      for (const attemptId of attemptIds) {
        try {
          const result = await reviewAttempt(tx, ctx, attemptId, { decision: "APPROVE" });
          approved.push(result.attempt);
          assignments.set(result.assignment.id, result.assignment);
        } catch (error) {
          if (error instanceof AppError) throw new AppError(error.code, error.message, { ...(error.details as object | undefined), attemptId });
          throw error;
        }
      }
      ctx.log.info({ approved: approved.length }, "evidence approved in bulk");
      return { approved, assignments: [...assignments.values()] };
    },
    { timeout: 30_000 },
  );
}

/** A hire's waiting attempts under a section, oldest first (others' own submissions are left to their reviewers). */
async function sectionAttempts(ctx: OrgContext, assignmentId: string, sectionKey: string): Promise<string[]> {
  const db = getDb();
  const assignment = await findAssignmentForWrite(ctx, assignmentId, db);
  const tree = await progressTree(prismaRunner(db), ctx.organization.id, assignment.versionId);
  if (!tree.some((node) => node.key === sectionKey && node.kind === "SECTION")) throw notFound("section");
  const rows = await db.evidenceAttempt.findMany({
    where: { organizationId: ctx.organization.id, assignmentId, status: "SUBMITTED", submittedById: { not: ctx.user.id }, stableKey: { in: keysUnder([tree], sectionKey) } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
