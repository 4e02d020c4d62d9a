import { describe, expect, it } from "vitest";
import { addDays, daysBetween, dueDayOf, dueWords, effectiveDueDays, formatMinutes, isDueThisWeek, utcDay } from "./pacing";

describe("relative dues as calendar days", () => {
  it("puts day 1 on the start date and week N on its 7·N-th day, across months, a leap day and years", () => {
    expect(dueDayOf("2026-12-07", { unit: "day", count: 1 })).toBe("2026-12-07");
    expect(dueDayOf("2026-12-07", { unit: "day", count: 3 })).toBe("2026-12-09");
    expect(dueDayOf("2026-12-07", { unit: "week", count: 1 })).toBe("2026-12-13");
    expect(dueDayOf("2026-12-28", { unit: "week", count: 1 })).toBe("2027-01-03");
    expect(dueDayOf("2028-02-27", { unit: "day", count: 3 })).toBe("2028-02-29");
    expect(dueDayOf("2026-01-01", { unit: "day", count: 3650 })).toBe("2035-12-29");
    expect(dueDayOf("2026-01-01", { unit: "week", count: 520 })).toBe("2035-12-19");
  });

  it("gives each node the earlier of its own due and its ancestors'", () => {
    const days = effectiveDueDays(
      [
        { id: "s", parentId: null, due: { unit: "week", count: 1 } },
        { id: "a", parentId: "s", due: { unit: "day", count: 3 } },
        { id: "b", parentId: "s", due: { unit: "week", count: 2 } },
        { id: "b1", parentId: "b", due: null },
        { id: "t", parentId: null, due: null },
        { id: "c", parentId: "t", due: null },
        { id: "d", parentId: "t", due: { unit: "day", count: 10 } },
      ],
      "2026-12-07",
    );
    expect(Object.fromEntries(days)).toEqual({ s: "2026-12-13", a: "2026-12-09", b: "2026-12-13", b1: "2026-12-13", t: null, c: null, d: "2026-12-16" });
  });
});

describe("due words (fixed clock)", () => {
  const today = utcDay(new Date("2026-12-07T23:30:00Z"));

  it("reads the due day from today in UTC", () => {
    expect(today).toBe("2026-12-07");
    expect(dueWords("2026-12-07", today)).toEqual({ text: "due today", overdue: false, inDays: 0 });
    expect(dueWords("2026-12-08", today)).toEqual({ text: "due tomorrow", overdue: false, inDays: 1 });
    expect(dueWords("2026-12-09", today)).toEqual({ text: "due in 2 days", overdue: false, inDays: 2 });
    expect(dueWords("2026-12-06", today)).toEqual({ text: "overdue by 1 day", overdue: true, inDays: -1 });
    expect(dueWords("2026-11-07", today)).toEqual({ text: "overdue by 30 days", overdue: true, inDays: -30 });
  });

  it("counts overdue days and the next 7 days as this week", () => {
    expect(isDueThisWeek("2026-11-01", today)).toBe(true);
    expect(isDueThisWeek("2026-12-13", today)).toBe(true);
    expect(isDueThisWeek("2026-12-14", today)).toBe(false);
  });

  it("does day arithmetic without time zones", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });
});

describe("formatMinutes", () => {
  it("writes minutes as hours and minutes", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(150)).toBe("2 h 30 min");
  });
});
