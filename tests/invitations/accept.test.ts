/**
 * The link in the email: preview and accept. Only the invited address may
 * accept (a new account made inline, or the signed-in user with that email,
 * verified); single use; expired, revoked and unknown links are refused;
 * member.joined.
 */
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/accounts/service";
import { getDb } from "@/lib/db/client";
import { createUser, sessionCookieFor } from "../support/factories";
import { eventsOf, listMembers, organizationWith } from "../members/members-fixture";
import { accept, invitationRow, preview } from "./invitations-fixture";

const PASSWORD = "lantern orchard river 42";
const fresh = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe("GET /api/v1/invitations/{token}", () => {
  it("shows the organization, role, inviter, expiry and a masked address; 404 for an unknown or malformed token", async () => {
    const { organization, members } = await organizationWith({ role: "OWNER", name: "Ada Lovelace" });
    const { token, row } = await invitationRow(organization.id, "katherine.johnson@example.test", { role: "MENTOR", invitedById: members[0]!.userId });
    const { status, json } = await preview(token);
    expect(status).toBe(200);
    expect(json).toEqual({
      organization: { name: organization.name, slug: organization.slug },
      role: "MENTOR",
      email: "k***n@example.test",
      inviter: { name: "Ada Lovelace" },
      expiresAt: row.expiresAt.toISOString(),
      status: "PENDING",
    });
    const unknown = await preview("A".repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.json!.error.message).toMatch(/not valid/);
    expect((await preview("short")).status).toBe(404);
  });
});

