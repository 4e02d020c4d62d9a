/**
 * Email verification, for accounts whose address was never proven (accounts
 * made before sign-up confirmed addresses by email, decision 0017): the
 * signed-in user asks for a single-use link (only the token's SHA-256 stored,
 * in VerificationToken, 24 h); the confirm route verifies once; requests are
 * limited per user. What a first verification does to an unproven password is
 * in tests/security/pre-account-takeover.test.ts.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { POST as confirmRoute } from "@/app/api/v1/email-verifications/confirm/route";
import { POST as resendRoute } from "@/app/api/v1/email-verifications/route";
import { emailVerificationEmailJob } from "@/lib/accounts/email-verification-email";
import { hashPassword } from "@/lib/auth/password-hash";
import { hashVerificationToken, issueVerificationToken } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import { EMAIL_VERIFICATION_RATE_LIMITS } from "@/lib/security/limits";
import { callRoute } from "../support/call-route";
import { useEmailDelivery } from "../support/email-delivery";
import { createUser, sessionCookieFor } from "../support/factories";
import { waitFor } from "../support/job-queue";

const mail = useEmailDelivery();

const unique = () => randomUUID().slice(0, 8);

/** An unverified password account, signed in, that asked for its first verification link. */
async function unverifiedAccount() {
  const user = await getDb().user.create({
    data: { name: "Grace Hopper", email: `verify-${unique()}@example.test`, passwordHash: await hashPassword("harbor violet comet 73") },
  });
  const cookie = await sessionCookieFor(user);
  expect((await callRoute(resendRoute, { cookie })).status).toBe(202);
  return { email: user.email, userId: user.id, cookie };
}

/** Waits for the `count`-th verification email to `email` and returns the token in its link. */
async function verificationToken(email: string, count = 1): Promise<string> {
  const emails = await waitFor(`verification email #${count} to ${email}`, () => {
    const found = mail.fake.emails().filter((candidate) => candidate.to.includes(email) && candidate.subject === "Verify your email for Cairn");
    return found.length >= count && found;
  });
  const link = /http:\/\/localhost:3000\/verify-email\?token=([\w-]+)/.exec(emails[count - 1]!.text ?? "");
  expect(link, "the plain-text part carries the link").not.toBeNull();
  return link![1]!;
}

const emailVerified = async (userId: string) => (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).emailVerified;

