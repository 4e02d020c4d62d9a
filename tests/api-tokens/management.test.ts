/**
 * Managing API tokens (decision 0032): personal tokens within the person's role in
 * one organization, shown once and listed without the secret; service tokens made by
 * owners acting as a service member of their own (hidden from the members list, never
 * signing in); the audit log names the token behind each action.
 */
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { GET as auditRoute } from "@/app/api/v1/o/[orgSlug]/audit/route";
import { GET as getOrgRoute, PATCH as renameOrgRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { GET as listMembersRoute } from "@/app/api/v1/o/[orgSlug]/members/route";
import { getDb } from "@/lib/db/client";
import { hashToken } from "@/lib/api-tokens/token-secret";
import { updateAssignment } from "../assignments/assignments-fixture";
import { assignedOrg } from "../evidence/evidence-fixture";
import { listMembers, organizationWith } from "../members/members-fixture";
import { callRoute } from "../support/call-route";
import { sessionCookieFor } from "../support/factories";
import {
  callWithToken,
  createPersonalToken,
  createServiceToken,
  listPersonalTokens,
  listServiceTokens,
  personalToken,
  revokePersonalToken,
  revokeServiceToken,
} from "./api-tokens-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues the "assigned" emails (lib/reminders).
useJobQueue();

describe("personal tokens", () => {
  it("are shown once, stored as a hash, listed without the secret, and revoked by their person only", async () => {
    const { organization, members } = await organizationWith("ADMIN", "ADMIN");
    const [ada, bob] = members as [(typeof members)[0], (typeof members)[0]];
    const created = await createPersonalToken(ada.cookie, organization.slug, { name: "Weekly export", scopes: ["org.read", "dashboard.read"], expiresInDays: 30 });
    expect(created.status).toBe(201);
    const { token, id, prefix, expiresAt } = created.json!;
    expect(token.startsWith(prefix)).toBe(true);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).tokenHash).toBe(hashToken(token));

    const listed = await listPersonalTokens(ada.cookie);
    expect(listed.status).toBe(200);
    expect(listed.json!.tokens).toEqual([
      expect.objectContaining({ id, name: "Weekly export", kind: "PERSONAL", prefix, scopes: ["org.read", "dashboard.read"], role: "ADMIN", organization: { slug: organization.slug, name: organization.name }, lastUsedAt: null }),
    ]);
    expect(listed.text).not.toContain(token);
    expect((await listPersonalTokens(bob.cookie)).json!.tokens).toEqual([]);

    const notBobs = await revokePersonalToken(bob.cookie, id);
    expect(notBobs.status).toBe(404);
    expect(await getDb().apiToken.count({ where: { id } })).toBe(1);
    expect((await revokePersonalToken(ada.cookie, id)).status).toBe(200);
    expect((await revokePersonalToken(ada.cookie, id)).status).toBe(404);
    const events = await getDb().event.findMany({ where: { organizationId: organization.id, subjectType: "api_token" }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["api_token.created", "api_token.revoked"]);
  });

  it("are made only within the person's role, in an organization where they are an active member", async () => {
    const { organization, members } = await organizationWith("MEMBER", ["MEMBER", "SUSPENDED"]);
    const beyond = await createPersonalToken(members[0]!.cookie, organization.slug, { scopes: ["org.read", "org.update"] });
    expect(beyond.status).toBe(422);
    expect(beyond.json!.error.details.issues).toEqual([{ path: "body.scopes.1", message: "The member role does not have the org.update permission." }]);
    const other = await organizationWith("OWNER");
    expect((await createPersonalToken(members[0]!.cookie, other.organization.slug, { scopes: ["org.read"] })).status).toBe(404);
    expect((await createPersonalToken(members[1]!.cookie, organization.slug, { scopes: ["org.read"] })).status).toBe(403);
    for (const scopes of [[], ["token.manage"], ["no.such"], ["org.read", "org.read"]]) {
      expect((await createPersonalToken(members[0]!.cookie, organization.slug, { scopes })).status, JSON.stringify(scopes)).toBe(422);
    }
    expect((await createPersonalToken(members[0]!.cookie, organization.slug, { scopes: ["org.read"], name: "x".repeat(81) })).status).toBe(422);
    expect((await createPersonalToken(members[0]!.cookie, organization.slug, { scopes: ["org.read"], expiresInDays: 0 })).status).toBe(422);
    expect(await getDb().apiToken.count({ where: { organizationId: { in: [organization.id, other.organization.id] } } })).toBe(0);
  });
});

