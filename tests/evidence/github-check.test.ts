/**
 * Evidence checked against GitHub (decision 0034), end to end through the job
 * queue against the fake GitHub API: each outcome, rate limits and outages,
 * the organization's token, "Check again", and who may ask.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as rerunRoute } from "@/app/api/v1/o/[orgSlug]/evidence/[attemptId]/github-check/route";
import { DELETE as removeTokenRoute, GET as settingsRoute, PUT as setTokenRoute } from "@/app/api/v1/o/[orgSlug]/settings/github/route";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { linkGitHubAccount } from "@/lib/users/github-link";
import { callRoute } from "../support/call-route";
import { startFakeGitHub } from "../support/fake-github";
import type { FakeGitHub } from "../support/fake-github";
import { startTestJobQueue, stopTestJobQueue, waitFor } from "../support/job-queue";
import { updateNode } from "../tracks/edit-fixture";
import { createDraft, createTrack, getVersion, publishVersion } from "../tracks/tracks-fixture";
import { TRACK_TEXT } from "../assignments/assignments-fixture";
import { assignedOrg, bulkApprove, listEvidence, reviewEvidence, reviewQueue, submitEvidence } from "./evidence-fixture";

let github: FakeGitHub;
let queue: JobQueue | undefined;
let nextGitHubId = 5_000_000 + Math.floor(Math.random() * 1_000_000);

beforeAll(async () => {
  github = await startFakeGitHub();
  process.env.GITHUB_API_URL = github.url;
  resetConfig();
  queue = await startTestJobQueue();
});
afterAll(async () => {
  await stopTestJobQueue(queue);
  await github.stop();
  delete process.env.GITHUB_API_URL;
  resetConfig();
});

type Verification = { status: string; problem: string | null; message: string | null; facts: Record<string, unknown> | null; checkedAt: string | null };

/** An organization whose hire linked a GitHub account; `repo` is unique to the test. */
async function linkedOrg(options: { link?: boolean } = {}) {
  const org = await assignedOrg();
  nextGitHubId += 1;
  const hireGitHub = { id: nextGitHubId, login: `hire-${nextGitHubId}` };
  if (options.link ?? true) expect(await linkGitHubAccount(org.hire.userId, hireGitHub)).toEqual({ ok: true });
  return { ...org, hireGitHub, repo: `acme/${org.slug}` };
}

async function submitLink(org: Awaited<ReturnType<typeof linkedOrg>>, link: string) {
  const submitted = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { link });
  expect(submitted.status).toBe(201);
  return submitted.json as { id: string; verification: Verification | null };
}

async function settled(org: Awaited<ReturnType<typeof linkedOrg>>, attemptId: string): Promise<Verification> {
  return waitFor(`the check of ${attemptId}`, async () => {
    const listed = await listEvidence(org.slug, org.mentor.cookie, org.assignmentId, org.key("Loops"));
    const attempt = (listed.json!.items as Array<{ id: string; verification: Verification | null }>).find((item) => item.id === attemptId)!;
    return attempt.verification && attempt.verification.status !== "PENDING" ? attempt.verification : null;
  });
}

const rerun = (slug: string, cookie: string, attemptId: string) =>
  callRoute(rerunRoute, { path: `/api/v1/o/${slug}/evidence/${attemptId}/github-check`, params: { orgSlug: slug, attemptId }, cookie, method: "POST" });

