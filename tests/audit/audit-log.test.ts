/**
 * GET /api/v1/o/{orgSlug}/audit: the organization's whole Event log for owners and
 * admins, newest first, paged by cursor, filtered by type(s), actor, subject and
 * UTC days, each event described in a sentence.
 */
import { describe, expect, it } from "vitest";
import { PATCH as renameRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { encodeCursorParts } from "@/lib/http/cursor";
import { callRoute } from "../support/call-route";
import { auditOrg, eventAt, listAudit } from "./audit-fixture";

type Item = { sequence: number; type: string; description: string; actor: { id: string } | null; subjectType: string; subjectId: string; at: string; category: string };
const items = (answer: { json?: Record<string, any> }) => answer.json!.items as Item[];

/** An organization whose log holds a known mix of events on known days. */
async function orgWithHistory() {
  const org = await auditOrg();
  const { organization, people } = org;
  const on = (day: string) => new Date(`${day}T12:00:00Z`);
  await eventAt(organization.id, { type: "member.invited", actorId: people.owner.id, subjectType: "invitation", subjectId: "inv1", payload: { email: "new@example.test", role: "MEMBER" }, createdAt: on("2026-01-05") });
  await eventAt(organization.id, { type: "member.role_changed", actorId: people.admin.id, subjectType: "membership", subjectId: "m1", payload: { userId: people.member.id, from: "MEMBER", to: "MENTOR" }, createdAt: on("2026-02-10") });
  await eventAt(organization.id, { type: "security.signed_in", actorId: people.mentor.id, subjectType: "user", subjectId: people.mentor.id, payload: { method: "password", ip: "10.0.0.9" }, createdAt: on("2026-02-11") });
  await eventAt(organization.id, { type: "member.invitation_revoked", actorId: people.admin.id, subjectType: "invitation", subjectId: "inv1", payload: { email: "new@example.test", role: "MEMBER" }, createdAt: on("2026-03-01") });
  // A real change through the API, today.
  const renamed = await callRoute(renameRoute, { path: `/api/v1/o/${org.slug}`, params: { orgSlug: org.slug }, cookie: people.owner.cookie, body: { name: "Renamed For Audit" } });
  expect(renamed.status).toBe(200);
  return org;
}

describe("GET /api/v1/o/{orgSlug}/audit", () => {
  it("lists every event newest first, described, to owners and admins", async () => {
    const { slug, people, organization } = await orgWithHistory();
    for (const cookie of [people.owner.cookie, people.admin.cookie]) {
      const answer = await listAudit(slug, cookie);
      expect(answer.status).toBe(200);
      const list = items(answer);
      expect(list.map((item) => item.type)).toEqual(["organization.renamed", "member.invitation_revoked", "security.signed_in", "member.role_changed", "member.invited"]);
      expect(list.map((item) => item.sequence)).toEqual([...list.map((item) => item.sequence)].sort((a, b) => b - a));
      expect(list[0]!.description).toBe(`Owner ${slug} renamed the organization from “${organization.name}” to “Renamed For Audit”.`);
      expect(list[1]!.description).toBe(`Admin ${slug} revoked the invitation to new@example.test.`);
      expect(list[2]).toMatchObject({ category: "security", description: `Mentor ${slug} signed in with a password from 10.0.0.9.` });
      expect(list[3]!.description).toBe(`Admin ${slug} changed Member ${slug}’s role from Member to Mentor.`);
      expect(list[4]!.description).toBe(`Owner ${slug} invited new@example.test as Member.`);
      expect(answer.json!.nextCursor).toBeNull();
    }
  });

  it("pages with a cursor, without skipping or repeating, even as new events arrive", async () => {
    const { slug, people, organization } = await orgWithHistory();
    const first = await listAudit(slug, people.admin.cookie, "limit=2");
    expect(items(first)).toHaveLength(2);
    await eventAt(organization.id, { type: "organization.updated", actorId: people.owner.id, subjectType: "organization", subjectId: organization.id, payload: { stuckAfterDays: { from: 7, to: 9 } } });
    const second = await listAudit(slug, people.admin.cookie, `limit=2&cursor=${first.json!.nextCursor}`);
    const third = await listAudit(slug, people.admin.cookie, `limit=2&cursor=${second.json!.nextCursor}`);
    expect(third.json!.nextCursor).toBeNull();
    expect([...items(first), ...items(second), ...items(third)].map((item) => item.type)).toEqual([
      "organization.renamed",
      "member.invitation_revoked",
      "security.signed_in",
      "member.role_changed",
      "member.invited",
    ]);
  });

  it("filters by one type, several types, actor, subject and days, combined", async () => {
    const { slug, people } = await orgWithHistory();
    const types = (query: string) => listAudit(slug, people.owner.cookie, query).then((answer) => items(answer).map((item) => item.type));
    expect(await types("type=member.invited")).toEqual(["member.invited"]);
    expect(await types("type=member.invited,member.invitation_revoked")).toEqual(["member.invitation_revoked", "member.invited"]);
    expect(await types("type=member.invited&type=security.signed_in")).toEqual(["security.signed_in", "member.invited"]);
    expect(await types(`actor=${people.admin.id}`)).toEqual(["member.invitation_revoked", "member.role_changed"]);
    expect(await types("subjectType=invitation&subjectId=inv1")).toEqual(["member.invitation_revoked", "member.invited"]);
    expect(await types("subjectType=user")).toEqual(["security.signed_in"]);
    expect(await types("from=2026-02-10&to=2026-02-11")).toEqual(["security.signed_in", "member.role_changed"]);
    expect(await types("to=2026-01-05")).toEqual(["member.invited"]);
    expect(await types(`from=2026-02-01&to=2026-03-31&actor=${people.admin.id}&type=member.role_changed`)).toEqual(["member.role_changed"]);
    expect(await types(`actor=${people.member.id}`)).toEqual([]);
  });

  it("refuses bad filters with 422 naming the field", async () => {
    const { slug, people } = await auditOrg();
    const issue = async (query: string) => {
      const answer = await listAudit(slug, people.owner.cookie, query);
      expect(answer.status, query).toBe(422);
      return answer.json!.error.details.issues.map((found: { path: string }) => found.path);
    };
    expect(await issue("type=member.invited,member.exploded")).toEqual(["query.type"]);
    expect(await issue("from=2026-02-30")).toEqual(["query.from"]);
    expect(await issue("to=yesterday")).toEqual(["query.to"]);
    expect(await issue("from=2026-03-01&to=2026-02-01")).toEqual(["query.to"]);
    expect(await issue("subjectId=abc")).toEqual(["query.subjectType"]);
    expect(await issue("subjectType=planet")).toEqual(["query.subjectType"]);
    expect(await issue("actor=a%00b")).toEqual(["query.actor"]);
    expect(await issue("limit=0")).toEqual(["query.limit"]);
    expect(await issue("colour=red")).toEqual(["query.colour"]);
    // Cursors the API did not issue.
    expect(await issue("cursor=garbage")).toEqual(["query.cursor"]);
    expect(await issue(`cursor=${encodeCursorParts(["-5"])}`)).toEqual(["query.cursor"]);
    expect(await issue(`cursor=${encodeCursorParts(["99999999999999999999999"])}`)).toEqual(["query.cursor"]);
    expect(await issue(`cursor=${encodeCursorParts(["12", "x"])}`)).toEqual(["query.cursor"]);
  });

  it("is for owners and admins only: a mentor or a member gets 403, another organization's slug 404", async () => {
    const { slug, people } = await orgWithHistory();
    const other = await auditOrg();
    for (const cookie of [people.mentor.cookie, people.member.cookie]) {
      const answer = await listAudit(slug, cookie);
      expect(answer.status).toBe(403);
      expect(answer.json!.error.code).toBe("FORBIDDEN");
    }
    // An admin of another organization asking for this one's log.
    const crossOrg = await listAudit(slug, other.people.admin.cookie);
    expect(crossOrg.status).toBe(404);
    expect(crossOrg.json!.error.code).toBe("NOT_FOUND");
    // And their own log holds nothing of this one.
    const theirs = items(await listAudit(other.slug, other.people.admin.cookie));
    expect(theirs.some((item) => item.description.includes(slug))).toBe(false);
  });
});
