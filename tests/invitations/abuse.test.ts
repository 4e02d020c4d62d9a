/**
 * Invitations as a way to email strangers (issue 13, decision 0019), performed
 * through the real routes and the email job: the reported attack (one fresh
 * account, one stranger, invite + resend, a phishing organization name), the
 * per-address limit across organizations, the per-organization limit that
 * revoking does not reset, the new-account cap, concurrent senders, and the
 * "I don't know this organization" link.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as confirmSignUpRoute } from "@/app/api/v1/accounts/confirm/route";
import { POST as signUpRoute } from "@/app/api/v1/accounts/route";
import { POST as confirmVerificationRoute } from "@/app/api/v1/email-verifications/confirm/route";
import { POST as sendVerificationRoute } from "@/app/api/v1/email-verifications/route";
import { POST as blockRoute } from "@/app/api/v1/invitation-blocks/route";
import { PATCH as renameOrganizationRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { POST as createOrganizationRoute } from "@/app/api/v1/orgs/route";
import { getDb } from "@/lib/db/client";
import { blockTokenFor } from "@/lib/invitations/block-token";
import { findBlockTarget } from "@/lib/invitations/block-organization";
import { recipientHash } from "@/lib/invitations/recipient-hash";
import { INVITATION_SEND_LIMITS } from "@/lib/security/limits";
import { callRoute } from "../support/call-route";
import { tablesContaining, useEmailDelivery } from "../support/email-delivery";
import { sessionCookieFor } from "../support/factories";
import { waitFor } from "../support/job-queue";
import { eventsOf } from "../members/members-fixture";
import { accept, invite, invitationRow, inviters, preview, resend, revoke } from "./invitations-fixture";

const mail = useEmailDelivery();
const { perRecipientPerDay, perOrganizationRecipient, newAccount } = INVITATION_SEND_LIMITS;

const unique = () => randomUUID().slice(0, 8);
const stranger = () => `stranger-${unique()}@example.test`;
const PHISHING_NAME = "Payroll: confirm your bank details at evil.example";

const emailsTo = (address: string) => mail.fake.emails().filter((email) => email.to.includes(address) && email.subject.includes("invited you"));
const sendsTo = (address: string) => getDb().invitationSend.count({ where: { recipientHash: recipientHash(address) } });

/** Waits until `count` invitation emails reached `address`, then checks that no more are on their way. */
async function invitationEmailsTo(address: string, count: number) {
  await waitFor(`${count} invitation emails to ${address}`, () => emailsTo(address).length >= count);
  await waitFor("the invitation jobs to finish", async () => (await mail.queue.boss.findJobs("invitation.email")).every((job) => job.state === "completed"));
  return emailsTo(address);
}

/** The "I don't know this organization" token in an invitation email's plain text. */
function blockTokenIn(text: string | undefined): string {
  const link = /http:\/\/localhost:3000\/invitations\/block\/([a-z0-9]+\.[\w-]{43})\n/.exec(text ?? "");
  expect(link, "the plain-text part carries the block link").not.toBeNull();
  return link![1]!;
}

function block(token: string) {
  // As from a mail client: no account, no session, no Origin.
  return callRoute(blockRoute, { body: { token }, origin: null });
}

