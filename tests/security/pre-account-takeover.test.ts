/**
 * Pre-account takeover (decision 0017): someone registers a future hire's
 * address before they do (an account made before sign-up confirmed addresses,
 * or by any path that leaves it unverified) and keeps a session. Each way the
 * real owner can prove the address (a sign-in link, the verification link, a
 * password reset) must end that squatter's password and sessions, and an
 * invitation to the address must admit only a verified account. Every step
 * goes through the real route handlers and next-auth's real providers.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { POST as resendVerificationRoute } from "@/app/api/v1/email-verifications/route";
import { POST as confirmVerificationRoute } from "@/app/api/v1/email-verifications/confirm/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as confirmResetRoute } from "@/app/api/v1/password-resets/confirm/route";
import { POST as requestResetRoute } from "@/app/api/v1/password-resets/route";
import { POST as requestSignInLinkRoute } from "@/app/api/v1/sign-in-links/route";
import { verifyCredentials } from "@/lib/accounts/service";
import { hashPassword } from "@/lib/auth/password-hash";
import { getDb } from "@/lib/db/client";
import { postAuthAction } from "../auth/next-auth-client";
import { accept, invitationRow } from "../invitations/invitations-fixture";
import { organizationWith } from "../members/members-fixture";
import { callRoute } from "../support/call-route";
import { useEmailDelivery } from "../support/email-delivery";
import { createUser } from "../support/factories";
import { waitFor } from "../support/job-queue";

const mail = useEmailDelivery();

const unique = () => randomUUID().slice(0, 8);
const SQUATTER_PASSWORD = "squatter picked this 91";
const OWNER_PASSWORD = "harbour lights owner 64";

/** The squatter's account for the victim's address: a password, never verified; and the squatter signed in with it. */
async function squat() {
  const email = `future-hire-${unique()}@example.test`;
  const account = await getDb().user.create({ data: { email, name: "Not The Hire", passwordHash: await hashPassword(SQUATTER_PASSWORD) } });
  const { sessionCookie } = await postAuthAction("callback", "credentials", { email, password: SQUATTER_PASSWORD });
  expect(sessionCookie, "the squatter is signed in").not.toBeNull();
  expect((await callRoute(meRoute, { cookie: sessionCookie! })).status).toBe(200);
  return { email, account, squatterCookie: sessionCookie! };
}

/** Waits for the `count`-th email to `address` with `subject` and returns the token of the link to `path`. */
async function tokenFromEmail(address: string, subject: string, path: string, count = 1): Promise<string> {
  const found = await waitFor(`${subject} #${count} to ${address}`, () => {
    const emails = mail.fake.emails().filter((email) => email.to.includes(address) && email.subject === subject);
    return emails.length >= count && emails;
  });
  const link = new RegExp(`http://localhost:3000${path}\\?token=([\\w-]+)`).exec(found[count - 1]!.text ?? "");
  expect(link, `the email carries a ${path} link`).not.toBeNull();
  return link![1]!;
}

/** What the squatter still has: a working session? a working password? */
async function squatterKeeps(email: string, squatterCookie: string) {
  return {
    session: (await callRoute(meRoute, { cookie: squatterCookie })).status === 200,
    password: (await verifyCredentials(email, SQUATTER_PASSWORD)) !== null,
    passwordSignIn: (await postAuthAction("callback", "credentials", { email, password: SQUATTER_PASSWORD })).sessionCookie !== null,
  };
}

const NOTHING = { session: false, password: false, passwordSignIn: false };

