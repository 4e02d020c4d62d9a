/** An attempt's GitHub check in words, for its badge (decision 0034). */
import type { AttemptJson } from "./types";
import { formatDate } from "@/lib/time/format";
import type { FormatPlace } from "@/lib/time/format";

export type VerificationJson = NonNullable<AttemptJson["verification"]>;
export type VerificationTone = "success" | "warning" | "danger" | "neutral";


const CHECKS: Record<NonNullable<VerificationJson["facts"]>["checks"]["summary"], string> = {
  passing: "checks passing",
  failing: "checks failing",
  pending: "checks still running",
  none: "no checks",
  unknown: "checks not visible",
};

/** `place`: where the dates are read (useDatePlace() when rendering; lib/time/format.ts). */
export function verificationText(verification: VerificationJson, place: FormatPlace = {}): { tone: VerificationTone; text: string } {
  const facts = verification.facts;
  if (verification.status === "PENDING") {
    return { tone: "neutral", text: verification.problem === "rate-limited" ? "Waiting for GitHub's rate limit; checking again soon" : "Checking with GitHub…" };
  }
  if (verification.status === "ERROR") return { tone: "danger", text: `Could not check with GitHub: ${verification.message ?? "unknown error"}` };
  const checks = facts ? CHECKS[facts.checks.summary] : null;
  if (verification.status === "VERIFIED" && facts) {
    if (facts.kind === "pull") {
      const who = facts.mergedBy ? ` by @${facts.mergedBy.login}` : "";
      const when = facts.mergedAt ? ` on ${formatDate(facts.mergedAt, place)}` : "";
      return { tone: "success", text: `Verified: merged${who}${when}, ${checks}` };
    }
    const when = facts.committedAt ? ` on ${formatDate(facts.committedAt, place)}` : "";
    return { tone: "success", text: `Verified: committed by @${facts.author?.login ?? "?"}${when}, ${checks}` };
  }
  let detail = verification.message ?? "not verified";
  if (verification.problem === "other-author") detail += facts?.author ? ` (@${facts.author.login})` : " (no GitHub account on it)";
  if (verification.problem === "not-merged" && facts?.state) detail += facts.state === "open" ? " (still open)" : " (closed without merging)";
  return { tone: "warning", text: `Not verified: ${detail}` };
}
