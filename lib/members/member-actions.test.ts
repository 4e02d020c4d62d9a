import { describe, expect, it } from "vitest";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { hasAnyAction, memberActions } from "./member-actions";
import type { MemberActions } from "./member-actions";
import { lastOwnerRefusal, refusalOf } from "./rules";

const viewer = (role: Role, activeOwnerCount?: number) => ({ membershipId: "viewer", role, activeOwnerCount });
const target = (role: Role, status: MembershipStatus = "ACTIVE", membershipId = "target") => ({ membershipId, role, status });
const none: MemberActions = { roles: [], suspend: false, reactivate: false, remove: false, leave: false };

describe("memberActions on someone else", () => {
  it("lets an owner do everything to anyone", () => {
    expect(memberActions(viewer("OWNER"), target("OWNER"))).toEqual({ ...none, roles: ["ADMIN", "MENTOR", "MEMBER"], suspend: true, remove: true });
    expect(memberActions(viewer("OWNER"), target("ADMIN"))).toEqual({ ...none, roles: ["OWNER", "MENTOR", "MEMBER"], suspend: true, remove: true });
    expect(memberActions(viewer("OWNER"), target("MEMBER", "SUSPENDED"))).toEqual({ ...none, roles: ["OWNER", "ADMIN", "MENTOR"], reactivate: true, remove: true });
  });

  it("lets an admin move mentors and new hires between those two roles, suspend and remove them", () => {
    expect(memberActions(viewer("ADMIN"), target("MEMBER"))).toEqual({ ...none, roles: ["MENTOR"], suspend: true, remove: true });
    expect(memberActions(viewer("ADMIN"), target("MENTOR", "SUSPENDED"))).toEqual({ ...none, roles: ["MEMBER"], reactivate: true, remove: true });
  });

  it("gives an admin nothing on owners and other admins", () => {
    expect(memberActions(viewer("ADMIN"), target("OWNER"))).toEqual(none);
    expect(memberActions(viewer("ADMIN"), target("ADMIN"))).toEqual(none);
    expect(memberActions(viewer("ADMIN"), target("ADMIN", "SUSPENDED"))).toEqual(none);
  });

  it.each(["MENTOR", "MEMBER"] as const)("gives a %s nothing on anyone else", (role) => {
    for (const other of ["OWNER", "ADMIN", "MENTOR", "MEMBER"] as const) {
      expect(hasAnyAction(memberActions(viewer(role), target(other)))).toBe(false);
    }
  });
});

describe("memberActions on oneself", () => {
  it.each(["OWNER", "ADMIN", "MENTOR", "MEMBER"] as const)("lets a %s only leave", (role) => {
    expect(memberActions(viewer(role, 2), target(role, "ACTIVE", "viewer"))).toEqual({ ...none, leave: true });
  });

  it("does not let the last active owner leave", () => {
    const self = target("OWNER", "ACTIVE", "viewer");
    expect(memberActions(viewer("OWNER", 1), self)).toEqual(none);
    expect(hasAnyAction(memberActions(viewer("OWNER", 1), self))).toBe(false);
    // Unknown count: offered, and the server has the last word.
    expect(memberActions(viewer("OWNER"), self).leave).toBe(true);
  });
});

describe("the rules behind them", () => {
  it("explains each refusal", () => {
    expect(refusalOf(viewer("OWNER"), target("OWNER", "ACTIVE", "viewer"), { kind: "role", role: "ADMIN" })?.message).toMatch(/your own role/);
    expect(refusalOf(viewer("ADMIN"), target("MEMBER"), { kind: "role", role: "OWNER" })?.message).toBe("Only owners can make someone an owner.");
    expect(refusalOf(viewer("ADMIN"), target("MEMBER"), { kind: "role", role: "ADMIN" })?.message).toBe("Only owners can make someone an admin.");
    expect(refusalOf(viewer("ADMIN"), target("OWNER"), { kind: "remove" })?.message).toBe("Only owners can change, suspend or remove an owner.");
    expect(refusalOf(viewer("ADMIN"), target("ADMIN"), { kind: "status", status: "SUSPENDED" })?.message).toBe("Only owners can change, suspend or remove an admin.");
    expect(refusalOf(viewer("MENTOR"), target("MEMBER"), { kind: "remove" })?.code).toBe("FORBIDDEN");
  });

  it("refuses taking away the last active owner with a conflict, whatever the change", () => {
    const owner = target("OWNER");
    for (const change of [{ kind: "role", role: "ADMIN" }, { kind: "status", status: "SUSPENDED" }, { kind: "remove" }] as const) {
      expect(lastOwnerRefusal(owner, change, 1)?.code).toBe("CONFLICT");
      expect(lastOwnerRefusal(owner, change, 2)).toBeNull();
    }
    // A suspended owner is not one of the active owners, and keeping the role takes nothing away.
    expect(lastOwnerRefusal(target("OWNER", "SUSPENDED"), { kind: "remove" }, 1)).toBeNull();
    expect(lastOwnerRefusal(owner, { kind: "role", role: "OWNER" }, 1)).toBeNull();
    expect(lastOwnerRefusal(owner, { kind: "status", status: "ACTIVE" }, 1)).toBeNull();
  });
});
