import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { eventsOf, membershipOf, organizationWith, updateMember } from "./members-fixture";

describe("PATCH /api/v1/o/{orgSlug}/members/{membershipId}", () => {
  it("lets an owner change a role, answering the member and recording member.role_changed", async () => {
    const { organization, members } = await organizationWith("OWNER", { role: "MEMBER", name: "Hana Hire" });
    const [owner, hire] = members as [typeof members[0], typeof members[0]];
    const { status, json } = await updateMember(organization.slug, hire.membershipId, owner.cookie, { role: "MENTOR" });
    expect(status).toBe(200);
    expect(json).toEqual({ id: hire.membershipId, user: { id: hire.userId, name: "Hana Hire", email: hire.email }, role: "MENTOR", status: "ACTIVE", joinedAt: expect.any(String) });
    expect(await membershipOf(hire.membershipId)).toEqual({ role: "MENTOR", status: "ACTIVE" });
    const events = await eventsOf(organization.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "member.role_changed",
      sequence: 1n,
      actorId: owner.userId,
      subjectType: "membership",
      subjectId: hire.membershipId,
      payload: { userId: hire.userId, from: "MEMBER", to: "MENTOR" },
    });
  });

  it("suspends and reactivates, recording member.suspended then member.reactivated", async () => {
    const { organization, members } = await organizationWith("OWNER", "MENTOR");
    const [owner, mentor] = members as [typeof members[0], typeof members[0]];
    expect((await updateMember(organization.slug, mentor.membershipId, owner.cookie, { status: "SUSPENDED" })).json).toMatchObject({ status: "SUSPENDED", role: "MENTOR" });
    expect((await updateMember(organization.slug, mentor.membershipId, owner.cookie, { status: "ACTIVE" })).json).toMatchObject({ status: "ACTIVE" });
    const events = await eventsOf(organization.id);
    expect(events.map((event) => [event.type, event.sequence, event.payload])).toEqual([
      ["member.suspended", 1n, { userId: mentor.userId }],
      ["member.reactivated", 2n, { userId: mentor.userId }],
    ]);
  });

  it("changes role and status together, one event for each", async () => {
    const { organization, members } = await organizationWith("OWNER", "MEMBER");
    const [owner, hire] = members as [typeof members[0], typeof members[0]];
    const { status } = await updateMember(organization.slug, hire.membershipId, owner.cookie, { role: "ADMIN", status: "SUSPENDED" });
    expect(status).toBe(200);
    expect(await membershipOf(hire.membershipId)).toEqual({ role: "ADMIN", status: "SUSPENDED" });
    expect((await eventsOf(organization.id)).map((event) => event.type)).toEqual(["member.role_changed", "member.suspended"]);
  });

  it("records nothing when asked for the values the member already has", async () => {
    const { organization, members } = await organizationWith("OWNER", "MENTOR");
    const { status, json } = await updateMember(organization.slug, members[1]!.membershipId, members[0]!.cookie, { role: "MENTOR", status: "ACTIVE" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ role: "MENTOR", status: "ACTIVE" });
    expect(await eventsOf(organization.id)).toHaveLength(0);
  });

  describe("owner rules", () => {
    it("lets an owner grant ownership and demote or suspend another owner", async () => {
      const { organization, members } = await organizationWith("OWNER", "OWNER", "ADMIN");
      const [owner, otherOwner, admin] = members as [typeof members[0], typeof members[0], typeof members[0]];
      expect((await updateMember(organization.slug, admin.membershipId, owner.cookie, { role: "OWNER" })).status).toBe(200);
      expect((await updateMember(organization.slug, otherOwner.membershipId, owner.cookie, { role: "MEMBER" })).status).toBe(200);
      expect((await updateMember(organization.slug, admin.membershipId, owner.cookie, { status: "SUSPENDED" })).status).toBe(200);
      expect(await membershipOf(admin.membershipId)).toEqual({ role: "OWNER", status: "SUSPENDED" });
      expect(await membershipOf(otherOwner.membershipId)).toEqual({ role: "MEMBER", status: "ACTIVE" });
    });

    it("refuses an admin every change to an owner, and granting ownership, with 403 and nothing changed", async () => {
      const { organization, members } = await organizationWith("OWNER", "ADMIN", "MEMBER");
      const [owner, admin, hire] = members as [typeof members[0], typeof members[0], typeof members[0]];
      const attempts: Array<[string, unknown, RegExp]> = [
        [owner.membershipId, { role: "MEMBER" }, /Only owners can change, suspend or remove an owner/],
        [owner.membershipId, { status: "SUSPENDED" }, /Only owners can change, suspend or remove an owner/],
        [hire.membershipId, { role: "OWNER" }, /Only owners can make someone an owner/],
        [admin.membershipId, { role: "OWNER" }, /your own role/],
      ];
      for (const [membershipId, body, message] of attempts) {
        const { status, json } = await updateMember(organization.slug, membershipId, admin.cookie, body);
        expect(status).toBe(403);
        expect(json!.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(message) });
      }
      expect(await membershipOf(owner.membershipId)).toEqual({ role: "OWNER", status: "ACTIVE" });
      expect(await membershipOf(hire.membershipId)).toEqual({ role: "MEMBER", status: "ACTIVE" });
      expect(await eventsOf(organization.id)).toHaveLength(0);
    });
  });

  describe("admin limits", () => {
    it("lets an admin move mentors and new hires between those roles, and suspend them", async () => {
      const { organization, members } = await organizationWith("OWNER", "ADMIN", "MEMBER", "MENTOR");
      const [, admin, hire, mentor] = members as [typeof members[0], typeof members[0], typeof members[0], typeof members[0]];
      expect((await updateMember(organization.slug, hire.membershipId, admin.cookie, { role: "MENTOR" })).status).toBe(200);
      expect((await updateMember(organization.slug, mentor.membershipId, admin.cookie, { role: "MEMBER", status: "SUSPENDED" })).status).toBe(200);
      expect(await membershipOf(hire.membershipId)).toEqual({ role: "MENTOR", status: "ACTIVE" });
      expect(await membershipOf(mentor.membershipId)).toEqual({ role: "MEMBER", status: "SUSPENDED" });
    });

    it("refuses an admin promoting to admin or changing another admin", async () => {
      const { organization, members } = await organizationWith("OWNER", "ADMIN", "ADMIN", "MEMBER");
      const [, admin, otherAdmin, hire] = members as [typeof members[0], typeof members[0], typeof members[0], typeof members[0]];
      const promote = await updateMember(organization.slug, hire.membershipId, admin.cookie, { role: "ADMIN" });
      expect(promote.status).toBe(403);
      expect(promote.json!.error.message).toBe("Only owners can make someone an admin.");
      for (const body of [{ role: "MEMBER" }, { status: "SUSPENDED" }]) {
        const { status, json } = await updateMember(organization.slug, otherAdmin.membershipId, admin.cookie, body);
        expect(status).toBe(403);
        expect(json!.error.message).toBe("Only owners can change, suspend or remove an admin.");
      }
      expect(await membershipOf(otherAdmin.membershipId)).toEqual({ role: "ADMIN", status: "ACTIVE" });
      expect(await membershipOf(hire.membershipId)).toEqual({ role: "MEMBER", status: "ACTIVE" });
    });

    it.each(["MENTOR", "MEMBER"] as const)("refuses a %s any change with 403", async (role) => {
      const { organization, members } = await organizationWith("OWNER", role, "MEMBER");
      const { status, json } = await updateMember(organization.slug, members[2]!.membershipId, members[1]!.cookie, { role: "MENTOR" });
      expect(status).toBe(403);
      expect(json!.error.code).toBe("FORBIDDEN");
      expect(await membershipOf(members[2]!.membershipId)).toEqual({ role: "MEMBER", status: "ACTIVE" });
    });
  });

  it("refuses anyone changing their own role or status", async () => {
    const { organization, members } = await organizationWith("OWNER", "OWNER", "ADMIN");
    for (const [person, body] of [
      [members[0]!, { role: "ADMIN" }],
      [members[0]!, { status: "SUSPENDED" }],
      [members[2]!, { role: "OWNER" }],
      [members[2]!, { status: "SUSPENDED" }],
    ] as const) {
      const { status, json } = await updateMember(organization.slug, person.membershipId, person.cookie, body);
      expect(status).toBe(403);
      expect(json!.error.message).toBe("You cannot change your own role or status. Ask another owner or admin.");
    }
    expect(await eventsOf(organization.id)).toHaveLength(0);
  });

  it("keeps an active owner when two owners demote each other at the same moment", async () => {
    // Many pairs at once, so the two requests of a pair really overlap; without the lock some pair ends ownerless.
    const pairs = await Promise.all(Array.from({ length: 8 }, () => organizationWith("OWNER", "OWNER")));
    const results = await Promise.all(
      pairs.map(async ({ organization, members }) => {
        const [a, b] = members as [typeof members[0], typeof members[0]];
        return Promise.all([
          updateMember(organization.slug, b.membershipId, a.cookie, { role: "ADMIN" }),
          updateMember(organization.slug, a.membershipId, b.cookie, { role: "ADMIN" }),
        ]);
      }),
    );
    for (const [index, { organization }] of pairs.entries()) {
      const statuses = results[index]!.map((result) => result.status).sort();
      expect(statuses).toEqual([200, 403]);
      expect(await getDb().membership.count({ where: { organizationId: organization.id, role: "OWNER", status: "ACTIVE" } })).toBe(1);
      expect((await eventsOf(organization.id)).map((event) => event.type)).toEqual(["member.role_changed"]);
    }
  });

  it("keeps an active owner when two owners suspend each other at the same moment", async () => {
    const pairs = await Promise.all(Array.from({ length: 8 }, () => organizationWith("OWNER", "OWNER")));
    await Promise.all(
      pairs.map(({ organization, members }) =>
        Promise.all([
          updateMember(organization.slug, members[1]!.membershipId, members[0]!.cookie, { status: "SUSPENDED" }),
          updateMember(organization.slug, members[0]!.membershipId, members[1]!.cookie, { status: "SUSPENDED" }),
        ]),
      ),
    );
    for (const { organization } of pairs) {
      expect(await getDb().membership.count({ where: { organizationId: organization.id, role: "OWNER", status: "ACTIVE" } })).toBe(1);
    }
  });

  describe("bad input: 422 with field paths, nothing changed", () => {
    it.each([
      ["an unknown field", { role: "MENTOR", organizationId: "elsewhere" }, ["body.organizationId"]],
      ["a role that does not exist", { role: "KING" }, ["body.role"]],
      ["a status that does not exist", { status: "DELETED" }, ["body.status"]],
      ["a wrong type", { role: 3, status: true }, ["body.role", "body.status"]],
      ["an empty object", {}, ["body"]],
      ["a non-object", ["MENTOR"], ["body"]],
    ])("refuses %s", async (_what, body, paths) => {
      const { organization, members } = await organizationWith("OWNER", "MEMBER");
      const { status, json } = await updateMember(organization.slug, members[1]!.membershipId, members[0]!.cookie, body);
      expect(status).toBe(422);
      expect(json!.error.code).toBe("VALIDATION_FAILED");
      expect((json!.error.details.issues as Array<{ path: string }>).map((issue) => issue.path).sort()).toEqual(paths);
      expect(await membershipOf(members[1]!.membershipId)).toEqual({ role: "MEMBER", status: "ACTIVE" });
      expect(await eventsOf(organization.id)).toHaveLength(0);
    });

    it("refuses a missing body", async () => {
      const { organization, members } = await organizationWith("OWNER", "MEMBER");
      const { status, json } = await updateMember(organization.slug, members[1]!.membershipId, members[0]!.cookie, undefined);
      expect(status).toBe(422);
      expect(json!.error.details.issues[0].path).toBe("body");
    });
  });

  it("answers 404 for another organization's slug, another organization's member, and ids that do not exist", async () => {
    const mine = await organizationWith("OWNER", "MEMBER");
    const theirs = await organizationWith("OWNER", "MEMBER");
    const cookie = mine.members[0]!.cookie;
    const attempts: Array<[string, string]> = [
      [theirs.organization.slug, theirs.members[1]!.membershipId],
      [theirs.organization.slug, mine.members[1]!.membershipId],
      [mine.organization.slug, theirs.members[1]!.membershipId],
      [mine.organization.slug, "cl0000000000000000000000a"],
      [mine.organization.slug, "not-a-membership-id"],
    ];
    for (const [slug, membershipId] of attempts) {
      const { status, json } = await updateMember(slug, membershipId, cookie, { role: "ADMIN" });
      expect(status, `${slug}/${membershipId}`).toBe(404);
      expect(json!.error.code).toBe("NOT_FOUND");
    }
    expect(await membershipOf(theirs.members[1]!.membershipId)).toEqual({ role: "MEMBER", status: "ACTIVE" });
    expect(await eventsOf(theirs.organization.id)).toHaveLength(0);
    expect(await eventsOf(mine.organization.id)).toHaveLength(0);
  });
});