describe("the reported attack: a fresh account emailing one stranger again and again", () => {
  it("is refused before verification, then stops at 3 emails from the organization, revoking included", async () => {
    const victim = stranger();
    const email = `attacker-${unique()}@example.test`;
    /** The token of the newest email to `email` whose link has this path. */
    const emailedToken = (path: string) =>
      waitFor(`an email with a ${path} link`, () => {
        const texts = mail.fake.emails().filter((candidate) => candidate.to.includes(email)).map((candidate) => candidate.text ?? "");
        const found = texts.map((text) => new RegExp(`${path}\\?token=([\\w-]+)`).exec(text)?.[1]).filter(Boolean);
        return found.length > 0 && (found.at(-1) as string);
      });

    // Sign-up (decision 0017): the address, then the emailed link with the rest.
    expect((await callRoute(signUpRoute, { body: { email } })).status).toBe(202);
    const signUpToken = await emailedToken("/sign-up/confirm");
    const confirm = (organizationName: string) =>
      callRoute(confirmSignUpRoute, { body: { token: signUpToken, name: "Payroll Desk", password: "harbor violet comet 73", organizationName } });

    // The phishing text cannot even be the organization's name.
    const refused = await confirm(PHISHING_NAME);
    expect(refused.status).toBe(422);
    expect(refused.json!.error.details.issues).toEqual([{ path: "body.organizationName", message: expect.stringMatching(/cannot contain a web or email address/) }]);

    const created = await confirm("Payroll Desk");
    expect(created.status).toBe(201);
    // Sign-up now proves the address; an account made before that (never verified) is the one that must verify first.
    const user = await getDb().user.update({ where: { email }, data: { emailVerified: null } });
    const cookie = await sessionCookieFor(user);
    const slug = created.json!.organization.slug as string;

    // Unverified: no invitation at all, with a message that says what to do.
    const unverified = await invite(slug, cookie, { emails: [victim], role: "MEMBER" });
    expect(unverified.status).toBe(403);
    expect(unverified.json!.error).toMatchObject({ code: "FORBIDDEN", details: { reason: "email_unverified" } });
    expect(unverified.json!.error.message).toMatch(/^Verify your email address before inviting people/);
    expect(await getDb().invitation.count({ where: { email: victim } })).toBe(0);

    // Verified through the emailed link: invite once, resend twice, then refused.
    expect((await callRoute(sendVerificationRoute, { cookie })).status).toBe(202);
    const verifyToken = await emailedToken("/verify-email");
    expect((await callRoute(confirmVerificationRoute, { body: { token: verifyToken }, cookie })).status).toBe(200);

    const first = await invite(slug, cookie, { emails: [victim], role: "MEMBER" });
    expect(first.json!.invited).toHaveLength(1);
    const invitationId = first.json!.invited[0].id as string;
    await invitationEmailsTo(victim, 1);
    // Each email is waited for: a resend replaces the link, and a job whose link was replaced sends nothing.
    for (let send = 2; send <= perOrganizationRecipient.sends; send += 1) {
      expect((await resend(slug, invitationId, cookie)).status).toBe(200);
      await invitationEmailsTo(victim, send);
    }
    const tooMany = await resend(slug, invitationId, cookie);
    expect(tooMany.status).toBe(429);
    expect(tooMany.json!.error).toMatchObject({ code: "RATE_LIMITED", details: { reason: "organization_limit" } });
    expect(tooMany.json!.error.message).toMatch(/^Not sent: this organization already sent this address 3 invitation emails in the last 7 days\. Try again in \d+ hours\.$/);
    expect(Number(tooMany.response.headers.get("retry-after"))).toBeGreaterThan(6 * 24 * 3600);

    // Revoking and inviting again does not start the count over.
    expect((await revoke(slug, invitationId, cookie)).status).toBe(200);
    const again = await invite(slug, cookie, { emails: [victim], role: "MEMBER" });
    expect(again.status).toBe(200);
    expect(again.json!.invited).toEqual([]);
    expect(again.json!.notInvited).toEqual([{ email: victim, reason: "organization_limit", message: expect.stringMatching(/^This organization already sent this address 3/) }]);

    expect(await invitationEmailsTo(victim, perOrganizationRecipient.sends)).toHaveLength(perOrganizationRecipient.sends);
    expect(await sendsTo(victim)).toBe(perOrganizationRecipient.sends);
  });

  it("shows an organization name made before the rule quoted and clipped in the subject, and says Cairn did not write it", async () => {
    const { organization, members } = await inviters({ role: "OWNER", name: "Payroll Department" });
    await getDb().organization.update({ where: { id: organization.id }, data: { name: PHISHING_NAME } });
    const victim = stranger();
    expect((await invite(organization.slug, members[0]!.cookie, { emails: [victim], role: "MEMBER" })).json!.invited).toHaveLength(1);
    const [sent] = await invitationEmailsTo(victim, 1);
    expect(sent!.subject).toBe("Payroll Department invited you to “Payroll: confirm your bank details at e…” on Cairn");
    expect(sent!.text).toContain(`the organization “${PHISHING_NAME}” on Cairn`);
    expect(sent!.text).toContain("not by Cairn");
    expect(sent!.html).not.toContain(`>${PHISHING_NAME}<`);
  });
});

