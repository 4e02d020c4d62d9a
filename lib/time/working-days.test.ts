import { describe, expect, it } from "vitest";
import { isOverdue, isWorkingDay, overdueCutoff, workingDaysBetween } from "./working-days";

// 2026-12-07 is a Monday.
const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00Z`);
const MON = "2026-12-07";
const TUE = "2026-12-08";
const WED = "2026-12-09";
const THU = "2026-12-10";
const FRI = "2026-12-11";
const SAT = "2026-12-12";
const SUN = "2026-12-13";
const NEXT_MON = "2026-12-14";

describe("working days (Monday to Friday, UTC)", () => {
  it("knows weekends", () => {
    expect([MON, TUE, WED, THU, FRI, SAT, SUN].map((day) => isWorkingDay(at(day, "00:00")))).toEqual([true, true, true, true, true, false, false]);
  });

  it("counts the working days after the submission day up to today", () => {
    expect(workingDaysBetween(at(MON), at(MON, "23:59"))).toBe(0);
    expect(workingDaysBetween(at(MON), at(TUE, "00:01"))).toBe(1);
    expect(workingDaysBetween(at(MON), at(THU))).toBe(3);
    expect(workingDaysBetween(at(MON), at(NEXT_MON))).toBe(5);
    expect(workingDaysBetween(at(MON), at("2026-12-21"))).toBe(10);
    expect(workingDaysBetween(at(MON), at("2026-12-23"))).toBe(12);
  });

  it("skips weekends", () => {
    expect(workingDaysBetween(at(FRI), at(SAT))).toBe(0);
    expect(workingDaysBetween(at(FRI), at(SUN))).toBe(0);
    expect(workingDaysBetween(at(FRI), at(NEXT_MON))).toBe(1);
    expect(workingDaysBetween(at(SAT), at(NEXT_MON))).toBe(1);
    expect(workingDaysBetween(at(SUN), at(NEXT_MON, "00:00"))).toBe(1);
    expect(workingDaysBetween(at(THU), at("2026-12-15"))).toBe(3);
  });

  it("is 0 when the clock is not later", () => {
    expect(workingDaysBetween(at(WED), at(MON))).toBe(0);
  });

  it("uses UTC days whatever the hour", () => {
    expect(workingDaysBetween(at(MON, "23:59"), at(TUE, "00:00"))).toBe(1);
  });

  it("is overdue past the target, not at it", () => {
    expect(isOverdue(at(MON), at(WED), 2)).toBe(false);
    expect(isOverdue(at(MON), at(THU), 2)).toBe(true);
    expect(isOverdue(at(THU), at(NEXT_MON), 2)).toBe(false);
    expect(isOverdue(at(THU), at("2026-12-15"), 2)).toBe(true);
  });

  it("gives the cutoff that agrees with isOverdue for every submission day and clock", () => {
    const start = at("2026-11-23", "00:00").getTime();
    for (let nowDay = 0; nowDay < 21; nowDay += 1) {
      const now = new Date(start + nowDay * 86_400_000 + 15 * 3_600_000);
      for (const target of [1, 2, 5, 30]) {
        const cutoff = overdueCutoff(now, target);
        for (let sinceDay = -60; sinceDay <= nowDay; sinceDay += 1) {
          for (const hour of [0, 12, 23]) {
            const since = new Date(start + sinceDay * 86_400_000 + hour * 3_600_000);
            expect(since < cutoff, `${since.toISOString()} → ${now.toISOString()}, target ${target}`).toBe(isOverdue(since, now, target));
          }
        }
      }
    }
  });
});
