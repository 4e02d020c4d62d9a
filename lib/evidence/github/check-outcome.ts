/**
 * What GitHub says about a pull request or commit link, judged against the
 * hire's linked GitHub account (decision 0034). Verified: the pull request or
 * commit exists in a repository the check can see, its author is the hire, a
 * pull request is merged, and no check of its head commit failed. Anything
 * else is a warning naming the first problem, with every fact found. Transient
 * GitHub failures are thrown (GitHubError) for the job to retry.
 */
import { z } from "zod";
import type { EvidenceLink } from "@/lib/evidence/evidence-link";
import { GitHubError, repoPath } from "./github-client";
import type { GitHubClient } from "./github-client";

export const CHECK_PROBLEMS = [
  "not-linked",
  "other-author",
  "not-merged",
  "checks-failing",
  "not-visible",
  "rate-limited",
  "unavailable",
  "token-refused",
  "bad-response",
] as const;
export type CheckProblem = (typeof CHECK_PROBLEMS)[number];

/** Words for each problem, shared by the API's consumers and the badge. */
export const PROBLEM_TEXT: Record<CheckProblem, string> = {
  "not-linked": "hire has not linked GitHub",
  "other-author": "authored by someone else",
  "not-merged": "not merged",
  "checks-failing": "checks failing",
  "not-visible": "repository not visible",
  "rate-limited": "GitHub's rate limit was reached; checking again later",
  unavailable: "GitHub did not answer",
  "token-refused": "GitHub refused the organization's token",
  "bad-response": "GitHub's answer could not be read",
};

const person = z.object({ login: z.string(), id: z.number() });
export const CHECKS_SUMMARIES = ["passing", "failing", "pending", "none", "unknown"] as const;

export const checkFactsSchema = z.object({
  kind: z.enum(["pull", "commit"]),
  repository: z.string().meta({ description: "owner/name as GitHub spells it." }),
  number: z.number().nullable(),
  sha: z.string().meta({ description: "The commit, or the pull request's head commit." }),
  title: z.string().nullable(),
  url: z.string().nullable(),
  state: z.enum(["open", "closed", "merged"]).nullable().meta({ description: "A pull request's state; null for a commit." }),
  author: person.nullable().meta({ description: "The GitHub account that opened the pull request or authored the commit; null when GitHub knows none." }),
  mergedBy: person.nullable(),
  mergedAt: z.string().nullable(),
  committedAt: z.string().nullable(),
  checks: z.object({ summary: z.enum(CHECKS_SUMMARIES), passed: z.number(), failed: z.number(), pending: z.number() }),
});
export type CheckFacts = z.output<typeof checkFactsSchema>;

export interface LinkedGitHub {
  githubId: number;
  login: string;
}

export type CheckOutcome = { status: "VERIFIED" | "WARNING"; problem: CheckProblem | null; facts: CheckFacts | null };

/** The parts of a link the check reads (a github-pull or github-commit link). */
export type GitHubTarget = Pick<EvidenceLink, "kind" | "repository" | "number" | "sha">;

export function isGitHubTarget(link: Pick<EvidenceLink, "kind">): boolean {
  return link.kind === "github-pull" || link.kind === "github-commit";
}

export async function checkGitHubEvidence(client: GitHubClient, target: GitHubTarget, hire: LinkedGitHub | null): Promise<CheckOutcome> {
  let facts: CheckFacts;
  try {
    facts = target.kind === "github-pull" ? await pullFacts(client, target) : await commitFacts(client, target);
  } catch (error) {
    if (error instanceof GitHubError && error.kind === "not-found") return { status: "WARNING", problem: "not-visible", facts: null };
    throw error;
  }
  const problem = firstProblem(facts, hire);
  return { status: problem === null ? "VERIFIED" : "WARNING", problem, facts };
}

function firstProblem(facts: CheckFacts, hire: LinkedGitHub | null): CheckProblem | null {
  if (hire === null) return "not-linked";
  if (facts.author === null || facts.author.id !== hire.githubId) return "other-author";
  if (facts.kind === "pull" && facts.state !== "merged") return "not-merged";
  if (facts.checks.summary === "failing") return "checks-failing";
  return null;
}

