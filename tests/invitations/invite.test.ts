/**
 * Inviting through the org-scoped routes: the per-address report, the 422 for a
 * list with nothing valid, the role rules, tenancy (404 for another org's slug
 * or invitation), events, resend and revoke, and the email job through the fake
 * Resend (the raw token never stored).
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { invitationEmailJob } from "@/lib/invitations/invitation-email";
import { hashInvitationToken, newInvitationToken } from "@/lib/invitations/token";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { tablesContaining, useEmailDelivery } from "../support/email-delivery";
import { waitFor } from "../support/job-queue";
import { eventsOf } from "../members/members-fixture";
import { invite, invitationRow, inviters, listInvitations, preview, resend, revoke } from "./invitations-fixture";

const mail = useEmailDelivery();

const fresh = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;

/** The token in the invitation email sent to `email` (waits for the job to send it). */
async function tokenEmailedTo(email: string, count = 1): Promise<string> {
  const sent = await waitFor(`invitation email #${count} to ${email}`, () => {
    const found = mail.fake.emails().filter((candidate) => candidate.to.includes(email));
    return found.length >= count && found;
  });
  const link = /https?:\/\/\S+\/invitations\/([\w-]{43})\b/.exec(sent[count - 1]!.text ?? "");
  expect(link).not.toBeNull();
  return link![1]!;
}


