/**
 * Sign-up in two steps (decision 0017): POST /api/v1/accounts takes only an
 * address and answers the same for every address; the job emails a new address
 * a link to finish, and the owner of a known address a note instead (nothing is
 * created). POST /api/v1/accounts/confirm with the link's token creates the
 * verified account, its organization and the owner membership, once.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as confirmRoute } from "@/app/api/v1/accounts/confirm/route";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { POST as createOrgRoute } from "@/app/api/v1/orgs/route";
import { verifyCredentials } from "@/lib/accounts/service";
import { signUpEmailJob } from "@/lib/accounts/sign-up-email";
import { hashVerificationToken, issueVerificationToken } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import { SIGN_UP_RATE_LIMITS } from "@/lib/security/limits";
import { callRoute } from "../support/call-route";
import { tablesContaining, useEmailDelivery } from "../support/email-delivery";
import { createUser, sessionCookieFor } from "../support/factories";
import { waitFor } from "../support/job-queue";

const mail = useEmailDelivery();

const unique = () => randomUUID().slice(0, 8);
const uniqueEmail = () => `hire-${unique()}@example.test`;
const PASSWORD = "lantern orchard gravel 42";
const details = () => ({ name: "Priya Natarajan", password: PASSWORD, organizationName: "Lantern Labs" });

const FINISH = "Finish creating your Cairn account";
const ALREADY = "You already have a Cairn account";

const emailsTo = (address: string) => mail.fake.emails().filter((email) => email.to.includes(address));

/** Asks to sign up (typing the address as `typed`) and returns the token from the link in the email that arrives. */
async function requestAndReadToken(email: string, count = 1, typed = email): Promise<string> {
  expect((await callRoute(signUpRoute, { body: { email: typed } })).status).toBe(202);
  const sent = await waitFor(`sign-up email #${count} to ${email}`, () => {
    const found = emailsTo(email).filter((candidate) => candidate.subject === FINISH);
    return found.length >= count && found;
  });
  const link = /http:\/\/localhost:3000\/sign-up\/confirm\?token=([\w-]+)/.exec(sent[count - 1]!.text ?? "");
  expect(link, "the plain-text part carries the link").not.toBeNull();
  return link![1]!;
}

const confirm = (body: unknown) => callRoute(confirmRoute, { body });

