/**
 * The account security events the audit log records (decision 0026): sign-ins,
 * failed sign-ins, sign-outs, password changes and resets, "sign out everywhere".
 * Each reaches every organization the account is an active member of, nothing of
 * it reaches another organization, and a failed sign-in for an unknown address
 * reaches none. None of them goes live or into the replay.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as changePasswordRoute } from "@/app/api/v1/me/password/route";
import { POST as revokeRoute } from "@/app/api/v1/me/sessions/revoke/route";
import { POST as confirmResetRoute } from "@/app/api/v1/password-resets/confirm/route";
import { GET as activityRoute } from "@/app/api/v1/o/[orgSlug]/activity/route";
import { GET as eventsRoute } from "@/app/api/v1/o/[orgSlug]/events/route";
import { hashResetToken, newResetToken, resetTokenExpiry } from "@/lib/accounts/password-reset-token";
import { settleFailedSignIns } from "@/lib/audit/account-events";
import { authOptions } from "@/lib/auth/options";
import { AUDIT_ONLY_TYPES } from "@/lib/audit/event-catalog";
import { issueVerificationToken } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import { postAuthAction, signOutAction } from "../auth/next-auth-client";
import { callRoute } from "../support/call-route";
import { addMember, createOrganization, sessionCookieFor } from "../support/factories";
import { until, useLiveInstances } from "../support/live-instances";
import { PASSWORD, auditOrg, eventAt, eventsOf, listAudit, userWithPassword } from "./audit-fixture";

const SECURITY = ["security.signed_in", "security.sign_in_failed", "security.signed_out", "security.sessions_revoked", "security.password_changed"];

/** A person who is an active member of two organizations, suspended in a third, and nothing in a fourth. */
async function personInSeveralOrgs() {
  const user = await userWithPassword("Petra Several");
  const [first, second, suspended, unrelated] = [await createOrganization(), await createOrganization(), await createOrganization(), await createOrganization()];
  await addMember(first.id, user.id, "MEMBER");
  await addMember(second.id, user.id, "MENTOR");
  await addMember(suspended.id, user.id, "MEMBER", "SUSPENDED");
  return { user, first, second, suspended, unrelated };
}

async function securityTypes(organizationId: string) {
  return (await eventsOf(organizationId, SECURITY)).map((event) => event.type);
}