describe("limits per address, whatever the organization", () => {
  it(`lets one address receive ${perRecipientPerDay} invitation emails in 24 hours from all organizations together`, async () => {
    const victim = stranger();
    const orgs = await Promise.all(Array.from({ length: perRecipientPerDay + 1 }, () => inviters("OWNER")));
    for (const { organization, members } of orgs.slice(0, perRecipientPerDay)) {
      expect((await invite(organization.slug, members[0]!.cookie, { emails: [victim], role: "MEMBER" })).json!.invited).toHaveLength(1);
    }
    const [first, last] = [orgs[0]!, orgs.at(-1)!];

    const over = await invite(last.organization.slug, last.members[0]!.cookie, { emails: [victim, stranger()], role: "MEMBER" });
    expect(over.status).toBe(200);
    expect(over.json!.invited).toHaveLength(1); // the other address is not affected
    expect(over.json!.notInvited).toEqual([{ email: victim, reason: "recipient_limit", message: expect.stringMatching(/^Limit reached for this address today\. Try again in (23|24) hours\.$/) }]);
    // Nothing in the answer names the other organizations.
    expect(JSON.stringify(over.json)).not.toContain(first.organization.name);

    // A resend counts too.
    const firstInvitation = await getDb().invitation.findFirstOrThrow({ where: { organizationId: first.organization.id, email: victim } });
    const resent = await resend(first.organization.slug, firstInvitation.id, first.members[0]!.cookie);
    expect(resent.status).toBe(429);
    expect(resent.json!.error.details.reason).toBe("recipient_limit");
    expect(resent.json!.error.message).toMatch(/^Not sent: limit reached for this address today/);

    expect(await invitationEmailsTo(victim, perRecipientPerDay)).toHaveLength(perRecipientPerDay);

    // A day later (the log moved back rather than the clock forward) the address may be invited again.
    await getDb().invitationSend.updateMany({ where: { recipientHash: recipientHash(victim) }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    expect((await invite(last.organization.slug, last.members[0]!.cookie, { emails: [victim], role: "MEMBER" })).json!.invited).toHaveLength(1);
  });

  it("holds when several organizations invite the same address at the same moment", async () => {
    const victim = stranger();
    const earlier = await inviters("OWNER");
    // One slot left for this address today.
    const invitation = await invitationRow(earlier.organization.id, `${unique()}@example.test`);
    await getDb().invitationSend.createMany({
      data: Array.from({ length: perRecipientPerDay - 1 }, () => ({ organizationId: earlier.organization.id, invitationId: invitation.row.id, recipientHash: recipientHash(victim) })),
    });
    const racers = await Promise.all(Array.from({ length: 4 }, () => inviters("OWNER")));
    const answers = await Promise.all(racers.map(({ organization, members }) => invite(organization.slug, members[0]!.cookie, { emails: [victim], role: "MEMBER" })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers.flatMap((answer) => answer.json!.invited)).toHaveLength(1);
    expect(answers.flatMap((answer) => answer.json!.notInvited.map((entry: { reason: string }) => entry.reason))).toEqual(["recipient_limit", "recipient_limit", "recipient_limit"]);
    expect(await sendsTo(victim)).toBe(perRecipientPerDay);
  });
});

describe("new accounts", () => {
  it(`send at most ${newAccount.perDay} invitation emails in their first ${newAccount.accountAgeHours} hours`, async () => {
    const { organization, members } = await inviters("OWNER");
    await getDb().user.update({ where: { id: members[0]!.userId }, data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    const addresses = Array.from({ length: newAccount.perDay + 2 }, stranger);

    const { json } = await invite(organization.slug, members[0]!.cookie, { emails: addresses, role: "MEMBER" });
    expect(json!.invited.map((invitation: { email: string }) => invitation.email)).toEqual(addresses.slice(0, newAccount.perDay));
    expect(json!.notInvited).toEqual(
      addresses.slice(newAccount.perDay).map((email) => ({ email, reason: "account_limit", message: expect.stringMatching(/^New accounts send at most 10 invitation emails in their first 24 hours\. Try again in 22 hours\.$/) })),
    );
    const resent = await resend(organization.slug, json!.invited[0].id, members[0]!.cookie);
    expect(resent.status).toBe(429);
    expect(resent.json!.error.details.reason).toBe("account_limit");

    // The same account a day later is no longer capped this way.
    await getDb().user.update({ where: { id: members[0]!.userId }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    expect((await invite(organization.slug, members[0]!.cookie, { emails: addresses.slice(newAccount.perDay), role: "MEMBER" })).json!.invited).toHaveLength(2);
  });

  it("cannot resend either while unverified", async () => {
    const { organization, members } = await inviters("OWNER");
    const { row } = await invitationRow(organization.id, stranger());
    await getDb().user.update({ where: { id: members[0]!.userId }, data: { emailVerified: null } });
    const refused = await resend(organization.slug, row.id, members[0]!.cookie);
    expect(refused.status).toBe(403);
    expect(refused.json!.error.details.reason).toBe("email_unverified");
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: row.id } })).sendCount).toBe(1);
  });
});

describe("I don't know this organization", () => {
  it("blocks the organization for the address from the emailed link, without an account, and withdraws the invitation", async () => {
    const { organization, members } = await inviters("OWNER");
    const cookie = members[0]!.cookie;
    const victim = stranger();
    const { json } = await invite(organization.slug, cookie, { emails: [victim], role: "MEMBER" });
    const invitationId = json!.invited[0].id as string;
    const [sent] = await invitationEmailsTo(victim, 1);
    const token = blockTokenIn(sent!.text);
    expect(sent!.html).toContain(`href="http://localhost:3000/invitations/block/${token}"`);
    const acceptToken = /\/invitations\/([\w-]{43})\n/.exec(sent!.text ?? "")![1]!;

    // The page only reads (mail scanners open links); the button's POST blocks.
    expect(await findBlockTarget(token)).toEqual({ organization: { name: organization.name }, email: expect.stringMatching(/^s\*\*\*\d?.*@example\.test$/), blocked: false });
    expect((await preview(acceptToken)).status).toBe(200);

    const blocked = await block(token);
    expect(blocked.status).toBe(200);
    expect(blocked.json).toEqual({ organization: { name: organization.name }, email: expect.stringContaining("***"), blocked: true, invitationsRevoked: 1 });
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitationId } })).revokedAt).toBeInstanceOf(Date);
    expect((await accept(acceptToken, { body: { name: "Victim", password: "harbor violet comet 73" } })).status).toBe(410);
    const declined = (await eventsOf(organization.id)).filter((event) => event.type === "member.invitation_declined");
    expect(declined).toEqual([expect.objectContaining({ actorId: null, subjectType: "invitation", subjectId: invitationId, payload: { email: victim, revokedInvitationIds: [invitationId] } })]);
    expect(await findBlockTarget(token)).toMatchObject({ blocked: true });

    // Twice changes nothing.
    expect((await block(token)).json).toMatchObject({ blocked: true, invitationsRevoked: 0 });
    expect((await eventsOf(organization.id)).filter((event) => event.type === "member.invitation_declined")).toHaveLength(1);

    // The organization can no longer invite the address, and is told so; nothing is sent.
    const again = await invite(organization.slug, cookie, { emails: [victim.toUpperCase()], role: "ADMIN" });
    expect(again.json!.invited).toEqual([]);
    expect(again.json!.notInvited).toEqual([{ email: victim, reason: "declined", message: "This address asked not to receive invitations from this organization." }]);
    expect(await getDb().invitation.count({ where: { organizationId: organization.id, email: victim } })).toBe(1);

    // Other organizations are not affected.
    const other = await inviters("OWNER");
    expect((await invite(other.organization.slug, other.members[0]!.cookie, { emails: [victim], role: "MEMBER" })).json!.invited).toHaveLength(1);
    expect(await invitationEmailsTo(victim, 2)).toHaveLength(2);
  });

  it("works from the link of an earlier email after a resend, and stores nothing that could rebuild it", async () => {
    const { organization, members } = await inviters("OWNER");
    const victim = stranger();
    const { json } = await invite(organization.slug, members[0]!.cookie, { emails: [victim], role: "MEMBER" });
    const [firstEmail] = await invitationEmailsTo(victim, 1);
    expect((await resend(organization.slug, json!.invited[0].id, members[0]!.cookie)).status).toBe(200);
    const [, secondEmail] = await invitationEmailsTo(victim, 2);
    const token = blockTokenIn(firstEmail!.text);
    expect(blockTokenIn(secondEmail!.text)).toBe(token);
    const mac = token.split(".")[1]!;
    expect(await tablesContaining(mac, ["public.Invitation", "public.InvitationBlock", "pgboss.job"])).toEqual([]);
    expect((await block(token)).json).toMatchObject({ blocked: true, invitationsRevoked: 1 });
  });

  it("refuses forged, altered, borrowed and malformed links, and the block link cannot accept", async () => {
    const { organization } = await inviters("OWNER");
    const mine = await invitationRow(organization.id, stranger());
    const theirs = await invitationRow(organization.id, stranger());
    const token = blockTokenFor(mine.row.id);
    const [id, mac] = token.split(".") as [string, string];
    const flipped = `${mac.slice(0, 10)}${mac[10] === "A" ? "B" : "A"}${mac.slice(11)}`;
    for (const forged of [`${id}.${flipped}`, `${theirs.row.id}.${mac}`, `${id}.${mac}.x`, id, `${id}.`, "x".repeat(200), `../${token}`]) {
      const answer = await block(forged);
      expect(answer.status, forged).toBe(404);
      expect(answer.json!.error.message).toMatch(/This link is not valid/);
    }
    expect((await block("x".repeat(201))).status).toBe(422);
    expect((await accept(token, { body: { name: "X", password: "harbor violet comet 73" } })).status).toBe(404);
    expect(await getDb().invitationBlock.count({ where: { organizationId: organization.id } })).toBe(0);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: theirs.row.id } })).revokedAt).toBeNull();
  });
});

describe("organization names", () => {
  it("cannot carry a web or email address, at creation or rename", async () => {
    const { organization, members } = await inviters("OWNER");
    const cookie = members[0]!.cookie;
    const created = await callRoute(createOrganizationRoute, { cookie, body: { name: PHISHING_NAME } });
    expect(created.status).toBe(422);
    expect(created.json!.error.details.issues).toEqual([{ path: "body.name", message: expect.stringMatching(/cannot contain a web or email address/) }]);
    const renamed = await callRoute(renameOrganizationRoute, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, cookie, body: { name: "Log in at https://evil.example" } });
    expect(renamed.status).toBe(422);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe(organization.name);
    expect((await callRoute(renameOrganizationRoute, { path: `/api/v1/o/${organization.slug}`, params: { orgSlug: organization.slug }, cookie, body: { name: "Node.js Platform" } })).status).toBe(200);
  });
});
