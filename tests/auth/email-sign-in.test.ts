/**
 * Passwordless sign-in by email link: POST /api/v1/sign-in-links answers the
 * same for every address and emails existing accounts a 15-minute single-use
 * link; next-auth's "email-link" provider turns the link's token into a session
 * once, and marks the address verified (what that first proof does to an
 * unproven password: tests/security/pre-account-takeover.test.ts).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as requestRoute } from "@/app/api/v1/sign-in-links/route";
import { signInLinkEmailJob } from "@/lib/accounts/email-sign-in-email";
import { isSignInLinkUsable } from "@/lib/accounts/email-sign-in";
import { userFromCookieHeader } from "@/lib/auth/session";
import { hashVerificationToken, issueVerificationToken } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import { SIGN_IN_LINK_RATE_LIMITS } from "@/lib/security/limits";
import { callRoute, randomClientIp } from "../support/call-route";
import { useEmailDelivery } from "../support/email-delivery";
import { createUser } from "../support/factories";
import { waitFor } from "../support/job-queue";
import { postAuthAction } from "./next-auth-client";

const mail = useEmailDelivery();

const unique = () => randomUUID().slice(0, 8);

/** Asks for a link and returns the token from the email that arrives. */
async function requestAndReadToken(email: string): Promise<string> {
  expect((await callRoute(requestRoute, { body: { email } })).status).toBe(202);
  const [sent] = await waitFor(`the sign-in email to ${email}`, () => {
    const found = mail.fake.emails().filter((candidate) => candidate.to.includes(email));
    return found.length > 0 && found;
  });
  expect(sent!.subject).toBe("Your Cairn sign-in link");
  const link = /http:\/\/localhost:3000\/sign-in\/link\?token=([\w-]+)/.exec(sent!.text ?? "");
  expect(link).not.toBeNull();
  return link![1]!;
}

const signInWithToken = (token: string, ip?: string) => postAuthAction("callback", "email-link", { token }, ip);