describe("POST /api/v1/o/{orgSlug}/invitations", () => {
  it("invites new addresses and reports duplicates, members, pending invitations and malformed entries", async () => {
    const { organization, members } = await inviters("OWNER", "MENTOR");
    const [owner, mentor] = members;
    const pendingEmail = fresh("pending");
    await invitationRow(organization.id, pendingEmail);
    const a = fresh("ada");
    const b = fresh("bob");

    const { status, json } = await invite(organization.slug, owner!.cookie, {
      emails: [a, ` ${a.toUpperCase()} `, mentor!.email.toUpperCase(), "not-an-email", pendingEmail, b, "x@"],
      role: "MENTOR",
    });
    expect(status).toBe(200);
    expect(json!.invited.map((invitation: { email: string }) => invitation.email)).toEqual([a, b]);
    expect(json!.invited[0]).toMatchObject({ role: "MENTOR", expired: false, invitedBy: { id: owner!.userId } });
    expect(json!.invited[0]).not.toHaveProperty("tokenHash");
    expect(json!.alreadyMember).toEqual([mentor!.email]);
    expect(json!.alreadyInvited).toEqual([pendingEmail]);
    expect(json!.notInvited).toEqual([]);
    expect(json!.duplicates).toEqual([a]);
    expect(json!.invalid).toEqual([
      { index: 3, value: "not-an-email", reason: "Not an email address: it has no @." },
      { index: 6, value: "x@", reason: "Not a valid email address." },
    ]);

    const rows = await getDb().invitation.findMany({ where: { organizationId: organization.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.email).sort()).toEqual([a, b, pendingEmail].sort());
    const created = rows.find((row) => row.email === a)!;
    expect(created.expiresAt.getTime() - created.createdAt.getTime()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(created.expiresAt.getTime() - created.createdAt.getTime()).toBeLessThanOrEqual(7 * 24 * 3600_000 + 60_000);

    const events = (await eventsOf(organization.id)).filter((event) => event.type === "member.invited");
    expect(events.map((event) => event.payload)).toEqual([
      { email: a, role: "MENTOR" },
      { email: b, role: "MENTOR" },
    ]);
    expect(events.every((event) => event.actorId === owner!.userId && event.subjectType === "invitation")).toBe(true);
  });

  it("accepts a pasted text split on commas, spaces and newlines", async () => {
    const { organization, members } = await inviters("ADMIN");
    const a = fresh("pasted");
    const b = fresh("pasted");
    const { status, json } = await invite(organization.slug, members[0]!.cookie, { emails: `${a},\n Grace Hopper <${b}>;  ${a}\n`, role: "MEMBER" });
    expect(status).toBe(200);
    expect(json!.invited.map((invitation: { email: string }) => invitation.email)).toEqual([a, b]);
    expect(json!.duplicates).toEqual([a]);
  });

  it("refuses a list with only malformed entries (422 with a path per entry) and writes nothing", async () => {
    const { organization, members } = await inviters("OWNER");
    const { status, json } = await invite(organization.slug, members[0]!.cookie, { emails: ["nope", "also nope", "a@b"], role: "MEMBER" });
    expect(status).toBe(422);
    expect(json!.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual(["body.emails.0", "body.emails.1", "body.emails.2"]);
    expect(await getDb().invitation.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("refuses empty and oversized lists, unknown fields and wrong types with field paths", async () => {
    const { organization, members } = await inviters("OWNER");
    const cookie = members[0]!.cookie;
    const tooMany = Array.from({ length: 51 }, (_, i) => `p${i}@example.test`);
    expect((await invite(organization.slug, cookie, { emails: [], role: "MEMBER" })).json!.error.details.issues).toEqual([{ path: "body.emails", message: "Enter at least one email address." }]);
    expect((await invite(organization.slug, cookie, { emails: tooMany, role: "MEMBER" })).json!.error.details.issues).toEqual([{ path: "body.emails", message: "Invite at most 50 people at a time." }]);
    const wrong = await invite(organization.slug, cookie, { emails: [fresh("x")], role: "KING", admin: true });
    expect(wrong.status).toBe(422);
    expect(wrong.json!.error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["body.admin", "body.role"]);
    expect((await invite(organization.slug, cookie, { emails: [42], role: "MEMBER" })).json!.error.details.issues[0].path).toBe("body.emails");
    expect(await getDb().invitation.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("lets only owners invite owners and admins; admins invite mentors and new hires; mentors and members cannot invite", async () => {
    const { organization, members } = await inviters("OWNER", "ADMIN", "MENTOR", "MEMBER");
    const [owner, admin, mentor, member] = members;
    for (const role of ["OWNER", "ADMIN"]) {
      const refused = await invite(organization.slug, admin!.cookie, { emails: [fresh("boss")], role });
      expect(refused.status).toBe(403);
      expect(refused.json!.error.message).toMatch(/Only owners can invite an? (owner|admin)/);
    }
    expect((await invite(organization.slug, admin!.cookie, { emails: [fresh("hire")], role: "MEMBER" })).status).toBe(200);
    expect((await invite(organization.slug, owner!.cookie, { emails: [fresh("co-owner")], role: "OWNER" })).status).toBe(200);
    expect((await invite(organization.slug, mentor!.cookie, { emails: [fresh("m")], role: "MEMBER" })).status).toBe(403);
    expect((await invite(organization.slug, member!.cookie, { emails: [fresh("m")], role: "MEMBER" })).status).toBe(403);
    expect((await listInvitations(organization.slug, member!.cookie)).status).toBe(403);
    expect(await getDb().invitation.count({ where: { organizationId: organization.id } })).toBe(2);
  });

  it("emails the link through the job queue and stores the token only as its SHA-256", async () => {
    const { organization, members } = await inviters({ role: "OWNER", name: "Grace Hopper" });
    const email = fresh("mailed");
    expect((await invite(organization.slug, members[0]!.cookie, { emails: [email], role: "MENTOR" })).status).toBe(200);
    const token = await tokenEmailedTo(email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const [sent] = mail.fake.emails().filter((candidate) => candidate.to.includes(email));
    expect(sent!.subject).toBe(`Grace Hopper invited you to “${organization.name}” on Cairn`);
    expect(sent!.text).toContain(`http://localhost:3000/invitations/${token}`);
    expect(sent!.text).toContain("as a mentor");
    expect(sent!.html).toContain(`href="http://localhost:3000/invitations/${token}"`);

    const row = await getDb().invitation.findFirstOrThrow({ where: { organizationId: organization.id, email } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(await tablesContaining(token, ["public.Invitation", "pgboss.job"])).toEqual([]);
    expect(await tablesContaining(row.tokenHash, ["public.Invitation", "pgboss.job"])).toEqual(["public.Invitation"]);
    expect((await preview(token)).json).toMatchObject({ organization: { name: organization.name }, role: "MENTOR", inviter: { name: "Grace Hopper" }, status: "PENDING" });
  });

  it("its job sends nothing for a revoked, accepted or expired invitation, or with a token a resend replaced", async () => {
    const { organization } = await inviters("OWNER");
    const revoked = await invitationRow(organization.id, fresh("revoked"), { revokedAt: new Date() });
    const expired = await invitationRow(organization.id, fresh("expired"), { expiresAt: new Date(Date.now() - 1000) });
    const accepted = await invitationRow(organization.id, fresh("accepted"));
    await getDb().invitation.update({ where: { id: accepted.row.id }, data: { acceptedAt: new Date() } });
    const superseded = await invitationRow(organization.id, fresh("superseded"));
    const pending = await invitationRow(organization.id, fresh("pending"));
    const jobsBefore = (await mail.queue.boss.findJobs(invitationEmailJob.name)).length;

    await getDb().$transaction(async (tx) => {
      for (const { row, token } of [revoked, expired, accepted, pending]) {
        await enqueue(tx, invitationEmailJob, { invitationId: row.id, sendNumber: 1, sealedToken: sealSecret(token) });
      }
      await enqueue(tx, invitationEmailJob, { invitationId: superseded.row.id, sendNumber: 1, sealedToken: sealSecret(newInvitationToken()) });
    });
    await waitFor("the five jobs to finish", async () => {
      const jobs = await mail.queue.boss.findJobs(invitationEmailJob.name);
      return jobs.length === jobsBefore + 5 && jobs.every((job) => job.state === "completed");
    });
    // Only the pending one was sent; its link carries its token.
    expect(mail.fake.emails().map((email) => email.to)).toEqual([[pending.row.email]]);
    expect(mail.fake.emails()[0]!.text).toContain(`/invitations/${pending.token}`);
  });
});

describe("pending list, resend and revoke", () => {
  it("lists pending invitations newest first with cursors, flags expired ones, and hides accepted and revoked ones", async () => {
    const { organization, members } = await inviters("OWNER");
    const cookie = members[0]!.cookie;
    const expired = await invitationRow(organization.id, fresh("expired"), { expiresAt: new Date(Date.now() - 1000) });
    await invitationRow(organization.id, fresh("gone"), { revokedAt: new Date() });
    const { json: created } = await invite(organization.slug, cookie, { emails: [fresh("l1"), fresh("l2"), fresh("l3")], role: "MEMBER" });

    const first = await listInvitations(organization.slug, cookie, "limit=2");
    expect(first.status).toBe(200);
    expect(first.json!.items).toHaveLength(2);
    const second = await listInvitations(organization.slug, cookie, `limit=2&cursor=${first.json!.nextCursor}`);
    expect(second.json!.items).toHaveLength(2);
    expect(second.json!.nextCursor).toBeNull();
    const all = [...first.json!.items, ...second.json!.items];
    expect(new Set(all.map((item: { id: string }) => item.id))).toEqual(new Set([...created!.invited.map((item: { id: string }) => item.id), expired.row.id]));
    expect(all.find((item: { id: string }) => item.id === expired.row.id)).toMatchObject({ expired: true });
    expect(all.filter((item: { expired: boolean }) => !item.expired)).toHaveLength(3);
    expect((await listInvitations(organization.slug, cookie, "cursor=garbage")).status).toBe(422);
  });

  it("resend issues a new link and expiry: the old link stops working and a second email goes out", async () => {
    const { organization, members } = await inviters("OWNER");
    const email = fresh("resent");
    const { json } = await invite(organization.slug, members[0]!.cookie, { emails: [email], role: "MEMBER" });
    const id = json!.invited[0].id;
    const oldToken = await tokenEmailedTo(email);

    const again = await resend(organization.slug, id, members[0]!.cookie);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id, email, expired: false });
    const newToken = await tokenEmailedTo(email, 2);
    expect(newToken).not.toBe(oldToken);
    expect((await preview(oldToken)).status).toBe(404);
    expect((await preview(newToken)).status).toBe(200);
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id } });
    expect(row.sendCount).toBe(2);
    expect(row.tokenHash).toBe(hashInvitationToken(newToken));
    expect((await eventsOf(organization.id)).map((event) => event.type)).toEqual(["member.invited", "member.invitation_resent"]);
  });

  it("revoke stops the link, records the event once, and a revoked invitation cannot be resent", async () => {
    const { organization, members } = await inviters("OWNER");
    const { token, row } = await invitationRow(organization.id, fresh("revoke"));
    expect((await preview(token)).status).toBe(200);
    const { status, json } = await revoke(organization.slug, row.id, members[0]!.cookie);
    expect(status).toBe(200);
    expect(json).toEqual({ id: row.id, revoked: true });
    expect((await revoke(organization.slug, row.id, members[0]!.cookie)).status).toBe(200);
    const gone = await preview(token);
    expect(gone.status).toBe(410);
    expect(gone.json!.error.details.reason).toBe("invitation_revoked");
    expect((await resend(organization.slug, row.id, members[0]!.cookie)).status).toBe(409);
    expect((await eventsOf(organization.id)).map((event) => event.type)).toEqual(["member.invitation_revoked"]);
  });

  it("an admin cannot resend or revoke an owner's invitation to an admin", async () => {
    const { organization, members } = await inviters("OWNER", "ADMIN");
    const { row } = await invitationRow(organization.id, fresh("future-admin"), { role: "ADMIN" });
    expect((await resend(organization.slug, row.id, members[1]!.cookie)).status).toBe(403);
    expect((await revoke(organization.slug, row.id, members[1]!.cookie)).status).toBe(403);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
  });
});

describe("tenancy", () => {
  it("answers 404 on every org route for another organization's slug and for another organization's invitation id", async () => {
    const mine = await inviters("OWNER");
    const theirs = await inviters("OWNER");
    const cookie = mine.members[0]!.cookie;
    const { row } = await invitationRow(theirs.organization.id, fresh("theirs"));

    expect((await listInvitations(theirs.organization.slug, cookie)).status).toBe(404);
    expect((await invite(theirs.organization.slug, cookie, { emails: [fresh("x")], role: "MEMBER" })).status).toBe(404);
    expect((await resend(theirs.organization.slug, row.id, cookie)).status).toBe(404);
    expect((await revoke(theirs.organization.slug, row.id, cookie)).status).toBe(404);
    // Their invitation's id through my own organization's URL.
    expect((await resend(mine.organization.slug, row.id, cookie)).status).toBe(404);
    expect((await revoke(mine.organization.slug, row.id, cookie)).status).toBe(404);
    expect((await revoke(mine.organization.slug, "not-a-cuid", cookie)).status).toBe(404);

    const after = await getDb().invitation.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ revokedAt: null, sendCount: 1, tokenHash: row.tokenHash });
    expect(await getDb().invitation.count({ where: { organizationId: theirs.organization.id } })).toBe(1);
  });
});
