/**
 * Password reset through its routes: POST /api/v1/password-resets emails a link
 * (through the job queue and the fake Resend) without revealing which emails
 * have accounts; POST /api/v1/password-resets/confirm sets the new password
 * once, revokes every session and writes nothing else.
 */
import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as confirmRoute } from "@/app/api/v1/password-resets/confirm/route";
import { POST as requestRoute } from "@/app/api/v1/password-resets/route";
import { isResetTokenUsable } from "@/lib/accounts/password-reset";
import { passwordResetEmailJob } from "@/lib/accounts/password-reset-email";
import { hashResetToken, newResetToken, resetTokenExpiry } from "@/lib/accounts/password-reset-token";
import { verifyCredentials } from "@/lib/accounts/service";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { tablesContaining, useEmailDelivery } from "../support/email-delivery";
import { createUser, sessionCookieFor } from "../support/factories";
import { waitFor } from "../support/job-queue";

const OLD_PASSWORD = "copper kettle meadow 19";
const NEW_PASSWORD = "violet harbour stones 84";
const LINK_EXPIRED = "This link has expired or was already used; ask for a new one.";

const mail = useEmailDelivery();

async function userWithPassword(name = "Linus Pauling") {
  const user = await createUser({ name });
  return getDb().user.update({ where: { id: user.id }, data: { passwordHash: await hash(OLD_PASSWORD) } });
}

/** A usable (or, with `expiresAt` in the past, expired) token for the user, made directly. */
async function tokenFor(userId: string, expiresAt = resetTokenExpiry()) {
  const token = newResetToken();
  const record = await getDb().passwordResetToken.create({ data: { userId, tokenHash: hashResetToken(token), expiresAt } });
  return { token, record };
}

const confirm = (body: unknown) => callRoute(confirmRoute, { body });

/** Asks for a reset by email and returns the token from the link in the email that arrives. */
async function requestAndReadToken(email: string): Promise<string> {
  const { status } = await callRoute(requestRoute, { body: { email } });
  expect(status).toBe(202);
  const [sent] = await waitFor(`the reset email to ${email}`, () => {
    const found = mail.fake.emails().filter((candidate) => candidate.to.includes(email));
    return found.length > 0 && found;
  });
  const link = /https?:\/\/\S+\/reset-password\?token=([\w-]+)/.exec(sent!.text ?? "");
  expect(link).not.toBeNull();
  return link![1]!;
}