const userSchema = z.object({ login: z.string().max(100), id: z.number().int() }).nullable().optional().catch(null);
const pullSchema = z.object({
  number: z.number().int(),
  title: z.string().max(1000).nullable().catch(null),
  html_url: z.string().max(2048).nullable().catch(null),
  state: z.enum(["open", "closed"]),
  merged: z.boolean().nullable().optional(),
  merged_at: z.string().max(64).nullable().optional(),
  user: userSchema,
  merged_by: userSchema,
  head: z.object({ sha: z.string().regex(/^[0-9a-f]{40,64}$/) }),
  base: z.object({ repo: z.object({ full_name: z.string().max(201) }).nullable().optional() }),
});
const commitSchema = z.object({
  sha: z.string().regex(/^[0-9a-f]{40,64}$/),
  html_url: z.string().max(2048).nullable().catch(null),
  author: userSchema,
  commit: z.object({ message: z.string().nullable().catch(null), author: z.object({ date: z.string().max(64).nullable().optional() }).nullable().optional() }),
});
const statusSchema = z.object({ state: z.string(), statuses: z.array(z.object({ state: z.string() })).catch([]) });
const checkRunsSchema = z.object({ check_runs: z.array(z.object({ status: z.string(), conclusion: z.string().nullable().optional() })).catch([]) });

function parsed<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new GitHubError("bad-response", "GitHub's answer did not have the expected fields");
  return result.data;
}

const personOf = (user: { login: string; id: number } | null | undefined) => (user ? { login: user.login, id: user.id } : null);

async function pullFacts(client: GitHubClient, target: GitHubTarget): Promise<CheckFacts> {
  const base = repoPath(target.repository!);
  const pull = parsed(pullSchema, await client.get(`${base}/pulls/${target.number}`));
  const merged = pull.merged === true || (pull.merged_at ?? null) !== null;
  return {
    kind: "pull",
    repository: pull.base.repo?.full_name ?? target.repository!,
    number: pull.number,
    sha: pull.head.sha,
    title: pull.title,
    url: pull.html_url,
    state: merged ? "merged" : pull.state,
    author: personOf(pull.user),
    mergedBy: merged ? personOf(pull.merged_by) : null,
    mergedAt: merged ? (pull.merged_at ?? null) : null,
    committedAt: null,
    checks: await checksOf(client, base, pull.head.sha),
  };
}

async function commitFacts(client: GitHubClient, target: GitHubTarget): Promise<CheckFacts> {
  const base = repoPath(target.repository!);
  const commit = parsed(commitSchema, await client.get(`${base}/commits/${target.sha}`));
  return {
    kind: "commit",
    repository: target.repository!,
    number: null,
    sha: commit.sha,
    title: commit.commit.message?.split("\n", 1)[0]?.slice(0, 200) ?? null,
    url: commit.html_url,
    state: null,
    author: personOf(commit.author),
    mergedBy: null,
    mergedAt: null,
    committedAt: commit.commit.author?.date ?? null,
    checks: await checksOf(client, base, commit.sha),
  };
}

const FAILED_CONCLUSIONS = new Set(["failure", "cancelled", "timed_out", "action_required", "startup_failure", "stale"]);

/** The head commit's combined status and check runs, counted together. A repository that hides them gives "unknown". */
async function checksOf(client: GitHubClient, base: string, sha: string): Promise<CheckFacts["checks"]> {
  let status: z.output<typeof statusSchema>;
  let runs: z.output<typeof checkRunsSchema>;
  try {
    status = parsed(statusSchema, await client.get(`${base}/commits/${sha}/status`));
    runs = parsed(checkRunsSchema, await client.get(`${base}/commits/${sha}/check-runs?per_page=100`));
  } catch (error) {
    if (error instanceof GitHubError && (error.kind === "not-found" || error.kind === "refused")) return { summary: "unknown", passed: 0, failed: 0, pending: 0 };
    throw error;
  }
  let passed = 0;
  let failed = 0;
  let pending = 0;
  for (const entry of status.statuses) {
    if (entry.state === "success") passed += 1;
    else if (entry.state === "failure" || entry.state === "error") failed += 1;
    else pending += 1;
  }
  for (const run of runs.check_runs) {
    if (run.status !== "completed") pending += 1;
    else if (FAILED_CONCLUSIONS.has(run.conclusion ?? "")) failed += 1;
    else passed += 1;
  }
  const summary = failed > 0 ? "failing" : pending > 0 ? "pending" : passed > 0 ? "passing" : "none";
  return { summary, passed, failed, pending };
}