describe("POST /api/v1/invitations/{token}/accept", () => {
  it("signed out: creates the account for the invited address (verified, argon2id) and the membership with the invited role", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const email = fresh("newcomer");
    const { token, row } = await invitationRow(organization.id, email, { role: "MENTOR" });

    const { status, json } = await accept(token, { body: { name: "Mary Jackson", password: PASSWORD } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ organization: { id: organization.id, slug: organization.slug }, membership: { role: "MENTOR" }, user: { email }, accountCreated: true });

    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Mary Jackson");
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ id: user.id });
    const membership = await getDb().membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: organization.id, userId: user.id } } });
    expect(membership).toMatchObject({ role: "MENTOR", status: "ACTIVE" });
    expect(await getDb().invitation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ acceptedByUserId: user.id, acceptedAt: expect.any(Date) });

    const [joined] = await eventsOf(organization.id);
    expect(joined).toMatchObject({ type: "member.joined", actorId: user.id, subjectType: "membership", subjectId: membership.id, payload: { userId: user.id, role: "MENTOR", invitationId: row.id } });
    // The owner sees the new member on the members list.
    const listed = await listMembers(organization.slug, members[0]!.cookie);
    expect(listed.json!.items.map((member: { user: { email: string }; role: string }) => [member.user.email, member.role])).toContainEqual([email, "MENTOR"]);
  });

  it("signed out: needs a name and an acceptable password (422 with paths), and 409 when the address already has an account", async () => {
    const { organization } = await organizationWith("OWNER");
    const email = fresh("strict");
    const { token } = await invitationRow(organization.id, email);
    const missing = await accept(token, { body: {} });
    expect(missing.status).toBe(422);
    expect(missing.json!.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual(["body.name", "body.password"]);
    const weak = await accept(token, { body: { name: "Dorothy", password: "password123" } });
    expect(weak.json!.error.details.issues).toEqual([{ path: "body.password", message: expect.stringMatching(/common/) }]);
    const extra = await accept(token, { body: { name: "Dorothy", password: PASSWORD, role: "OWNER" } });
    expect(extra.json!.error.details.issues).toEqual([{ path: "body.role", message: "Unknown field." }]);

    const existing = await createUser();
    const { token: forExisting } = await invitationRow(organization.id, existing.email);
    const conflict = await accept(forExisting, { body: { name: "Someone", password: PASSWORD } });
    expect(conflict.status).toBe(409);
    expect(conflict.json!.error.details.reason).toBe("account_exists");
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });

  it("signed in as the invited address: joins with the invited role; already a member: only marks it accepted", async () => {
    const { organization } = await organizationWith("OWNER");
    const user = await createUser({ email: fresh("existing"), verified: true });
    const cookie = await sessionCookieFor(user);
    const { token } = await invitationRow(organization.id, user.email, { role: "ADMIN" });
    const { status, json } = await accept(token, { cookie });
    expect(status).toBe(200);
    expect(json).toMatchObject({ membership: { role: "ADMIN" }, user: { id: user.id }, accountCreated: false });
    expect((await eventsOf(organization.id)).map((event) => event.type)).toEqual(["member.joined"]);

    const second = await organizationWith("OWNER");
    const already = await organizationWith("MENTOR");
    // A member of `already` invited to it again (as an admin): stays a mentor, invitation accepted, no event.
    const mentor = already.members[0]!;
    await getDb().user.update({ where: { id: mentor.userId }, data: { emailVerified: new Date() } });
    const { token: again, row } = await invitationRow(already.organization.id, mentor.email, { role: "ADMIN" });
    const result = await accept(again, { cookie: mentor.cookie });
    expect(result.status).toBe(200);
    expect(result.json!.membership).toEqual({ id: mentor.membershipId, role: "MENTOR" });
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: row.id } })).acceptedAt).toBeInstanceOf(Date);
    expect(await eventsOf(already.organization.id)).toEqual([]);
    expect(await eventsOf(second.organization.id)).toEqual([]);
  });

  it("signed in as the invited address, never verified: 403 asking to verify first, nothing written; once verified, it joins", async () => {
    const { organization } = await organizationWith("OWNER");
    const user = await createUser({ email: fresh("unverified") });
    const cookie = await sessionCookieFor(user);
    const { token, row } = await invitationRow(organization.id, user.email, { role: "MENTOR" });
    const { status, json } = await accept(token, { cookie });
    expect(status).toBe(403);
    expect(json!.error).toMatchObject({ code: "FORBIDDEN", details: { reason: "email_unverified" } });
    expect(json!.error.message).toContain(user.email);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: user.id } })).toBe(0);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: row.id } })).acceptedAt).toBeNull();
    expect(await eventsOf(organization.id)).toEqual([]);

    await getDb().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    expect((await accept(token, { cookie })).status).toBe(200);
  });

  it("signed in as another address: 403 naming the invited address, nothing written", async () => {
    const { organization } = await organizationWith("OWNER");
    const { token, row } = await invitationRow(organization.id, "invitee@example.test");
    const other = await createUser({ email: fresh("other") });
    const { status, json } = await accept(token, { cookie: await sessionCookieFor(other) });
    expect(status).toBe(403);
    expect(json!.error.message).toBe(`This invitation is for i***e@example.test, but you are signed in as ${other.email}. Sign out and open the link again.`);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: other.id } })).toBe(0);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: row.id } })).acceptedAt).toBeNull();
  });

  it("works once: a second accept (even simultaneous) is refused", async () => {
    const { organization } = await organizationWith("OWNER");
    const user = await createUser({ email: fresh("once"), verified: true });
    const cookie = await sessionCookieFor(user);
    const { token } = await invitationRow(organization.id, user.email);
    const results = await Promise.all([accept(token, { cookie }), accept(token, { cookie })]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 410]);
    const again = await accept(token, { cookie });
    expect(again.status).toBe(410);
    expect(again.json!.error.details.reason).toBe("invitation_accepted");
    expect((await preview(token)).status).toBe(410);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: user.id } })).toBe(1);
    expect((await eventsOf(organization.id)).filter((event) => event.type === "member.joined")).toHaveLength(1);
  });

  it("refuses an expired, a revoked and an unknown link", async () => {
    const { organization } = await organizationWith("OWNER");
    const expired = await invitationRow(organization.id, fresh("late"), { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await invitationRow(organization.id, fresh("withdrawn"), { revokedAt: new Date() });
    const body = { name: "Someone New", password: PASSWORD };

    const late = await accept(expired.token, { body });
    expect(late.status).toBe(410);
    expect(late.json!.error).toMatchObject({ code: "GONE", details: { reason: "invitation_expired" } });
    const withdrawn = await accept(revoked.token, { body });
    expect(withdrawn.status).toBe(410);
    expect(withdrawn.json!.error.details.reason).toBe("invitation_revoked");
    expect((await accept("B".repeat(43), { body })).status).toBe(404);
    expect(await getDb().membership.count({ where: { organizationId: organization.id } })).toBe(1);
    expect(await getDb().user.count({ where: { email: { in: [expired.row.email, revoked.row.email] } } })).toBe(0);
  });

  it("refuses a signed-in accept from a foreign Origin or without one (CSRF)", async () => {
    const { organization } = await organizationWith("OWNER");
    const user = await createUser({ email: fresh("csrf"), verified: true });
    const { token } = await invitationRow(organization.id, user.email);
    const cookie = await sessionCookieFor(user);
    expect((await accept(token, { cookie, body: {}, origin: "https://evil.test" })).status).toBe(403);
    // With a session cookie, a write must say where it comes from.
    expect((await accept(token, { cookie, body: {}, origin: null })).status).toBe(403);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: user.id } })).toBe(0);
  });
});
