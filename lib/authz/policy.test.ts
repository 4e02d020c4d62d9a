import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, permissionsOf } from "./policy";
import type { POLICY } from "./policy";

// The whole table, written out by hand: changing who may do what must change this test too.
const EXPECTED: Record<string, Record<(typeof ROLES)[number], boolean>> = {
  "org.read": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "org.update": { OWNER: true, ADMIN: false, MENTOR: false, MEMBER: false },
  "org.delete": { OWNER: true, ADMIN: false, MENTOR: false, MEMBER: false },
  "org.export": { OWNER: true, ADMIN: false, MENTOR: false, MEMBER: false },
  "member.read": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "member.invite": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "member.update": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "member.remove": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "member.grantOwner": { OWNER: true, ADMIN: false, MENTOR: false, MEMBER: false },
  "member.manageAdmins": { OWNER: true, ADMIN: false, MENTOR: false, MEMBER: false },
  "member.leave": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "event.read": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "track.read": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "track.create": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "track.edit": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "track.publish": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "assignment.create": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "assignment.update": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "assignment.read": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "progress.update": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "evidence.submit": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "evidence.review": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: false },
  "assignment.nudge": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: false },
  "comment.write": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "dashboard.read": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "notification.read": { OWNER: true, ADMIN: true, MENTOR: true, MEMBER: true },
  "audit.read": { OWNER: true, ADMIN: true, MENTOR: false, MEMBER: false },
  "token.manage": { OWNER: true, ADMIN: false, MENTOR: false, MEMBER: false },
  "integration.manage": { OWNER: true, ADMIN: false, MENTOR: false, MEMBER: false },
};

describe("policy table", () => {
  it("lists exactly the permissions the expected table covers", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED)) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission]![role];
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission as keyof typeof POLICY)).toBe(allowed);
      });
    }
  }

  it("gives an owner every permission and a member only reads, leaves, logs their own progress, submits its evidence and comments", () => {
    expect(permissionsOf("OWNER")).toEqual(PERMISSIONS);
    expect(permissionsOf("MEMBER").filter((permission) => !permission.endsWith(".read"))).toEqual(["member.leave", "progress.update", "evidence.submit", "comment.write"]);
  });

  it("never lets an admin manage owners or other admins", () => {
    expect(permissionsOf("ADMIN")).not.toContain("member.grantOwner");
    expect(permissionsOf("ADMIN")).not.toContain("member.manageAdmins");
  });
});
