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
});
