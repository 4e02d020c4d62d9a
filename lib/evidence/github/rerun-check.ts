import { getDb } from "@/lib/db/client";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import { requestEvidenceCheck } from "./request-check";
import { toVerificationOut, verificationSelect } from "./verification-out";

/**
 * "Check again": anyone who sees the attempt (its hire, their mentors, the
 * organization's owners and admins) asks GitHub again, e.g. after linking
 * their account or once the pull request is merged. Another organization's
 * attempt, or one outside the caller's view, is a 404. The endpoint is rate
 * limited; the check itself runs in the background (evidence-check-job.ts).
 */
export async function rerunEvidenceCheck(ctx: OrgContext, attemptId: string) {
  const organizationId = ctx.organization.id;
  return getDb().$transaction(async (tx) => {
    const attempt = await tx.evidenceAttempt.findFirst({ where: { id: attemptId, organizationId }, select: { id: true, link: true, assignmentId: true } });
    if (!attempt) throw notFound("attempt");
    await findAssignmentForWrite(ctx, attempt.assignmentId, tx);
    if (!(await requestEvidenceCheck(tx, organizationId, attempt))) {
      throw invalidInput("params.attemptId", "This attempt's link is not a GitHub pull request or commit, so there is nothing to check.");
    }
    const check = await tx.evidenceCheck.findUniqueOrThrow({ where: { organizationId_attemptId: { organizationId, attemptId } }, select: verificationSelect });
    ctx.log.info({ attemptId }, "GitHub check requested again");
    return toVerificationOut(check)!;
  });
}
