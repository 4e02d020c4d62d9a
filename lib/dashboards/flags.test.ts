import { describe, expect, it } from "vitest";
import { assignmentFlags } from "./flags";
import type { FlagInput } from "./flags";

const now = new Date("2026-11-26T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
const base: FlagInput = { now, stuckAfterDays: 7, status: "ACTIVE", dueDate: null, startDate: daysAgo(30), lastActivityAt: daysAgo(1), inProgressSince: [], unansweredChanges: 0 };

describe("assignmentFlags", () => {
  it("flags nothing for a hire who works and is on time", () => {
    expect(assignmentFlags(base)).toEqual({ stuck: false, stuckReason: null, overdue: false, unanswered: false });
  });

  it("flags an item in progress for longer than the threshold, counted in whole days", () => {
    expect(assignmentFlags({ ...base, inProgressSince: [daysAgo(7.9)] }).stuck).toBe(false);
    expect(assignmentFlags({ ...base, inProgressSince: [daysAgo(2), daysAgo(8)] })).toMatchObject({ stuck: true, stuckReason: "An item has been in progress for 8 days." });
    expect(assignmentFlags({ ...base, stuckAfterDays: 10, inProgressSince: [daysAgo(8)] }).stuck).toBe(false);
  });

  it("flags no activity for longer than the threshold, from the start day when there was none", () => {
    expect(assignmentFlags({ ...base, lastActivityAt: daysAgo(9) })).toMatchObject({ stuck: true, stuckReason: "No activity for 9 days." });
    expect(assignmentFlags({ ...base, lastActivityAt: null, startDate: daysAgo(3) }).stuck).toBe(false);
    expect(assignmentFlags({ ...base, lastActivityAt: null, startDate: daysAgo(12) }).stuckReason).toBe("No activity for 12 days.");
  });

  it("flags overdue only while active and past the due day, and unanswered changes", () => {
    expect(assignmentFlags({ ...base, dueDate: "2026-11-26" }).overdue).toBe(false);
    expect(assignmentFlags({ ...base, dueDate: "2026-11-25" }).overdue).toBe(true);
    expect(assignmentFlags({ ...base, dueDate: "2026-11-25", status: "COMPLETED", lastActivityAt: daysAgo(40) })).toEqual({ stuck: false, stuckReason: null, overdue: false, unanswered: false });
    expect(assignmentFlags({ ...base, unansweredChanges: 1 }).unanswered).toBe(true);
  });
});
