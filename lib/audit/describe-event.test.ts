import { describe, expect, it } from "vitest";
import { describeEvent } from "./describe-event";
import type { AuditNames } from "./describe-event";
import { AUDIT_ONLY_TYPES, AUDIT_TYPE_NAMES } from "./event-catalog";

const names: AuditNames = {
  people: new Map([
    ["ada", { name: "Ada Admin", email: "ada@example.test" }],
    ["hal", { name: null, email: "hal@example.test" }],
  ]),
  tracks: new Map([["t1", "Python Backend"]]),
  assignments: new Map([["a1", { assigneeId: "hal", trackTitle: "Python Backend" }]]),
};

const describe_ = (type: string, payload: Record<string, unknown> = {}, subject: [string, string] = ["organization", "o1"], actorId: string | null = "ada") =>
  describeEvent({ type, actorId, subjectType: subject[0], subjectId: subject[1], payload }, names);

describe("audit sentences", () => {
  it("says who did what to whom, with names rather than ids", () => {
    expect(describe_("member.role_changed", { userId: "hal", from: "MEMBER", to: "ADMIN" }, ["membership", "m1"])).toBe("Ada Admin changed hal@example.test’s role from Member to Admin.");
    expect(describe_("member.removed", { userId: "hal", role: "MENTOR", left: true }, ["membership", "m1"], "hal")).toBe("hal@example.test left the organization.");
    expect(describe_("track.published", { number: 3 }, ["track", "t1"])).toBe("Ada Admin published version 3 of “Python Backend”.");
    expect(describe_("assignment.created", { assigneeId: "hal" }, ["assignment", "a1"])).toBe("Ada Admin assigned “Python Backend” to hal@example.test.");
    expect(describe_("progress.updated", { to: "DONE" }, ["assignment", "a1"], "hal")).toBe("hal@example.test marked an item of hal@example.test’s assignment of “Python Backend” done.");
    expect(describe_("organization.updated", { stuckAfterDays: { from: 7, to: 10 } })).toBe("Ada Admin changed when work counts as stuck from 7 to 10 days.");
    expect(describe_("organization.updated", { reviewTargetDays: { from: 2, to: 3 } })).toBe("Ada Admin changed the review target from 2 to 3 working days.");
    expect(describe_("organization.updated", { dueSoonDays: { from: 3, to: 5 } })).toBe("Ada Admin changed when due-soon reminders go out from 3 to 5 days before the due day.");
    expect(describe_("assignment.nudged", { assigneeId: "hal", length: 12 }, ["assignment", "a1"])).toBe("Ada Admin nudged hal@example.test about “Python Backend”.");
  });

  it("counts an import's items only when the payload counts them as leaves (decision 0040)", () => {
    expect(describe_("track.created", { title: "Python Backend", sections: 15, topics: 299, items: 404 }, ["track", "t1"])).toBe("Ada Admin imported the track “Python Backend” (404 items).");
    // Before 0040 `items` counted topics too (703): no count rather than a wrong one.
    expect(describe_("track.created", { title: "Python Backend", sections: 15, items: 703 }, ["track", "t1"])).toBe("Ada Admin imported the track “Python Backend”.");
  });

  it("says where a webhook pointed before its URL changed", () => {
    expect(describe_("integration.updated", { kind: "WEBHOOK", description: "CI", url: "https://new.example/hook", urlFrom: "https://old.example/hook" })).toBe(
      "Ada Admin changed the webhook CI (its URL was https://old.example/hook).",
    );
  });

  it("describes the scan's stuck and overdue events, which have no actor", () => {
    expect(describe_("assignment.overdue", { daysLate: 1, dueDate: "2030-01-09", week: 0 }, ["assignment", "a1"], null)).toBe(
      "Cairn noted that hal@example.test’s assignment of “Python Backend” is overdue: 1 day past its due day, 2030-01-09.",
    );
    expect(describe_("assignment.stuck", { stuckDays: 9, inProgress: true }, ["assignment", "a1"], null)).toBe(
      "Cairn noted that hal@example.test’s assignment of “Python Backend” is stuck: an item has been in progress for 9 days.",
    );
    expect(describe_("assignment.stuck", { stuckDays: 8, inProgress: false }, ["assignment", "a1"], null)).toBe("Cairn noted that hal@example.test’s assignment of “Python Backend” is stuck: no progress for 8 days.");
  });

  it("describes the security and export events", () => {
    expect(describe_("security.signed_in", { method: "github" }, ["user", "ada"])).toBe("Ada Admin signed in with GitHub.");
    expect(describe_("security.sign_in_failed", { method: "password", reason: "wrong-password", ip: "10.0.0.1" }, ["user", "hal"], null)).toBe(
      "A sign-in to hal@example.test’s account failed (wrong password) from 10.0.0.1.",
    );
    expect(describe_("security.password_changed", { via: "reset" }, ["user", "hal"], "hal")).toMatch(/reset link/);
    expect(describe_("audit.exported", { format: "csv", filters: { type: ["member.invited"], from: "2026-01-01" } })).toBe(
      "Ada Admin exported the audit log as CSV (filtered by type member.invited; from 2026-01-01).",
    );
  });

  it("has a sentence for every known type, and one for a type it does not know", () => {
    for (const type of AUDIT_TYPE_NAMES) expect(describe_(type), type).not.toMatch(/undefined|\[object/);
    expect(describe_("robot.waved", {}, ["robot", "r2"])).toBe("Ada Admin: robot.waved on robot r2.");
    expect(describe_("member.suspended", { userId: "gone" }, ["membership", "m"], null)).toBe("Cairn suspended a former user.");
  });

  it("keeps the security and audit types out of the live stream", () => {
    expect([...AUDIT_ONLY_TYPES].sort()).toEqual(["api_token.created", "api_token.revoked", "audit.exported", "organization.exported", "security.password_changed", "security.sessions_revoked", "security.sign_in_failed", "security.signed_in", "security.signed_out"]);
  });
});
