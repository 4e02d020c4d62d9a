/**
 * Starting a GitHub check of an attempt (decision 0034): on submission, when the
 * link is a GitHub pull request or commit, and again on "Check again". The row
 * is set to PENDING and the job is enqueued in the caller's transaction, so a
 * check exists exactly for attempts that exist.
 */
import type { DbClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { parseEvidenceLink } from "@/lib/evidence/evidence-link";
import { isGitHubTarget } from "./check-outcome";
import { evidenceCheckJob } from "./evidence-check-job";

/** Whether the stored link is one GitHub can check. */
export function isCheckableLink(link: string | null): boolean {
  if (link === null) return false;
  const parsed = parseEvidenceLink(link);
  return parsed.ok && isGitHubTarget(parsed);
}

/** Marks the attempt's check pending and enqueues the job; does nothing for other links. Returns whether it did. */
export async function requestEvidenceCheck(tx: DbClient, organizationId: string, attempt: { id: string; link: string | null }): Promise<boolean> {
  if (!isCheckableLink(attempt.link)) return false;
  // Millisecond precision: the job compares the ISO string with the stored timestamp(3).
  const requestedAt = new Date(Math.floor(Date.now()));
  await tx.evidenceCheck.upsert({
    where: { organizationId_attemptId: { organizationId, attemptId: attempt.id } },
    create: { organizationId, attemptId: attempt.id, requestedAt },
    update: { status: "PENDING", problem: null, facts: Prisma.DbNull, tries: 0, requestedAt, checkedAt: null },
  });
  await enqueue(tx, evidenceCheckJob, { organizationId, attemptId: attempt.id, requestedAt: requestedAt.toISOString() });
  return true;
}
