/**
 * The job that checks an attempt's GitHub link (decision 0034). It reads the
 * attempt, the hire's linked GitHub account and the organization's token,
 * asks GitHub (github-client.ts; only GITHUB_API_URL) and stores the outcome on
 * the attempt's EvidenceCheck row. It never blocks a submission: the row is
 * PENDING until it runs. GitHub's rate limit defers it (a new job that starts
 * when GitHub says it may, up to MAX_DEFERRALS times); 5xx and timeouts fail
 * the run, so the job's retry policy tries again, and on the last attempt the
 * check is stored as an ERROR a person can rerun ("Check again").
 * Safe to run twice: each run writes the outcome of the request it belongs to
 * (`requestedAt`), and a newer request's job supersedes an older one's.
 */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineJob } from "@/lib/jobs/define-job";
import type { JobContext } from "@/lib/jobs/define-job";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";
import { parseEvidenceLink } from "@/lib/evidence/evidence-link";
import { checkGitHubEvidence, isGitHubTarget } from "./check-outcome";
import type { CheckProblem } from "./check-outcome";
import { GitHubClient, GitHubError } from "./github-client";

export const EVIDENCE_CHECK_JOB = "evidence.github-check";
/** Rate-limit deferrals before the check gives up with an error (each waits until GitHub's reset, at most an hour). */
export const MAX_DEFERRALS = 5;

const payloadSchema = z.object({
  organizationId: z.string().min(1),
  attemptId: z.string().min(1),
  /** The request this run belongs to (EvidenceCheck.requestedAt, ISO). */
  requestedAt: z.string().min(1),
  deferrals: z.number().int().min(0).default(0),
});
export type EvidenceCheckPayload = z.input<typeof payloadSchema>;

export const evidenceCheckJob = defineJob({
  name: EVIDENCE_CHECK_JOB,
  payload: payloadSchema,
  // 30 s, 1 min, 2 min, 4 min, 8 min: GitHub's outages are mostly short.
  retry: { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 600 },
  handler: runEvidenceCheck,
});

type Payload = z.output<typeof payloadSchema>;

export async function runEvidenceCheck(payload: Payload, ctx: JobContext): Promise<void> {
  const db = getDb();
  const check = await db.evidenceCheck.findUnique({
    where: { organizationId_attemptId: { organizationId: payload.organizationId, attemptId: payload.attemptId } },
    select: { requestedAt: true, attempt: { select: { link: true, submittedById: true } } },
  });
  // The attempt was deleted, or someone asked again since: that request's job does the work.
  if (!check || check.requestedAt.toISOString() !== payload.requestedAt) return;
  const link = check.attempt.link === null ? null : parseEvidenceLink(check.attempt.link);
  if (!link?.ok || !isGitHubTarget(link)) return;

  const [identity, settings] = await Promise.all([
    db.gitHubIdentity.findUnique({ where: { userId: check.attempt.submittedById }, select: { githubId: true, login: true } }),
    db.organizationGitHubSettings.findUnique({ where: { organizationId: payload.organizationId }, select: { sealedToken: true } }),
  ]);
  let token: string | null = null;
  if (settings) {
    try {
      token = openSealedSecret(settings.sealedToken);
    } catch (error) {
      // NEXTAUTH_SECRET changed since the token was saved: an owner must save it again.
      ctx.log.error({ err: error, organizationId: payload.organizationId }, "the organization's GitHub token cannot be opened");
      return store(payload, { status: "ERROR", problem: "token-refused", facts: null });
    }
  }

  await bumpTries(payload);
  try {
    const hire = identity ? { githubId: Number(identity.githubId), login: identity.login } : null;
    const outcome = await checkGitHubEvidence(new GitHubClient({ token }), link, hire);
    await store(payload, outcome);
    ctx.log.info({ attemptId: payload.attemptId, status: outcome.status, problem: outcome.problem }, "evidence checked against GitHub");
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    await handleGitHubFailure(payload, ctx, error, token !== null);
  }
}

async function handleGitHubFailure(payload: Payload, ctx: JobContext, error: GitHubError, withToken: boolean): Promise<void> {
  ctx.log.warn({ attemptId: payload.attemptId, kind: error.kind, message: error.message }, "GitHub check failed");
  if (error.kind === "rate-limited") {
    if (payload.deferrals >= MAX_DEFERRALS) return store(payload, { status: "ERROR", problem: "rate-limited", facts: null });
    await store(payload, { status: "PENDING", problem: "rate-limited", facts: null });
    // A new job that starts when GitHub takes requests again; this one ends well (it did its part).
    await getJobQueue().boss.send(EVIDENCE_CHECK_JOB, { ...payload, deferrals: payload.deferrals + 1 }, { startAfter: error.retryAfterSeconds ?? 60 });
    return;
  }
  if (error.kind === "unavailable") {
    if (ctx.lastAttempt === false) {
      await store(payload, { status: "PENDING", problem: "unavailable", facts: null });
      throw error;
    }
    return store(payload, { status: "ERROR", problem: "unavailable", facts: null });
  }
  // 401/403 with a token: the token is wrong or lacks access. Without one, GitHub refused an anonymous call.
  const problem: CheckProblem = error.kind === "refused" ? (withToken ? "token-refused" : "not-visible") : error.kind === "not-found" ? "not-visible" : "bad-response";
  return store(payload, { status: problem === "not-visible" ? "WARNING" : "ERROR", problem, facts: null });
}

async function bumpTries(payload: Payload): Promise<void> {
  await getDb().evidenceCheck.updateMany({
    where: { organizationId: payload.organizationId, attemptId: payload.attemptId, requestedAt: new Date(payload.requestedAt) },
    data: { tries: { increment: 1 } },
  });
}

/** Writes the outcome, unless a newer request replaced this one meanwhile. */
async function store(
  payload: Payload,
  outcome: { status: "PENDING" | "VERIFIED" | "WARNING" | "ERROR"; problem: CheckProblem | null; facts: object | null },
): Promise<void> {
  await getDb().evidenceCheck.updateMany({
    where: { organizationId: payload.organizationId, attemptId: payload.attemptId, requestedAt: new Date(payload.requestedAt) },
    data: {
      status: outcome.status,
      problem: outcome.problem,
      facts: (outcome.facts ?? undefined) as Prisma.InputJsonValue | undefined,
      checkedAt: outcome.status === "PENDING" ? undefined : new Date(),
    },
  });
}
