import { describe, expect, it } from "vitest";
import { calendarDaySchema, DAY_FORMAT_MESSAGE, DAY_YEAR_MESSAGE } from "./calendar-day";

describe("calendarDaySchema", () => {
  it("takes real days in years 0001 to 9999", () => {
    for (const day of ["0001-01-01", "2024-02-29", "2026-12-06", "9999-12-31"]) expect(calendarDaySchema().safeParse(day)).toEqual({ success: true, data: day });
  });

  it("refuses year 0000, which PostgreSQL cannot hold (decision 0021)", () => {
    for (const day of ["0000-01-01", "0000-02-29", "0000-12-31"]) expect(calendarDaySchema().safeParse(day).error?.issues.map((issue) => issue.message)).toEqual([DAY_YEAR_MESSAGE]);
  });

  it("refuses what is not a day", () => {
    for (const day of ["2026-02-29", "2026-13-01", "+10000-01-01", "-000001-01-01", "2026-1-1", "20260101", ""]) {
      expect(calendarDaySchema().safeParse(day).error?.issues.map((issue) => issue.message)).toEqual([DAY_FORMAT_MESSAGE]);
    }
  });
});