describe("POST /api/v1/sign-in-links", () => {
  it("answers 202 with the same body for an unknown email; its token is dropped by the job, unsent, and no account is made", async () => {
    // Changed in decision 0017: the request now does the same work for every address (a token
    // and a job); the job, not the request, finds that an address has no account.
    const user = await createUser();
    const unknown = `nobody-${unique()}@example.test`;
    const jobsBefore = (await mail.queue.boss.findJobs(signInLinkEmailJob.name)).length;

    const forUnknown = await callRoute(requestRoute, { body: { email: unknown } });
    const forKnown = await callRoute(requestRoute, { body: { email: ` ${user.email.toUpperCase()} ` } });
    expect([forUnknown.status, forKnown.status]).toEqual([202, 202]);
    expect(forUnknown.json).toEqual(forKnown.json);
    expect(forUnknown.json!.message).toMatch(/^If an account uses that email address/);
    expect((await mail.queue.boss.findJobs(signInLinkEmailJob.name)).length).toBe(jobsBefore + 2);

    await waitFor("both jobs to complete", async () => (await mail.queue.boss.findJobs(signInLinkEmailJob.name)).every((job) => job.state === "completed"));
    expect(await getDb().verificationToken.count({ where: { identifier: `sign-in:${unknown}` } })).toBe(0);
    expect(await getDb().user.count({ where: { email: unknown } })).toBe(0);
    await waitFor("the email to the known address", () => mail.fake.emails().length > 0);
    expect(mail.fake.emails().map((email) => email.to)).toEqual([[user.email]]);
  });

  it("stores only the token's SHA-256 under sign-in:<email>, expiring in 15 minutes", async () => {
    const user = await createUser();
    const token = await requestAndReadToken(user.email);
    const rows = await getDb().verificationToken.findMany({ where: { identifier: `sign-in:${user.email}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toBe(hashVerificationToken(token));
    const ttl = rows[0]!.expires.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    expect(await getDb().verificationToken.count({ where: { token } })).toBe(0);
  });

  it("limits requests per email (unknown ones too, so the limit reveals nothing) with 429 and Retry-After", async () => {
    const email = `limited-${unique()}@example.test`;
    const perEmail = SIGN_IN_LINK_RATE_LIMITS.find((limit) => limit.name === "sign-in-link:email")!.points;
    for (let i = 0; i < perEmail; i++) expect((await callRoute(requestRoute, { body: { email } })).status).toBe(202);
    const refused = await callRoute(requestRoute, { body: { email: email.toUpperCase() } });
    expect(refused.status).toBe(429);
    expect(refused.json!.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits requests per address across emails", async () => {
    const clientIp = randomClientIp();
    const perIp = SIGN_IN_LINK_RATE_LIMITS.find((limit) => limit.name === "sign-in-link:ip")!.points;
    for (let i = 0; i < perIp; i++) expect((await callRoute(requestRoute, { clientIp, body: { email: `probe-${unique()}@example.test` } })).status).toBe(202);
    expect((await callRoute(requestRoute, { clientIp, body: { email: `probe-${unique()}@example.test` } })).status).toBe(429);
    // Another address is not affected.
    expect((await callRoute(requestRoute, { body: { email: `probe-${unique()}@example.test` } })).status).toBe(202);
  });

  it("refuses malformed input with 422 and creates nothing", async () => {
    const before = await getDb().verificationToken.count();
    const bad = await callRoute(requestRoute, { body: { email: "not-an-email", createAccount: true } });
    expect(bad.status).toBe(422);
    expect(bad.json!.error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["body.createAccount", "body.email"]);
    expect(await getDb().verificationToken.count()).toBe(before);
  });
});

describe("signing in with the link (next-auth's email-link provider)", () => {
  it("signs a real account in once, marks its email verified, and refuses the link the second time", async () => {
    const user = await createUser();
    expect(user.emailVerified).toBeNull();
    const token = await requestAndReadToken(user.email);
    expect(await isSignInLinkUsable(token)).toBe(true);

    const first = await signInWithToken(token);
    expect(first.sessionCookie).not.toBeNull();
    expect(await userFromCookieHeader(first.sessionCookie)).toEqual({ id: user.id, email: user.email, name: user.name });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
    expect(await isSignInLinkUsable(token)).toBe(false);

    const second = await signInWithToken(token);
    expect(second.sessionCookie).toBeNull();
    expect(second.response.redirect ?? "").toMatch(/error=CredentialsSignin/);
  });

  it("keeps an earlier verification time", async () => {
    const verifiedAt = new Date("2026-01-02T03:04:05Z");
    const user = await getDb().user.update({ where: { id: (await createUser()).id }, data: { emailVerified: verifiedAt } });
    const { token } = await issueVerificationToken(getDb(), "sign-in", user.email, 15);
    expect((await signInWithToken(token)).sessionCookie).not.toBeNull();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toEqual(verifiedAt);
  });

  it("refuses an expired link, and deletes it", async () => {
    const user = await createUser();
    const { token, tokenHash } = await issueVerificationToken(getDb(), "sign-in", user.email, 15, new Date(Date.now() - 16 * 60_000));
    expect(await isSignInLinkUsable(token)).toBe(false);
    expect((await signInWithToken(token)).sessionCookie).toBeNull();
    expect(await getDb().verificationToken.findUnique({ where: { token: tokenHash } })).toBeNull();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
  });

  it("refuses an email-verification token and a made-up token", async () => {
    const user = await createUser();
    const { token } = await issueVerificationToken(getDb(), "verify-email", user.id, 60);
    expect((await signInWithToken(token)).sessionCookie).toBeNull();
    expect((await signInWithToken("made-up-token")).sessionCookie).toBeNull();
    // The refused verification token still works for its own purpose.
    expect(await getDb().verificationToken.count({ where: { token: hashVerificationToken(token) } })).toBe(1);
  });

  it("stamps the session with the current session version, so sign out everywhere ends it", async () => {
    const user = await createUser();
    const { token } = await issueVerificationToken(getDb(), "sign-in", user.email, 15);
    const { sessionCookie } = await signInWithToken(token);
    expect(await userFromCookieHeader(sessionCookie)).not.toBeNull();
    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await userFromCookieHeader(sessionCookie)).toBeNull();
  });

  it("lets exactly one of two simultaneous uses of a link sign in", async () => {
    const user = await createUser();
    const { token } = await issueVerificationToken(getDb(), "sign-in", user.email, 15);
    const results = await Promise.all([signInWithToken(token), signInWithToken(token)]);
    expect(results.filter((result) => result.sessionCookie !== null)).toHaveLength(1);
  });
});
