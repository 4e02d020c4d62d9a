/** An attempt's GitHub check as the API shows it (decision 0034). */
import { z } from "zod";
import { CHECK_PROBLEMS, PROBLEM_TEXT, checkFactsSchema } from "./check-outcome";
import type { CheckProblem } from "./check-outcome";

export const VERIFICATION_STATUSES = ["PENDING", "VERIFIED", "WARNING", "ERROR"] as const;

export const verificationSchema = z
  .object({
    status: z.enum(VERIFICATION_STATUSES),
    problem: z.enum(CHECK_PROBLEMS).nullable().meta({ description: "Why it is not verified; null when verified or being checked." }),
    message: z.string().nullable().meta({ description: 'The problem in words, e.g. "authored by someone else".' }),
    facts: checkFactsSchema.nullable().meta({ description: "What GitHub said; null before the first answer or when the repository is not visible." }),
    checkedAt: z.date().nullable(),
  })
  .meta({ description: "The GitHub check of a pull request or commit link; null for other evidence." });
export type VerificationOut = z.output<typeof verificationSchema>;

export const verificationSelect = { status: true, problem: true, facts: true, checkedAt: true } as const;

export function toVerificationOut(row: { status: VerificationOut["status"]; problem: string | null; facts: unknown; checkedAt: Date | null } | null): VerificationOut | null {
  if (row === null) return null;
  const problem = (CHECK_PROBLEMS as readonly string[]).includes(row.problem ?? "") ? (row.problem as CheckProblem) : null;
  const facts = checkFactsSchema.safeParse(row.facts);
  return { status: row.status, problem, message: problem ? PROBLEM_TEXT[problem] : null, facts: facts.success ? facts.data : null, checkedAt: row.checkedAt };
}