describe("checking a pull request", () => {
  it("verifies a merged pull request by the hire with passing checks, and shows it in the review queue", async () => {
    const org = await linkedOrg();
    const pull = github.addPull({ repository: org.repo, number: 7, author: org.hireGitHub, merged: true, mergedBy: { login: "lead", id: 9 }, checks: { statuses: ["success"], runs: [{ status: "completed", conclusion: "success" }] } });
    const attempt = await submitLink(org, `https://github.com/${org.repo}/pull/7`);
    // The submission never waits for GitHub: it answers with the check pending.
    expect(attempt.verification).toMatchObject({ status: "PENDING", facts: null });
    const verification = await settled(org, attempt.id);
    expect(verification).toMatchObject({
      status: "VERIFIED",
      problem: null,
      facts: { kind: "pull", repository: org.repo, number: 7, sha: pull.headSha, state: "merged", author: org.hireGitHub, mergedBy: { login: "lead" }, checks: { summary: "passing", passed: 2, failed: 0 } },
    });
    expect(verification.checkedAt).not.toBeNull();
    const queued = await reviewQueue(org.slug, org.mentor.cookie);
    expect(queued.json!.items[0].attempt.verification).toMatchObject({ status: "VERIFIED" });
    // Anonymous: no token configured.
    expect(github.requests().filter((request) => request.path.includes(org.repo)).every((request) => request.authorization === null)).toBe(true);
  });

  it("warns: someone else's pull request, an open one, failing checks, an unlinked hire, an invisible repository", async () => {
    const org = await linkedOrg();
    github.addPull({ repository: org.repo, number: 1, author: { login: "someone", id: 42 }, merged: true });
    github.addPull({ repository: org.repo, number: 2, author: org.hireGitHub, state: "open", checks: { runs: [{ status: "in_progress" }] } });
    github.addPull({ repository: org.repo, number: 3, author: org.hireGitHub, merged: true, checks: { statuses: ["success", "failure"] } });
    const cases: Array<[string, string, Record<string, unknown> | null]> = [
      [`https://github.com/${org.repo}/pull/1`, "other-author", { author: { login: "someone", id: 42 } }],
      [`https://github.com/${org.repo}/pull/2`, "not-merged", { state: "open", checks: { summary: "pending", passed: 0, failed: 0, pending: 1 } }],
      [`https://github.com/${org.repo}/pull/3`, "checks-failing", { state: "merged", checks: { summary: "failing", passed: 1, failed: 1, pending: 0 } }],
      [`https://github.com/${org.repo}/pull/404`, "not-visible", null],
    ];
    for (const [link, problem, facts] of cases) {
      const attempt = await submitLink(org, link);
      const verification = await settled(org, attempt.id);
      expect(verification, link).toMatchObject({ status: "WARNING", problem });
      if (facts) expect(verification.facts, link).toMatchObject(facts);
      else expect(verification.facts).toBeNull();
      // Send it back so the next attempt may be submitted.
      await getDb().evidenceAttempt.update({ where: { id: attempt.id }, data: { status: "CHANGES_REQUESTED" } });
    }

    const unlinked = await linkedOrg({ link: false });
    github.addPull({ repository: unlinked.repo, number: 5, author: unlinked.hireGitHub, merged: true });
    const attempt = await submitLink(unlinked, `https://github.com/${unlinked.repo}/pull/5`);
    expect(await settled(unlinked, attempt.id)).toMatchObject({ status: "WARNING", problem: "not-linked", message: "hire has not linked GitHub" });
    // After linking, "Check again" verifies it.
    expect(await linkGitHubAccount(unlinked.hire.userId, unlinked.hireGitHub)).toEqual({ ok: true });
    const again = await rerun(unlinked.slug, unlinked.hire.cookie, attempt.id);
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ status: "PENDING" });
    expect(await settled(unlinked, attempt.id)).toMatchObject({ status: "VERIFIED" });
  });
});

describe("checking a commit", () => {
  it("verifies the hire's commit, and warns about a commit GitHub ties to no one", async () => {
    const org = await linkedOrg();
    const sha = "ab".repeat(20);
    github.addCommit({ repository: org.repo, sha, author: org.hireGitHub, message: "Add loops\n\nbody", checks: { runs: [{ status: "completed", conclusion: "success" }] } });
    const attempt = await submitLink(org, `https://github.com/${org.repo}/commit/${sha.slice(0, 10)}`);
    expect(await settled(org, attempt.id)).toMatchObject({ status: "VERIFIED", facts: { kind: "commit", sha, title: "Add loops", author: org.hireGitHub, checks: { summary: "passing" } } });
    await getDb().evidenceAttempt.update({ where: { id: attempt.id }, data: { status: "CHANGES_REQUESTED" } });

    const orphan = "cd".repeat(20);
    github.addCommit({ repository: org.repo, sha: orphan, author: null });
    const second = await submitLink(org, `https://github.com/${org.repo}/commit/${orphan}`);
    expect(await settled(org, second.id)).toMatchObject({ status: "WARNING", problem: "other-author", facts: { author: null, checks: { summary: "none" } } });
  });

  it("starts no check for other links", async () => {
    const org = await linkedOrg();
    const attempt = await submitLink(org, "https://gitlab.com/acme/api/-/merge_requests/3");
    expect(attempt.verification).toBeNull();
    expect(await getDb().evidenceCheck.count({ where: { attemptId: attempt.id } })).toBe(0);
    const refused = await rerun(org.slug, org.hire.cookie, attempt.id);
    expect(refused.status).toBe(422);
  });
});

