import { describe, expect, it } from "vitest";
import { forecastFinish } from "./forecast";

describe("forecastFinish", () => {
  it("projects what is left at the pace kept since the start day (which counts as a day)", () => {
    // 10 days (Nov 1–10), 20 done: 2 a day; 80 left → 40 more days.
    expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: "2026-12-31", done: 20, total: 100 })).toEqual({ finishDate: "2026-12-20", perWeek: 14, onTrack: true });
    expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: "2026-12-01", done: 20, total: 100 })).toEqual({ finishDate: "2026-12-20", perWeek: 14, onTrack: false });
  });

  it("rounds the days left up: a part-day of work is another day", () => {
    // 3 days, 2 done: 2/3 a day; 3 left → 4.5 → 5 days.
    expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-03", dueDate: null, done: 2, total: 5 })).toEqual({ finishDate: "2026-11-08", perWeek: 4.7, onTrack: null });
  });

  it("has no projection before anything is done or before the start day", () => {
    expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: "2026-12-01", done: 0, total: 100 })).toEqual({ finishDate: null, perWeek: 0, onTrack: null });
    expect(forecastFinish({ startDate: "2026-12-01", today: "2026-11-10", dueDate: null, done: 0, total: 100 })).toEqual({ finishDate: null, perWeek: null, onTrack: null });
  });

  it("says today when everything counted is done, on track when that is by the due day", () => {
    expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: "2026-11-09", done: 5, total: 5 })).toEqual({ finishDate: "2026-11-10", perWeek: null, onTrack: false });
    expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: null, done: 5, total: 5 })).toEqual({ finishDate: "2026-11-10", perWeek: null, onTrack: null });
  });

  it("has nothing to project on a track with no counted items", () => {
    expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: null, done: 0, total: 0 })).toEqual({ finishDate: null, perWeek: 0, onTrack: null });
  });

  describe("with estimated minutes (decision 0030)", () => {
    it("projects the minutes left at the minutes done per day when every item left has an estimate", () => {
      // 10 days, 600 estimated minutes done: 60 a day; 900 left → 15 more days.
      const minutes = { done: 600, remaining: 900, unestimated: 0 };
      expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: "2026-11-30", done: 5, total: 10, minutes })).toEqual({
        finishDate: "2026-11-25",
        perWeek: 3.5,
        onTrack: true,
        minutesPerDay: 60,
      });
      // The same items at the item pace would finish on 2026-11-30; long items left make it later.
      expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: "2026-11-30", done: 5, total: 10, minutes: { ...minutes, remaining: 2400 } })).toMatchObject({
        finishDate: "2026-12-20",
        onTrack: false,
      });
    });

    it("falls back to items when an item left has no estimate, or nothing estimated is done", () => {
      const items = forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: null, done: 5, total: 10 });
      expect(items).toEqual({ finishDate: "2026-11-20", perWeek: 3.5, onTrack: null });
      expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: null, done: 5, total: 10, minutes: { done: 600, remaining: 900, unestimated: 1 } })).toEqual(items);
      expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: null, done: 5, total: 10, minutes: { done: 0, remaining: 900, unestimated: 0 } })).toEqual(items);
      expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: null, done: 5, total: 10, minutes: null })).toEqual(items);
    });

    it("finishes today when nothing is left, whatever the minutes say", () => {
      expect(forecastFinish({ startDate: "2026-11-01", today: "2026-11-10", dueDate: null, done: 10, total: 10, minutes: { done: 600, remaining: 0, unestimated: 0 } })).toEqual({
        finishDate: "2026-11-10",
        perWeek: null,
        onTrack: null,
      });
    });
  });
});