describe("sign-in events", () => {
  it("records a password sign-in in each organization the person is an active member of, with the method and address", async () => {
    const { user, first, second, suspended, unrelated } = await personInSeveralOrgs();
    const { sessionCookie } = await postAuthAction("callback", "credentials", { email: user.email, password: PASSWORD }, "10.9.8.7");
    expect(sessionCookie).not.toBeNull();
    for (const org of [first, second]) {
      const [event] = await eventsOf(org.id, ["security.signed_in"]);
      expect(event).toMatchObject({ actorId: user.id, subjectType: "user", subjectId: user.id, payload: { method: "password", ip: "10.9.8.7" } });
    }
    // Suspended there, nothing there: nothing recorded.
    expect(await securityTypes(suspended.id)).toEqual([]);
    expect(await securityTypes(unrelated.id)).toEqual([]);
  });

  it("records a sign-in through an email link, and nothing for a link that does not work", async () => {
    const { user, first } = await personInSeveralOrgs();
    const { token } = await issueVerificationToken(getDb(), "sign-in", user.email, 15);
    expect((await postAuthAction("callback", "email-link", { token }, "10.4.4.4")).sessionCookie).not.toBeNull();
    expect(await eventsOf(first.id, ["security.signed_in"])).toMatchObject([{ actorId: user.id, payload: { method: "email-link", ip: "10.4.4.4" } }]);
    // Used up: the second try names no account, so nothing more is recorded.
    expect((await postAuthAction("callback", "email-link", { token })).sessionCookie).toBeNull();
    await settleFailedSignIns();
    expect(await securityTypes(first.id)).toEqual(["security.signed_in"]);
  });

  it("records a GitHub sign-in (the jwt callback, with Cairn's user, not GitHub's id)", async () => {
    const { user, second } = await personInSeveralOrgs();
    const callbacks = authOptions().callbacks!;
    const providerAccountId = String(Math.floor(Math.random() * 1e9));
    const account = { type: "oauth" as const, provider: "github", providerAccountId };
    const githubUser = { id: providerAccountId, name: "Petra", email: user.email, image: null };
    expect(await callbacks.signIn!({ user: githubUser, account, profile: { email: user.email, email_verified: true } as never })).toBe(true);
    await callbacks.jwt!({ token: { sub: providerAccountId }, user: githubUser, account, trigger: "signIn" });
    expect(await eventsOf(second.id, ["security.signed_in"])).toMatchObject([{ actorId: user.id, subjectId: user.id, payload: { method: "github" } }]);
  });

  it("records a wrong password as a failed sign-in of that account, after the answer, with no actor", async () => {
    const { user, first, second, unrelated } = await personInSeveralOrgs();
    const wrong = await postAuthAction("callback", "credentials", { email: user.email.toUpperCase(), password: "not the password 00" }, "10.1.2.3");
    expect(wrong.sessionCookie).toBeNull();
    await settleFailedSignIns();
    for (const org of [first, second]) {
      const events = await eventsOf(org.id, SECURITY);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: "security.sign_in_failed", actorId: null, subjectId: user.id, payload: { method: "password", reason: "wrong-password", ip: "10.1.2.3" } });
    }
    expect(await securityTypes(unrelated.id)).toEqual([]);
  });

  it("records nothing anywhere for a failed sign-in with an address that has no account", async () => {
    const before = await getDb().event.count({ where: { type: { in: SECURITY } } });
    const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    expect((await postAuthAction("callback", "credentials", { email, password: "whatever it is 11" })).sessionCookie).toBeNull();
    await settleFailedSignIns();
    expect(await getDb().event.count({ where: { type: { in: SECURITY } } })).toBe(before);
  });

  it("shows another organization's admins nothing of a person's sign-ins unless the person is their member", async () => {
    const { user, first } = await personInSeveralOrgs();
    const other = await auditOrg();
    await postAuthAction("callback", "credentials", { email: user.email, password: PASSWORD });
    const theirs = await listAudit(other.slug, other.people.admin.cookie, `actor=${user.id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.json!.items).toEqual([]);
    const subject = await listAudit(other.slug, other.people.admin.cookie, `subjectType=user&subjectId=${user.id}`);
    expect(subject.json!.items).toEqual([]);
    // The person's own organization sees it, described.
    const admin = await userWithPassword();
    await addMember(first.id, admin.id, "ADMIN");
    const ours = await listAudit(first.slug, await sessionCookieFor(admin), "type=security.signed_in");
    expect(ours.json!.items).toHaveLength(1);
    expect(ours.json!.items[0].description).toBe(`Petra Several signed in with a password from ${ours.json!.items[0].payload.ip}.`);
  });
});

describe("sign-out, sign out everywhere and password changes", () => {
  it("records a sign-out of one session", async () => {
    const { user, first } = await personInSeveralOrgs();
    const cookie = await sessionCookieFor(user);
    await signOutAction(cookie);
    expect(await eventsOf(first.id, ["security.signed_out"])).toMatchObject([{ actorId: user.id, subjectId: user.id }]);
  });

  it("records “sign out everywhere” in the same transaction as the revocation", async () => {
    const { user, first, second } = await personInSeveralOrgs();
    expect((await callRoute(revokeRoute, { cookie: await sessionCookieFor(user) })).status).toBe(200);
    for (const org of [first, second]) expect(await eventsOf(org.id, ["security.sessions_revoked"])).toMatchObject([{ actorId: user.id, subjectId: user.id }]);
  });

  it("records a password change from the account page, and nothing when the current password is wrong", async () => {
    const { user, first } = await personInSeveralOrgs();
    const cookie = await sessionCookieFor(user);
    const refused = await callRoute(changePasswordRoute, { cookie, body: { currentPassword: "wrong entirely 55", newPassword: "violet canyon piano 73" } });
    expect(refused.status).toBe(422);
    expect(await securityTypes(first.id)).toEqual([]);
    expect((await callRoute(changePasswordRoute, { cookie, body: { currentPassword: PASSWORD, newPassword: "violet canyon piano 73" } })).status).toBe(200);
    expect(await eventsOf(first.id, ["security.password_changed"])).toMatchObject([{ actorId: user.id, payload: { via: "account" } }]);
  });

  it("records a password set through a reset link", async () => {
    const { user, second } = await personInSeveralOrgs();
    const token = newResetToken();
    await getDb().passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: resetTokenExpiry() } });
    expect((await callRoute(confirmResetRoute, { body: { token, password: "violet canyon piano 73" } })).status).toBe(200);
    expect(await eventsOf(second.id, ["security.password_changed"])).toMatchObject([{ actorId: user.id, payload: { via: "reset" } }]);
  });
});

describe("the audit log's own types stay out of the live stream", () => {
  const live = useLiveInstances(1);

  it("does not push them to a manager's socket, while the events around them arrive", async () => {
    const { organization, slug, people } = await auditOrg();
    const follower = await live.follow(people.owner.cookie, live.instances[0]!, slug);
    await postAuthAction("callback", "credentials", { email: people.member.email, password: PASSWORD });
    // A domain event after it: the relay emits in commit order, so once this one is heard the sign-in was passed over.
    const after = await eventAt(organization.id, { type: "organization.renamed", actorId: people.owner.id, subjectType: "organization", subjectId: organization.id, payload: { from: "a", to: "b" } });
    await until(() => follower.heard.some((event) => event.sequence === Number(after.sequence)), "the rename to arrive");
    expect(await eventsOf(organization.id, ["security.signed_in"])).toHaveLength(1);
    expect(follower.heard.map((event) => event.type)).toEqual(["organization.renamed"]);
  });

  it("does not replay them to a manager following the organization", async () => {
    const { organization, slug, people } = await auditOrg();
    await postAuthAction("callback", "credentials", { email: people.member.email, password: PASSWORD });
    expect((await callRoute(revokeRoute, { cookie: people.mentor.cookie })).status).toBe(200);
    const recorded = await eventsOf(organization.id, AUDIT_ONLY_TYPES as string[]);
    expect(recorded.map((event) => event.type).sort()).toEqual(["security.sessions_revoked", "security.signed_in"]);
    const replay = await callRoute(eventsRoute, { path: `/api/v1/o/${slug}/events?after=0`, params: { orgSlug: slug }, cookie: people.owner.cookie });
    expect(replay.status).toBe(200);
    expect(replay.json!.items.filter((event: { type: string }) => event.type.startsWith("security."))).toEqual([]);
    // The activity feed (everyone's timeline) has none of them either.
    const activity = await callRoute(activityRoute, { path: `/api/v1/o/${slug}/activity`, params: { orgSlug: slug }, cookie: people.owner.cookie });
    expect(activity.status).toBe(200);
    expect(activity.json!.items).toEqual([]);
    // The replay still reaches where the stream stands, past them.
    expect(replay.json!.latestSequence).toBe(Number(recorded.at(-1)!.sequence));
  });
});