describe("service tokens", () => {
  it("act as a service member with their role, hidden from the members list, and the audit log names them", async () => {
    const { organization, members } = await organizationWith("OWNER", "ADMIN");
    const [owner] = members as [(typeof members)[0]];
    const created = await createServiceToken(owner.cookie, organization.slug, { name: "Nightly sync", role: "ADMIN", scopes: ["org.read", "member.read", "audit.read"] });
    expect(created.status).toBe(201);
    const { token, id } = created.json!;
    expect(token).toMatch(/^cairn_sat_/);
    expect(created.json).toMatchObject({ kind: "SERVICE", role: "ADMIN", createdBy: owner.name });

    const org = await callWithToken(getOrgRoute, token, organization.slug);
    expect(org.json).toMatchObject({ role: "ADMIN" });
    expect((await callWithToken(renameOrgRoute, token, organization.slug, { body: { name: "Renamed by the sync" } })).status).toBe(403);

    // Not among the people, for the token itself or the owner.
    for (const answer of [await callWithToken(listMembersRoute, token, organization.slug), await listMembers(organization.slug, owner.cookie)]) {
      expect(answer.status).toBe(200);
      expect(answer.json!.items.map((item: { user: { email: string } }) => item.user.email).sort()).toEqual(members.map((member) => member.email).sort());
    }

    // Its account never signs in.
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id }, include: { user: true } });
    expect(stored.user).toMatchObject({ serviceAccount: true, passwordHash: null, name: "Nightly sync" });
    expect((await callRoute(meRoute, { cookie: await sessionCookieFor(stored.user) })).status).toBe(401);

    const listed = await listServiceTokens(owner.cookie, organization.slug);
    expect(listed.json!.tokens).toEqual([expect.objectContaining({ id, name: "Nightly sync", role: "ADMIN" })]);

    expect((await revokeServiceToken(owner.cookie, organization.slug, id)).status).toBe(200);
    expect((await callWithToken(getOrgRoute, token, organization.slug)).status).toBe(401);
    expect(await getDb().membership.count({ where: { organizationId: organization.id, userId: stored.userId } })).toBe(0);
    expect((await getDb().event.findMany({ where: { organizationId: organization.id, subjectId: id }, orderBy: { sequence: "asc" } })).map((event) => event.type)).toEqual(["api_token.created", "api_token.revoked"]);
    expect((await listServiceTokens(owner.cookie, organization.slug)).json!.tokens).toEqual([]);
  });

  it("write events that name the token, as actor (service) or beside the person (personal)", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const [owner] = members as [(typeof members)[0]];
    const service = await createServiceToken(owner.cookie, organization.slug, { name: "Release bot", role: "ADMIN", scopes: ["org.read"] });
    const personal = await personalToken(owner.cookie, organization.slug, { name: "Ada's laptop", scopes: ["org.read", "org.update", "audit.read"] });
    expect((await callWithToken(renameOrgRoute, personal.token, organization.slug, { body: { name: "Renamed with a token" } })).status).toBe(200);

    const renamed = await getDb().event.findFirstOrThrow({ where: { organizationId: organization.id, type: "organization.renamed" } });
    expect(renamed.actorId).toBe(owner.userId);
    expect(renamed.payload).toMatchObject({ apiToken: { id: personal.id, name: "Ada's laptop", kind: "PERSONAL" } });

    const audit = await callWithToken(auditRoute, personal.token, organization.slug);
    expect(audit.status).toBe(200);
    const sentences = audit.json!.items.map((item: { description: string }) => item.description);
    expect(sentences).toContainEqual(expect.stringContaining("(with the personal API token “Ada's laptop”)"));
    expect(sentences).toContainEqual(expect.stringContaining("created the service token “Release bot” (Admin; scopes org.read)"));
    // A cookie request's events carry no token.
    expect((await getDb().event.findFirstOrThrow({ where: { organizationId: organization.id, type: "api_token.created", subjectId: service.json!.id } })).payload).not.toHaveProperty("apiToken");
  });

  it("are made by owners only, never as owners, never with a token, and another organization's is a 404", async () => {
    const { organization, members } = await organizationWith("OWNER", "ADMIN");
    const [owner, admin] = members as [(typeof members)[0], (typeof members)[0]];
    expect((await createServiceToken(admin.cookie, organization.slug, { role: "MEMBER", scopes: ["org.read"] })).status).toBe(403);
    expect((await createServiceToken(owner.cookie, organization.slug, { role: "OWNER", scopes: ["org.read"] })).status).toBe(422);
    const beyond = await createServiceToken(owner.cookie, organization.slug, { role: "MEMBER", scopes: ["org.read", "dashboard.read"] });
    expect(beyond.status).toBe(422);
    const made = await createServiceToken(owner.cookie, organization.slug, { role: "MEMBER", scopes: ["org.read"] });
    const other = await organizationWith("OWNER");
    expect((await revokeServiceToken(other.members[0]!.cookie, other.organization.slug, made.json!.id)).status).toBe(404);
    expect((await revokeServiceToken(other.members[0]!.cookie, organization.slug, made.json!.id)).status).toBe(404);
    expect((await listServiceTokens(other.members[0]!.cookie, organization.slug)).status).toBe(404);
    expect((await callWithToken(getOrgRoute, made.json!.token, organization.slug)).status).toBe(200);
  });

  it("end their mentor links, kept as history, when revoked (a manager made a mentor service member a mentor)", async () => {
    const org = await assignedOrg();
    const made = await createServiceToken(org.owner.cookie, org.slug, { name: "Review bot", role: "MENTOR", scopes: ["assignment.read"] });
    const serviceUserId = (await getDb().apiToken.findUniqueOrThrow({ where: { id: made.json!.id } })).userId;
    const mentors = [org.mentor.userId, serviceUserId];
    expect((await updateAssignment(org.slug, org.owner.cookie, org.assignmentId, { mentorIds: mentors })).status).toBe(200);
    expect((await revokeServiceToken(org.owner.cookie, org.slug, made.json!.id)).status).toBe(200);
    expect(await getDb().assignmentMentor.findMany({ where: { assignmentId: org.assignmentId }, select: { mentorId: true } })).toEqual([{ mentorId: org.mentor.userId }]);
    expect(await getDb().assignmentMentorHistory.count({ where: { assignmentId: org.assignmentId, mentorId: serviceUserId, reason: "removed" } })).toBe(1);
    const changed = await getDb().event.findFirstOrThrow({ where: { organizationId: org.organization.id, type: "assignment.mentors_changed", subjectId: org.assignmentId }, orderBy: { sequence: "desc" } });
    expect(changed.payload).toMatchObject({ removed: [serviceUserId], reason: "removed" });
  });
});