describe("GitHub's limits and failures", () => {
  it("waits out a rate limit and retries an outage, never failing the submission", async () => {
    const org = await linkedOrg();
    github.addPull({ repository: org.repo, number: 8, author: org.hireGitHub, merged: true });
    // 429 with retry-after 1: the job defers itself by a second.
    github.rateLimitNext(1, { status: 429, resetInSeconds: 1 });
    const limited = await submitLink(org, `https://github.com/${org.repo}/pull/8`);
    expect(await settled(org, limited.id)).toMatchObject({ status: "VERIFIED" });
    await getDb().evidenceAttempt.update({ where: { id: limited.id }, data: { status: "CHANGES_REQUESTED" } });

    // Two 502s: the job's retries (two in tests) get through.
    github.failNext(2, 502);
    const outage = await submitLink(org, `https://github.com/${org.repo}/pull/8`);
    expect(await settled(org, outage.id)).toMatchObject({ status: "VERIFIED" });
    await getDb().evidenceAttempt.update({ where: { id: outage.id }, data: { status: "CHANGES_REQUESTED" } });

    // An outage longer than the retries: an error the reviewer can rerun.
    github.failNext(3, 503);
    const down = await submitLink(org, `https://github.com/${org.repo}/pull/8`);
    expect(await settled(org, down.id)).toMatchObject({ status: "ERROR", problem: "unavailable", message: "GitHub did not answer" });
    expect((await rerun(org.slug, org.mentor.cookie, down.id)).status).toBe(202);
    expect(await settled(org, down.id)).toMatchObject({ status: "VERIFIED" });
  });
});

describe("the organization's GitHub token", () => {
  const settings = (slug: string, cookie: string, method: "GET" | "PUT" | "DELETE", body?: unknown) =>
    callRoute(method === "GET" ? settingsRoute : method === "PUT" ? setTokenRoute : removeTokenRoute, { path: `/api/v1/o/${slug}/settings/github`, params: { orgSlug: slug }, cookie, method, body });

  it("is set by owners, sealed, never returned, and used for private repositories", async () => {
    const org = await linkedOrg();
    const token = `ghp_${"x".repeat(36)}`;
    github.addPull({ repository: org.repo, number: 9, author: org.hireGitHub, merged: true, privateTokens: [token] });
    const hidden = await submitLink(org, `https://github.com/${org.repo}/pull/9`);
    expect(await settled(org, hidden.id)).toMatchObject({ status: "WARNING", problem: "not-visible", message: "repository not visible" });

    expect((await settings(org.slug, org.admin.cookie, "PUT", { token })).status).toBe(403);
    for (const bad of [{ token: "short" }, { token: `${"a".repeat(30)} b` }, { token: "a".repeat(256) }, { token: `ghp_${"x".repeat(30)}\u0000` }, { token, extra: 1 }]) {
      expect((await settings(org.slug, org.owner.cookie, "PUT", bad)).status, JSON.stringify(bad).slice(0, 40)).toBe(422);
    }
    const saved = await settings(org.slug, org.owner.cookie, "PUT", { token });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ tokenConfigured: true, apiUrl: github.url });
    expect(JSON.stringify(saved.json)).not.toContain(token);
    const stored = await getDb().organizationGitHubSettings.findUniqueOrThrow({ where: { organizationId: org.organization.id } });
    expect(stored.sealedToken).not.toContain(token);
    expect((await settings(org.slug, org.owner.cookie, "GET")).json).toMatchObject({ tokenConfigured: true });
    expect(await getDb().event.count({ where: { organizationId: org.organization.id, type: "organization.github_token_set" } })).toBe(1);

    expect((await rerun(org.slug, org.mentor.cookie, hidden.id)).status).toBe(202);
    expect(await settled(org, hidden.id)).toMatchObject({ status: "VERIFIED" });
    expect(github.requests().some((request) => request.path.includes(`${org.repo}/pulls/9`) && request.authorization === `Bearer ${token}`)).toBe(true);

    expect((await settings(org.slug, org.owner.cookie, "DELETE")).json).toMatchObject({ tokenConfigured: false, updatedAt: null });
    expect(await getDb().organizationGitHubSettings.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });

  it("is another organization's 404", async () => {
    const org = await linkedOrg();
    const other = await assignedOrg();
    expect((await settings(org.slug, other.owner.cookie, "GET")).status).toBe(404);
    expect((await settings(org.slug, other.owner.cookie, "PUT", { token: `ghp_${"y".repeat(36)}` })).status).toBe(404);
    expect((await settings(org.slug, other.owner.cookie, "DELETE")).status).toBe(404);
  });
});