describe("POST /api/v1/accounts (start a sign-up)", () => {
  it("answers 202 with the same body for a new and a known address, and creates no account at once", async () => {
    const known = await createUser();
    const fresh = uniqueEmail();
    const usersBefore = await getDb().user.count();
    const orgsBefore = await getDb().organization.count();

    const forNew = await callRoute(signUpRoute, { body: { email: fresh } });
    const forKnown = await callRoute(signUpRoute, { body: { email: ` ${known.email.toUpperCase()} ` } });
    expect([forNew.status, forKnown.status]).toEqual([202, 202]);
    expect(forNew.json).toEqual(forKnown.json);
    expect(forNew.json!.message).toMatch(/^Check your inbox/);
    expect(await getDb().user.count()).toBe(usersBefore);
    expect(await getDb().organization.count()).toBe(orgsBefore);

    // Only the inboxes learn which case it was.
    await waitFor("both emails", () => emailsTo(fresh).length > 0 && emailsTo(known.email).length > 0);
    expect(emailsTo(fresh).map((email) => email.subject)).toEqual([FINISH]);
    expect(emailsTo(known.email).map((email) => email.subject)).toEqual([ALREADY]);
  });

  it("emails a known address's owner a way in (sign in, reset) instead of a sign-up link, and leaves no usable token", async () => {
    const { email, id, updatedAt } = await getDb().user.update({ where: { id: (await createUser({ name: "Ada Lovelace" })).id }, data: { emailVerified: new Date() } });
    expect((await callRoute(signUpRoute, { body: { email } })).status).toBe(202);
    const [sent] = await waitFor("the note to the owner", () => emailsTo(email).length > 0 && emailsTo(email));
    expect(sent).toMatchObject({ subject: ALREADY, idempotencyKey: expect.stringMatching(/^sign-up-attempt\//) });
    expect(sent!.text).toContain("Hi Ada Lovelace,");
    expect(sent!.text).toContain("http://localhost:3000/sign-in");
    expect(sent!.text).toContain("http://localhost:3000/forgot-password");
    expect(sent!.text).not.toContain("/sign-up/confirm");
    await waitFor("the unsent token to go", async () => (await getDb().verificationToken.count({ where: { identifier: `sign-up:${email}` } })) === 0);
    // The account is untouched.
    expect((await getDb().user.findUniqueOrThrow({ where: { id } })).updatedAt).toEqual(updatedAt);
  });

  it("stores only the link token's SHA-256 under sign-up:<email>, for 24 hours", async () => {
    const email = uniqueEmail();
    const token = await requestAndReadToken(email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await getDb().verificationToken.findMany({ where: { identifier: `sign-up:${email}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toBe(hashVerificationToken(token));
    const ttl = rows[0]!.expires.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(23.9 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000);
    expect(await tablesContaining(token, ["public.VerificationToken", "pgboss.job"])).toEqual([]);
  });

  it("takes only an email: the old fields, a malformed address and unknown fields are 422, and nothing is enqueued", async () => {
    const jobsBefore = (await mail.queue.boss.findJobs(signUpEmailJob.name)).length;
    const old = await callRoute(signUpRoute, { body: { email: uniqueEmail(), ...details() } });
    expect(old.status).toBe(422);
    expect(old.json!.error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["body.name", "body.organizationName", "body.password"]);
    const bad = await callRoute(signUpRoute, { body: { email: "not-an-email" } });
    expect(bad.json!.error.details.issues).toEqual([{ path: "body.email", message: expect.stringMatching(/email address/) }]);
    expect((await callRoute(signUpRoute, { body: { email: 42 } })).status).toBe(422);
    expect((await callRoute(signUpRoute, { body: { email: `${"x".repeat(5000)}@example.test` } })).status).toBe(413);
    expect((await mail.queue.boss.findJobs(signUpEmailJob.name)).length).toBe(jobsBefore);
  });

  it("limits requests per email, known or not (so the limit reveals nothing), with 429 and Retry-After", async () => {
    const perEmail = SIGN_UP_RATE_LIMITS.find((limit) => limit.name === "sign-up:email")!.points;
    for (const email of [uniqueEmail(), (await createUser()).email]) {
      for (let i = 0; i < perEmail; i++) expect((await callRoute(signUpRoute, { body: { email } })).status).toBe(202);
      const refused = await callRoute(signUpRoute, { body: { email: email.toUpperCase() } });
      expect(refused.status).toBe(429);
      expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});

describe("POST /api/v1/accounts/confirm (finish with the emailed link)", () => {
  it("creates the verified account, its organization and an owner membership with events; the password signs in", async () => {
    const email = uniqueEmail();
    const token = await requestAndReadToken(email, 1, `  ${email.toUpperCase()} `);
    const { status, json } = await confirm({ token, ...details() });
    expect(status).toBe(201);
    expect(json!.user).toMatchObject({ email, name: "Priya Natarajan" });
    expect(json!.organization.slug).toMatch(/^lantern-labs(-\d+)?$/);
    expect(JSON.stringify(json)).not.toContain("argon2");

    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.emailVerified).toBeInstanceOf(Date);
    const membership = await getDb().membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership).toMatchObject({ organizationId: json!.organization.id, role: "OWNER", status: "ACTIVE" });
    const events = await getDb().event.findMany({ where: { organizationId: json!.organization.id }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => [event.sequence, event.type])).toEqual([
      [1n, "organization.created"],
      [2n, "member.joined"],
    ]);
    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ id: user.id, sessionVersion: 0 });
    expect(await verifyCredentials(email, "lantern orchard gravel 43")).toBeNull();
    // No verification email: the link already proved the address.
    expect(emailsTo(email).map((sent) => sent.subject)).toEqual([FINISH]);
  });

  it("works once: a second use is refused, simultaneous uses let one through, and the address's other links die with it", async () => {
    const email = uniqueEmail();
    const first = await requestAndReadToken(email);
    const second = await requestAndReadToken(email, 2);
    const results = await Promise.all([confirm({ token: first, ...details() }), confirm({ token: first, ...details() })]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 400]);
    const again = await confirm({ token: first, ...details() });
    expect(again.status).toBe(400);
    expect(again.json!.error.details).toEqual({ reason: "sign_up_link_invalid" });
    expect((await confirm({ token: second, ...details() })).status).toBe(400);
    expect(await getDb().user.count({ where: { email } })).toBe(1);
    expect(await getDb().membership.count({ where: { user: { email } } })).toBe(1);
  });

  it("refuses weak passwords and bad fields with 422 by path, and keeps the link usable", async () => {
    const email = `rosalind.franklin-${unique()}@example.test`;
    const token = await requestAndReadToken(email);
    const weak = await confirm({ token, ...details(), password: "password2026" });
    expect(weak.status).toBe(422);
    expect(weak.json!.error.details.issues).toEqual([{ path: "body.password", message: expect.stringMatching(/common/) }]);
    // The rule that needs the link's address applies too.
    const withAddress = await confirm({ token, ...details(), password: `my ${email.split("@")[0]} key` });
    expect(withAddress.json!.error.details.issues).toEqual([{ path: "body.password", message: "Don't use your email address in your password." }]);
    const bad = await confirm({ token, name: "", password: "short", organizationName: "A", plan: "pro" });
    expect(bad.json!.error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["body.name", "body.organizationName", "body.password", "body.plan"]);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect((await confirm({ token, ...details() })).status).toBe(201);
  });

  it("answers 409 when the address got an account since the link was sent, and creates nothing", async () => {
    const email = uniqueEmail();
    const token = await requestAndReadToken(email);
    await createUser({ email });
    const orgsBefore = await getDb().organization.count();
    const { status, json } = await confirm({ token, ...details() });
    expect(status).toBe(409);
    expect(json!.error.details).toEqual({ reason: "account_exists" });
    expect(await getDb().organization.count()).toBe(orgsBefore);
  });

  it("refuses an expired link, another purpose's token, a made-up one and an oversized one", async () => {
    const email = uniqueEmail();
    const { token: expired } = await issueVerificationToken(getDb(), "sign-up", email, 24 * 60, new Date(Date.now() - 25 * 3600_000));
    expect((await confirm({ token: expired, ...details() })).status).toBe(400);
    const { token: signIn } = await issueVerificationToken(getDb(), "sign-in", email, 15);
    expect((await confirm({ token: signIn, ...details() })).status).toBe(400);
    expect((await confirm({ token: "made-up-token", ...details() })).status).toBe(400);
    expect((await confirm({ token: "x".repeat(201), ...details() })).status).toBe(422);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    // The refused sign-in token still works for its own purpose.
    expect(await getDb().verificationToken.count({ where: { token: hashVerificationToken(signIn) } })).toBe(1);
  });
});

describe("POST /api/v1/orgs", () => {
  it("creates an organization owned by the caller, with a free slug", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    const name = `Night Shift ${Math.random().toString(36).slice(2, 6)}`;
    const first = await callRoute(createOrgRoute, { cookie, body: { name } });
    const second = await callRoute(createOrgRoute, { cookie, body: { name } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name, role: "OWNER" });
    expect(second.json!.slug).toBe(`${first.json!.slug}-2`);
    expect(await getDb().membership.count({ where: { userId: user.id, role: "OWNER" } })).toBe(2);
  });

  it("answers 401 without a session", async () => {
    expect((await callRoute(createOrgRoute, { body: { name: "Nobody's Org" } })).status).toBe(401);
  });
});