describe("pre-account takeover", () => {
  it("the owner's sign-in link ends the squatter's password and sessions, and the company's invitation admits only the owner", async () => {
    const { email, account, squatterCookie } = await squat();
    const { organization } = await organizationWith("OWNER");
    const { token: invitation } = await invitationRow(organization.id, email, { role: "MEMBER" });

    // Signed in but never verified: the squatter cannot accept the invitation to the address.
    const refused = await accept(invitation, { cookie: squatterCookie });
    expect(refused.status).toBe(403);
    expect(refused.json!.error.details).toEqual({ reason: "email_unverified" });
    expect(refused.json!.error.message).toMatch(/^Verify your email address before joining/);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: account.id } })).toBe(0);

    // The real hire asks for a sign-in link and uses it.
    expect((await callRoute(requestSignInLinkRoute, { body: { email } })).status).toBe(202);
    const link = await tokenFromEmail(email, "Your Cairn sign-in link", "/sign-in/link");
    const { sessionCookie: ownerCookie } = await postAuthAction("callback", "email-link", { token: link });
    expect(ownerCookie).not.toBeNull();

    expect(await squatterKeeps(email, squatterCookie)).toEqual(NOTHING);
    const after = await getDb().user.findUniqueOrThrow({ where: { id: account.id } });
    expect(after).toMatchObject({ passwordHash: null, sessionVersion: account.sessionVersion + 1, emailVerified: expect.any(Date) });

    // The hire accepts; the squatter's old cookie is nobody now (and, signed out, cannot create the account).
    const joined = await accept(invitation, { cookie: ownerCookie! });
    expect(joined.status).toBe(200);
    expect(joined.json!.user.id).toBe(account.id);
    expect((await callRoute(meRoute, { cookie: ownerCookie! })).status).toBe(200);
    expect((await callRoute(meRoute, { cookie: squatterCookie })).status).toBe(401);
  });

  it("the verification link the squatter asks for, opened by the owner, leaves the squatter nothing", async () => {
    const { email, account, squatterCookie } = await squat();
    // The squatter controls the account, so they can have the link sent: it goes to the owner's inbox.
    expect((await callRoute(resendVerificationRoute, { cookie: squatterCookie })).status).toBe(202);
    const token = await tokenFromEmail(email, "Verify your email for Cairn", "/verify-email");

    // The owner opens it in their own browser (no session of that account).
    const { status, json } = await callRoute(confirmVerificationRoute, { body: { token } });
    expect(status).toBe(200);
    expect(await squatterKeeps(email, squatterCookie)).toEqual(NOTHING);
    expect(json).toEqual({ verified: true, email, passwordRemoved: true });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: account.id } })).emailVerified).toBeInstanceOf(Date);

    // Opened while signed in as someone else, the link is still the owner's proof alone.
    const other = await squat();
    const someoneElse = await postAuthAction("callback", "credentials", { email: (await ownerWithPassword()).email, password: OWNER_PASSWORD });
    expect((await callRoute(resendVerificationRoute, { cookie: other.squatterCookie })).status).toBe(202);
    const otherToken = await tokenFromEmail(other.email, "Verify your email for Cairn", "/verify-email");
    const opened = await callRoute(confirmVerificationRoute, { body: { token: otherToken }, cookie: someoneElse.sessionCookie! });
    expect(opened.json).toMatchObject({ passwordRemoved: true });
    expect(await squatterKeeps(other.email, other.squatterCookie)).toEqual(NOTHING);
  });

  it("a password reset by the owner verifies the address and ends the squatter's password and sessions", async () => {
    const { email, account, squatterCookie } = await squat();
    expect((await callRoute(requestResetRoute, { body: { email } })).status).toBe(202);
    const token = await tokenFromEmail(email, "Reset your Cairn password", "/reset-password");
    expect((await callRoute(confirmResetRoute, { body: { token, password: OWNER_PASSWORD } })).status).toBe(200);

    expect(await squatterKeeps(email, squatterCookie)).toEqual(NOTHING);
    expect(await verifyCredentials(email, OWNER_PASSWORD)).toMatchObject({ id: account.id });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: account.id } })).emailVerified).toBeInstanceOf(Date);
  });

  it("sign-up cannot make an account for an address one does not control", async () => {
    const email = `not-mine-${unique()}@example.test`;
    expect((await callRoute(signUpRoute, { body: { email } })).status).toBe(202);
    // Nothing to sign in to; the only way on is the link in the owner's inbox.
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    await tokenFromEmail(email, "Finish creating your Cairn account", "/sign-up/confirm");
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });
});

/** An ordinary account with a password, verified or not. */
async function ownerWithPassword({ verified = true }: { verified?: boolean } = {}) {
  const user = await createUser({ email: `owner-${unique()}@example.test` });
  return getDb().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(OWNER_PASSWORD), emailVerified: verified ? new Date() : null } });
}

describe("the account's own holder verifying", () => {
  it("keeps the password and the session when the link is opened in a browser signed in to that account", async () => {
    const user = await ownerWithPassword({ verified: false });
    const { sessionCookie } = await postAuthAction("callback", "credentials", { email: user.email, password: OWNER_PASSWORD });
    expect((await callRoute(resendVerificationRoute, { cookie: sessionCookie! })).status).toBe(202);
    const token = await tokenFromEmail(user.email, "Verify your email for Cairn", "/verify-email");

    const { status, json } = await callRoute(confirmVerificationRoute, { body: { token }, cookie: sessionCookie! });
    expect(status).toBe(200);
    expect(json).toEqual({ verified: true, email: user.email, passwordRemoved: false });
    expect((await callRoute(meRoute, { cookie: sessionCookie! })).status).toBe(200);
    expect(await verifyCredentials(user.email, OWNER_PASSWORD)).toMatchObject({ id: user.id, sessionVersion: user.sessionVersion });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
  });

  it("changes nothing for an address verified already (a sign-in link keeps the password and other sessions)", async () => {
    const user = await ownerWithPassword();
    const { sessionCookie } = await postAuthAction("callback", "credentials", { email: user.email, password: OWNER_PASSWORD });
    expect((await callRoute(requestSignInLinkRoute, { body: { email: user.email } })).status).toBe(202);
    const link = await tokenFromEmail(user.email, "Your Cairn sign-in link", "/sign-in/link");
    expect((await postAuthAction("callback", "email-link", { token: link })).sessionCookie).not.toBeNull();
    expect((await callRoute(meRoute, { cookie: sessionCookie! })).status).toBe(200);
    expect(await verifyCredentials(user.email, OWNER_PASSWORD)).not.toBeNull();
  });
});