describe("who may ask again", () => {
  it("lets those who see the attempt ask, hides it from everyone else, and limits the rate", async () => {
    const org = await linkedOrg();
    github.addPull({ repository: org.repo, number: 11, author: org.hireGitHub, merged: true });
    const attempt = await submitLink(org, `https://github.com/${org.repo}/pull/11`);
    await settled(org, attempt.id);
    const other = await assignedOrg();
    // Another organization, and a hire of this one who does not see the assignment: 404.
    expect((await rerun(org.slug, other.owner.cookie, attempt.id)).status).toBe(404);
    expect((await rerun(other.slug, other.owner.cookie, attempt.id)).status).toBe(404);
    expect((await rerun(org.slug, org.otherHire.cookie, attempt.id)).status).toBe(404);
    expect((await rerun(org.slug, org.admin.cookie, attempt.id)).status).toBe(202);
    expect((await rerun(org.slug, org.hire.cookie, attempt.id)).status).toBe(202);
    expect((await rerun(org.slug, org.mentor.cookie, attempt.id)).status).toBe(202);
    expect((await rerun(org.slug, org.mentor.cookie, attempt.id)).status).toBe(202);
    const limited = await rerun(org.slug, org.mentor.cookie, attempt.id);
    expect(limited.status).toBe(429);
    expect(await settled(org, attempt.id)).toMatchObject({ status: "VERIFIED" });
  });
});

describe("items that require verified evidence", () => {
  it("is a flag of the track editor's node, kept in new drafts", async () => {
    const org = await linkedOrg();
    const trackId = (await createTrack(org.slug, org.owner.cookie, { text: TRACK_TEXT })).json!.id as string;
    const nodes = (await getVersion(org.slug, org.owner.cookie, trackId, 1)).json!.nodes as Array<{ stableKey: string; title: string; verificationRequired: boolean }>;
    const loops = nodes.find((node) => node.title === "Loops")!;
    expect(loops.verificationRequired).toBe(false);
    const ref = { slug: org.slug, trackId, number: 1 };
    expect((await updateNode(ref, org.owner.cookie, loops.stableKey, { verificationRequired: "yes" })).status).toBe(422);
    expect((await updateNode(ref, org.mentor.cookie, loops.stableKey, { verificationRequired: true })).status).toBe(403);
    expect((await updateNode(ref, org.owner.cookie, loops.stableKey, { verificationRequired: true })).status).toBe(200);
    const read = (number: number) => getVersion(org.slug, org.owner.cookie, trackId, number);
    expect(((await read(1)).json!.nodes as typeof nodes).find((node) => node.stableKey === loops.stableKey)!.verificationRequired).toBe(true);
    expect((await publishVersion(org.slug, org.owner.cookie, trackId, 1)).status).toBe(200);
    expect((await createDraft(org.slug, org.owner.cookie, trackId)).status).toBe(201);
    expect(((await read(2)).json!.nodes as typeof nodes).find((node) => node.stableKey === loops.stableKey)!.verificationRequired).toBe(true);
  });

  it("refuses approval until GitHub verified the attempt; requesting changes stays open", async () => {
    const org = await linkedOrg();
    // The assigned (published) version's Loops item requires verification: set on the row, as the editor would have before publishing.
    await getDb().trackNode.updateMany({ where: { organizationId: org.organization.id, stableKey: org.key("Loops") }, data: { verificationRequired: true } });
    github.addPull({ repository: org.repo, number: 21, author: { login: "someone", id: 42 }, merged: true });
    github.addPull({ repository: org.repo, number: 22, author: org.hireGitHub, merged: true });

    const noted = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "no link" });
    const refusedNote = await reviewEvidence(org.slug, org.mentor.cookie, noted.json!.id, { decision: "APPROVE" });
    expect(refusedNote.status).toBe(409);
    expect(refusedNote.json!.error.message).toContain("not a GitHub pull request or commit");
    expect((await reviewEvidence(org.slug, org.mentor.cookie, noted.json!.id, { decision: "REQUEST_CHANGES", comment: "Send the PR." })).status).toBe(200);

    const foreign = await submitLink(org, `https://github.com/${org.repo}/pull/21`);
    await settled(org, foreign.id);
    const refused = await reviewEvidence(org.slug, org.mentor.cookie, foreign.id, { decision: "APPROVE" });
    expect(refused.status).toBe(409);
    expect(refused.json!.error.message).toContain("authored by someone else");
    // Bulk approval follows the same rule.
    expect((await bulkApprove(org.slug, org.mentor.cookie, { attemptIds: [foreign.id] })).status).toBe(409);
    expect((await getDb().evidenceAttempt.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("SUBMITTED");
    expect((await reviewEvidence(org.slug, org.mentor.cookie, foreign.id, { decision: "REQUEST_CHANGES", comment: "Not yours." })).status).toBe(200);

    const own = await submitLink(org, `https://github.com/${org.repo}/pull/22`);
    await settled(org, own.id);
    expect((await reviewEvidence(org.slug, org.mentor.cookie, own.id, { decision: "APPROVE" })).status).toBe(200);
  });
});
