import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { eventsOf, membershipOf, organizationWith, removeMember, updateMember } from "./members-fixture";

describe("DELETE /api/v1/o/{orgSlug}/members/{membershipId}", () => {
  it("lets an owner remove a member and records member.removed", async () => {
    const { organization, members } = await organizationWith("OWNER", "MENTOR");
    const [owner, mentor] = members as [typeof members[0], typeof members[0]];
    const { status, json } = await removeMember(organization.slug, mentor.membershipId, owner.cookie);
    expect(status).toBe(200);
    expect(json).toEqual({ id: mentor.membershipId, removed: true });
    expect(await membershipOf(mentor.membershipId)).toBeNull();
    // The user's account stays: only the membership goes.
    expect(await getDb().user.count({ where: { id: mentor.userId } })).toBe(1);
    const events = await eventsOf(organization.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "member.removed", actorId: owner.userId, subjectType: "membership", subjectId: mentor.membershipId, payload: { userId: mentor.userId, role: "MENTOR", left: false } });
  });

  it("lets an owner remove another owner while one stays", async () => {
    const { organization, members } = await organizationWith("OWNER", "OWNER");
    expect((await removeMember(organization.slug, members[1]!.membershipId, members[0]!.cookie)).status).toBe(200);
    expect(await membershipOf(members[1]!.membershipId)).toBeNull();
  });

  it("lets an admin remove mentors and new hires but not owners or other admins", async () => {
    const { organization, members } = await organizationWith("OWNER", "ADMIN", "ADMIN", "MENTOR", ["MEMBER", "SUSPENDED"]);
    const [owner, admin, otherAdmin, mentor, hire] = members as Array<(typeof members)[0]>;
    expect((await removeMember(organization.slug, mentor!.membershipId, admin!.cookie)).status).toBe(200);
    expect((await removeMember(organization.slug, hire!.membershipId, admin!.cookie)).status).toBe(200);
    for (const [target, message] of [
      [owner!, "Only owners can change, suspend or remove an owner."],
      [otherAdmin!, "Only owners can change, suspend or remove an admin."],
    ] as const) {
      const { status, json } = await removeMember(organization.slug, target.membershipId, admin!.cookie);
      expect(status).toBe(403);
      expect(json!.error).toMatchObject({ code: "FORBIDDEN", message });
      expect(await membershipOf(target.membershipId)).not.toBeNull();
    }
    expect((await eventsOf(organization.id)).map((event) => event.type)).toEqual(["member.removed", "member.removed"]);
  });

  it.each(["MENTOR", "MEMBER"] as const)("refuses a %s removing someone else", async (role) => {
    const { organization, members } = await organizationWith("OWNER", role, "MEMBER");
    const { status, json } = await removeMember(organization.slug, members[2]!.membershipId, members[1]!.cookie);
    expect(status).toBe(403);
    expect(json!.error.message).toBe("Only owners and admins can remove members.");
    expect(await membershipOf(members[2]!.membershipId)).not.toBeNull();
  });

  it.each(["ADMIN", "MENTOR", "MEMBER"] as const)("lets a %s leave", async (role) => {
    const { organization, members } = await organizationWith("OWNER", role);
    const leaver = members[1]!;
    expect((await removeMember(organization.slug, leaver.membershipId, leaver.cookie)).status).toBe(200);
    expect(await membershipOf(leaver.membershipId)).toBeNull();
    expect((await eventsOf(organization.id))[0]).toMatchObject({ type: "member.removed", actorId: leaver.userId, payload: { left: true } });
  });

  it("refuses the last active owner leaving with 409, suspended owners not counting", async () => {
    const { organization, members } = await organizationWith("OWNER", ["OWNER", "SUSPENDED"], "ADMIN");
    const owner = members[0]!;
    const { status, json } = await removeMember(organization.slug, owner.membershipId, owner.cookie);
    expect(status).toBe(409);
    expect(json!.error).toMatchObject({ code: "CONFLICT", message: "An organization needs at least one active owner. Make someone else an owner first." });
    expect(await membershipOf(owner.membershipId)).toEqual({ role: "OWNER", status: "ACTIVE" });
    expect(await eventsOf(organization.id)).toHaveLength(0);

    // Once there is another active owner, leaving is fine.
    expect((await updateMember(organization.slug, members[1]!.membershipId, owner.cookie, { status: "ACTIVE" })).status).toBe(200);
    expect((await removeMember(organization.slug, owner.membershipId, owner.cookie)).status).toBe(200);
  });

  it("keeps an active owner when one owner leaves while demoting the other", async () => {
    const pairs = await Promise.all(Array.from({ length: 8 }, () => organizationWith("OWNER", "OWNER")));
    const results = await Promise.all(
      pairs.map(({ organization, members }) =>
        Promise.all([
          updateMember(organization.slug, members[1]!.membershipId, members[0]!.cookie, { role: "MEMBER" }),
          removeMember(organization.slug, members[0]!.membershipId, members[0]!.cookie),
        ]),
      ),
    );
    for (const [index, { organization }] of pairs.entries()) {
      // Whichever went first, the other is refused: 409 for the leave, or 403 for the demotion by someone who left.
      const statuses = results[index]!.map((result) => result.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(await getDb().membership.count({ where: { organizationId: organization.id, role: "OWNER", status: "ACTIVE" } })).toBe(1);
    }
  });

  it("answers 404 for another organization's slug, another organization's member, and ids that do not exist", async () => {
    const mine = await organizationWith("OWNER", "MEMBER");
    const theirs = await organizationWith("OWNER", "MEMBER");
    const cookie = mine.members[0]!.cookie;
    for (const [slug, membershipId] of [
      [theirs.organization.slug, theirs.members[1]!.membershipId],
      [mine.organization.slug, theirs.members[1]!.membershipId],
      [mine.organization.slug, "cl0000000000000000000000a"],
      [mine.organization.slug, "../../members"],
    ] as const) {
      const { status, json } = await removeMember(slug, membershipId, cookie);
      expect(status, `${slug}/${membershipId}`).toBe(404);
      expect(json!.error.code).toBe("NOT_FOUND");
    }
    expect(await membershipOf(theirs.members[1]!.membershipId)).not.toBeNull();
    expect(await eventsOf(theirs.organization.id)).toHaveLength(0);
  });
});