describe("the verification link", () => {
  it("is emailed with a token stored only as its SHA-256, for 24 hours, and leaves the user unverified until opened", async () => {
    const { email, userId } = await unverifiedAccount();
    expect(await emailVerified(userId)).toBeNull();
    const token = await verificationToken(email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const rows = await getDb().verificationToken.findMany({ where: { identifier: `verify-email:${userId}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toBe(hashVerificationToken(token));
    const ttl = rows[0]!.expires.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(23.9 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000);
    // Nowhere in clear: not in the token table, not in the job row.
    const [hits] = await getDb().$queryRawUnsafe<Array<{ n: number }>>(
      `select (select count(*) from "VerificationToken" t where strpos(t::text, $1) > 0) + (select count(*) from pgboss.job j where strpos(j::text, $1) > 0) as n`,
      token,
    );
    expect(Number(hits!.n)).toBe(0);
  });

  it("is not sent by a sign-up (changed in decision 0017: a sign-up's account is verified by its own link)", async () => {
    const tokensBefore = await getDb().verificationToken.count({ where: { identifier: { startsWith: "verify-email:" } } });
    const jobsBefore = (await mail.queue.boss.findJobs(emailVerificationEmailJob.name)).length;
    expect((await callRoute(signUpRoute, { body: { email: `verify-${unique()}@example.test` } })).status).toBe(202);
    expect(await getDb().verificationToken.count({ where: { identifier: { startsWith: "verify-email:" } } })).toBe(tokensBefore);
    expect((await mail.queue.boss.findJobs(emailVerificationEmailJob.name)).length).toBe(jobsBefore);
  });
});

describe("POST /api/v1/email-verifications/confirm", () => {
  it("verifies the address once, without a session; the link then stops working", async () => {
    const { email, userId } = await unverifiedAccount();
    const token = await verificationToken(email);

    const first = await callRoute(confirmRoute, { body: { token } });
    expect(first.status).toBe(200);
    // Opened without a session of the account: the password set before the address was proven goes.
    expect(first.json).toEqual({ verified: true, email, passwordRemoved: true });
    const verifiedAt = await emailVerified(userId);
    expect(verifiedAt).toBeInstanceOf(Date);
    expect(await getDb().verificationToken.count({ where: { identifier: `verify-email:${userId}` } })).toBe(0);

    const second = await callRoute(confirmRoute, { body: { token } });
    expect(second.status).toBe(400);
    expect(second.json!.error.details).toEqual({ reason: "verification_link_invalid" });
    expect(await emailVerified(userId)).toEqual(verifiedAt);
  });

  it("lets exactly one of two simultaneous uses of a link succeed", async () => {
    const user = await createUser();
    const { token } = await issueVerificationToken(getDb(), "verify-email", user.id, 60);
    const results = await Promise.all([callRoute(confirmRoute, { body: { token } }), callRoute(confirmRoute, { body: { token } })]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 400]);
  });

  it("refuses an expired link and deletes it, leaving the user unverified", async () => {
    const user = await createUser();
    const { token, tokenHash } = await issueVerificationToken(getDb(), "verify-email", user.id, 24 * 60, new Date(Date.now() - 25 * 3600_000));
    const { status } = await callRoute(confirmRoute, { body: { token } });
    expect(status).toBe(400);
    expect(await emailVerified(user.id)).toBeNull();
    expect(await getDb().verificationToken.findUnique({ where: { token: tokenHash } })).toBeNull();
  });

  it("refuses a sign-in link's token, an unknown token and malformed input", async () => {
    const user = await createUser();
    const { token: signInToken } = await issueVerificationToken(getDb(), "sign-in", user.email, 15);
    expect((await callRoute(confirmRoute, { body: { token: signInToken } })).status).toBe(400);
    expect(await emailVerified(user.id)).toBeNull();
    // The sign-in token was not used up by the refused attempt.
    expect(await getDb().verificationToken.count({ where: { identifier: `sign-in:${user.email}` } })).toBe(1);
    expect((await callRoute(confirmRoute, { body: { token: "not-a-token-we-issued" } })).status).toBe(400);
    const bad = await callRoute(confirmRoute, { body: { token: "x".repeat(201), extra: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.json!.error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["body.extra", "body.token"]);
  });
});

describe("POST /api/v1/email-verifications (resend)", () => {
  it("needs a session", async () => {
    expect((await callRoute(resendRoute)).status).toBe(401);
  });

  it("sends a new link that works, while the first one still works until either is used", async () => {
    const { email, userId, cookie } = await unverifiedAccount();
    const firstToken = await verificationToken(email);

    const { status, json } = await callRoute(resendRoute, { cookie });
    expect(status).toBe(202);
    expect(json).toMatchObject({ status: "sent" });
    const secondToken = await verificationToken(email, 2);
    expect(secondToken).not.toBe(firstToken);
    expect(await getDb().verificationToken.count({ where: { identifier: `verify-email:${userId}` } })).toBe(2);

    expect((await callRoute(confirmRoute, { body: { token: secondToken } })).status).toBe(200);
    // Verifying used up every open link of the account.
    expect((await callRoute(confirmRoute, { body: { token: firstToken } })).status).toBe(400);
  });

  it("sends nothing once the address is verified", async () => {
    const user = await createUser({ verified: true });
    const { status, json } = await callRoute(resendRoute, { cookie: await sessionCookieFor(user) });
    expect(status).toBe(202);
    expect(json).toEqual({ status: "already_verified", message: "Your email address is already verified." });
    expect(await getDb().verificationToken.count({ where: { identifier: `verify-email:${user.id}` } })).toBe(0);
  });

  it("is limited per user: 429 with Retry-After once the hourly allowance is spent, whatever the address", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    const allowance = EMAIL_VERIFICATION_RATE_LIMITS[0]!.points;
    for (let i = 0; i < allowance; i++) expect((await callRoute(resendRoute, { cookie })).status).toBe(202);
    const refused = await callRoute(resendRoute, { cookie });
    expect(refused.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await getDb().verificationToken.count({ where: { identifier: `verify-email:${user.id}` } })).toBe(allowance);
    // Another user is unaffected.
    expect((await callRoute(resendRoute, { cookie: await sessionCookieFor(await createUser()) })).status).toBe(202);
  });
});