describe("POST /api/v1/password-resets", () => {
  it("answers 202 with the same body for an unknown email, and stores and sends nothing for it", async () => {
    // Changed in decision 0017: both requests enqueue the same job (the request never looks
    // the address up); the job stores a token and sends only for the known address.
    const user = await userWithPassword();
    const unknown = `nobody-${Date.now()}@example.test`;
    const jobsBefore = (await mail.queue.boss.findJobs(passwordResetEmailJob.name)).length;

    const forUnknown = await callRoute(requestRoute, { body: { email: unknown } });
    const forKnown = await callRoute(requestRoute, { body: { email: ` ${user.email.toUpperCase()} ` } });
    expect(forUnknown.status).toBe(202);
    expect(forKnown.status).toBe(202);
    expect(forUnknown.json).toEqual(forKnown.json);
    expect(forUnknown.json!.message).toMatch(/If an account uses that email address/);
    expect((await mail.queue.boss.findJobs(passwordResetEmailJob.name)).length).toBe(jobsBefore + 2);

    // Only the known address got a token and (once the worker ran it) an email.
    await waitFor("the email to the known address", () => mail.fake.emails().length > 0);
    await waitFor("both jobs to complete", async () => (await mail.queue.boss.findJobs(passwordResetEmailJob.name)).every((job) => job.state === "completed"));
    expect(await getDb().passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
    expect(mail.fake.emails().map((email) => email.to)).toEqual([[user.email]]);
  });

  it("stores only the token's SHA-256: the raw token from the email appears nowhere in the database", async () => {
    const user = await userWithPassword();
    const token = await requestAndReadToken(user.email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const [record] = await getDb().passwordResetToken.findMany({ where: { userId: user.id } });
    expect(record!.tokenHash).toBe(hashResetToken(token));
    expect(record!.tokenHash).not.toContain(token);
    expect(record!.expiresAt.getTime() - record!.createdAt.getTime()).toBeGreaterThanOrEqual(59 * 60_000);
    expect(record!.expiresAt.getTime() - record!.createdAt.getTime()).toBeLessThanOrEqual(61 * 60_000);
    expect(await tablesContaining(token, ["public.PasswordResetToken", "pgboss.job"])).toEqual([]);
    // The scan does find what is there: the hash is in the token table (and in the job that named the row by it).
    expect(await tablesContaining(record!.tokenHash, ["public.PasswordResetToken", "pgboss.job"])).toContain("public.PasswordResetToken");
  });

  it("refuses a malformed email or unknown fields (422) and creates nothing", async () => {
    const user = await userWithPassword();
    const tokensBefore = await getDb().passwordResetToken.count();
    const bad = await callRoute(requestRoute, { body: { email: "not-an-email", admin: true } });
    expect(bad.status).toBe(422);
    expect(bad.json!.error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["body.admin", "body.email"]);
    // A valid address next to an unknown field is refused whole, too.
    const extra = await callRoute(requestRoute, { body: { email: user.email, redirectTo: "https://evil.test" } });
    expect(extra.status).toBe(422);
    expect(extra.json!.error.details.issues).toEqual([{ path: "body.redirectTo", message: "Unknown field." }]);
    expect(await getDb().passwordResetToken.count()).toBe(tokensBefore);
  });
});

describe("POST /api/v1/password-resets/confirm", () => {
  it("sets the new password from an emailed link: the old one stops working, every session ends, nothing else is written", async () => {
    const user = await userWithPassword();
    const cookie = await sessionCookieFor(user);
    expect((await callRoute(meRoute, { cookie })).status).toBe(200);
    const token = await requestAndReadToken(user.email);
    const eventsBefore = await getDb().event.count();

    const { status, json } = await confirm({ token, password: NEW_PASSWORD });
    expect(status).toBe(200);
    expect(json).toEqual({ passwordChanged: true });

    expect(await verifyCredentials(user.email, OLD_PASSWORD)).toBeNull();
    expect(await verifyCredentials(user.email, NEW_PASSWORD)).toMatchObject({ id: user.id, sessionVersion: user.sessionVersion + 1 });
    const after = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await callRoute(meRoute, { cookie })).status).toBe(401);
    expect((await getDb().passwordResetToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeInstanceOf(Date);
    expect(await getDb().event.count()).toBe(eventsBefore);
    // The link proved the mailbox, so the address is verified now (decision 0017); nothing else changed.
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect({ ...after, passwordHash: null, sessionVersion: 0, updatedAt: null, emailVerified: null }).toEqual({ ...user, passwordHash: null, sessionVersion: 0, updatedAt: null, emailVerified: null });
  });

  it("works once: the same link is refused afterwards, with the same message as an unknown one", async () => {
    const user = await userWithPassword();
    const { token } = await tokenFor(user.id);
    expect(await isResetTokenUsable(token)).toBe(true);
    expect((await confirm({ token, password: NEW_PASSWORD })).status).toBe(200);
    expect(await isResetTokenUsable(token)).toBe(false);

    const again = await confirm({ token, password: "another fine password 55" });
    expect(again.status).toBe(400);
    expect(again.json!.error).toMatchObject({ code: "BAD_REQUEST", message: LINK_EXPIRED });
    expect(await verifyCredentials(user.email, NEW_PASSWORD)).not.toBeNull();

    const unknown = await confirm({ token: newResetToken(), password: NEW_PASSWORD });
    expect(unknown.status).toBe(400);
    expect(unknown.json!.error.message).toBe(LINK_EXPIRED);
  });

  it("refuses an expired link and leaves the password as it was", async () => {
    const user = await userWithPassword();
    const { token } = await tokenFor(user.id, new Date(Date.now() - 1000));
    expect(await isResetTokenUsable(token)).toBe(false);
    const { status, json } = await confirm({ token, password: NEW_PASSWORD });
    expect(status).toBe(400);
    expect(json!.error.message).toBe(LINK_EXPIRED);
    expect(await verifyCredentials(user.email, OLD_PASSWORD)).not.toBeNull();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);
  });

  it("refuses a weak password with 422 on body.password and keeps the link usable", async () => {
    const user = await userWithPassword("Rosalind Franklin");
    const { token } = await tokenFor(user.id);

    const common = await confirm({ token, password: "password123" });
    expect(common.status).toBe(422);
    expect(common.json!.error.details.issues).toEqual([{ path: "body.password", message: expect.stringMatching(/common/) }]);

    // The rules that need the account (its name and email) apply too.
    const withName = await confirm({ token, password: "i am Rosalind Franklin!" });
    expect(withName.status).toBe(422);
    expect(withName.json!.error.details.issues).toEqual([{ path: "body.password", message: "Don't use your name in your password." }]);

    const extra = await confirm({ token, password: NEW_PASSWORD, userId: user.id });
    expect(extra.status).toBe(422);
    expect(extra.json!.error.details.issues).toEqual([{ path: "body.userId", message: "Unknown field." }]);

    expect(await verifyCredentials(user.email, OLD_PASSWORD)).not.toBeNull();
    expect(await isResetTokenUsable(token)).toBe(true);
    expect((await confirm({ token, password: NEW_PASSWORD })).status).toBe(200);
  });

  it("uses up the user's other open links too, and leaves other users' links alone", async () => {
    const user = await userWithPassword();
    const first = await tokenFor(user.id);
    const second = await tokenFor(user.id);
    const other = await userWithPassword();
    const othersLink = await tokenFor(other.id);

    expect((await confirm({ token: second.token, password: NEW_PASSWORD })).status).toBe(200);
    expect((await confirm({ token: first.token, password: "yet another password 77" })).status).toBe(400);
    expect(await isResetTokenUsable(othersLink.token)).toBe(true);
  });

  it("lets exactly one of two simultaneous submissions of the same link through", async () => {
    const user = await userWithPassword();
    const { token } = await tokenFor(user.id);
    const results = await Promise.all([confirm({ token, password: NEW_PASSWORD }), confirm({ token, password: "a different password 31" })]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 400]);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
  });
});
