/**
 * An item flagged "evidence must be verified on GitHub" (TrackNode.verificationRequired)
 * takes an approval only of an attempt whose GitHub check says VERIFIED (decision 0034).
 * Anything else (no GitHub link, still checking, a warning, an error) is a 409 that
 * says why; requesting changes is always allowed. Items without the flag show the
 * check to the reviewer and approve as before.
 */
import type { DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { PROBLEM_TEXT } from "./check-outcome";
import type { CheckProblem } from "./check-outcome";

export async function assertApprovable(
  tx: DbClient,
  scope: { organizationId: string; versionId: string; stableKey: string; attemptId: string },
  check: { status: string; problem: string | null } | null,
): Promise<void> {
  const node = await tx.trackNode.findFirst({
    where: { organizationId: scope.organizationId, versionId: scope.versionId, stableKey: scope.stableKey },
    select: { verificationRequired: true },
  });
  if (!node?.verificationRequired || check?.status === "VERIFIED") return;
  const why =
    check === null
      ? "its evidence is not a GitHub pull request or commit"
      : check.status === "PENDING"
        ? "GitHub is still being checked"
        : `GitHub says: ${PROBLEM_TEXT[check.problem as CheckProblem] ?? "not verified"}`;
  throw new AppError("CONFLICT", `This item needs evidence verified on GitHub before it is approved, and ${why}. Request changes, or check again.`, {
    attemptId: scope.attemptId,
    verification: check?.status ?? null,
  });
}
