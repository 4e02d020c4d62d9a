import { describe, expect, it } from "vitest";
import type { ManagerRow } from "./manager-schema";
import { sortRows } from "./manager-sort";

const row = (id: string, name: string, percent: number, dueDate: string | null, finishDate: string | null, lastActive: string | null): ManagerRow => ({
  id,
  track: { id: "t", title: "Track" },
  assignee: { id: `u-${id}`, name, email: `${id}@example.com` },
  mentors: [],
  cohort: "2026-11",
  startDate: "2026-11-01",
  dueDate,
  progress: { total: 10, done: percent / 10, inProgress: 0, notApplicable: 0, skipped: 0, percent },
  sectionPercents: [],
  lastActivityAt: lastActive ? new Date(lastActive) : null,
  forecast: { finishDate, perWeek: null, onTrack: null },
  flags: { stuck: false, stuckReason: null, overdue: false, unanswered: false },
});

const ROWS = [
  row("a", "Cy", 50, "2026-12-01", null, "2026-11-20T00:00:00Z"),
  row("b", "ada", 10, null, "2027-01-01", null),
  row("c", "Bo", 50, "2026-11-15", "2026-12-24", "2026-11-25T00:00:00Z"),
];
const ids = (rows: ManagerRow[]) => rows.map((entry) => entry.id);

describe("sortRows", () => {
  it("sorts by hire name, case-insensitively, either way", () => {
    expect(ids(sortRows(ROWS, "hire", "asc"))).toEqual(["b", "c", "a"]);
    expect(ids(sortRows(ROWS, "hire", "desc"))).toEqual(["a", "c", "b"]);
  });

  it("breaks ties by name", () => {
    expect(ids(sortRows(ROWS, "progress", "asc"))).toEqual(["b", "c", "a"]);
    expect(ids(sortRows(ROWS, "progress", "desc"))).toEqual(["c", "a", "b"]);
  });

  it("puts rows without the value last whichever way", () => {
    expect(ids(sortRows(ROWS, "due", "asc"))).toEqual(["c", "a", "b"]);
    expect(ids(sortRows(ROWS, "due", "desc"))).toEqual(["a", "c", "b"]);
    expect(ids(sortRows(ROWS, "forecast", "asc"))).toEqual(["c", "b", "a"]);
    expect(ids(sortRows(ROWS, "lastActive", "desc"))).toEqual(["c", "a", "b"]);
  });
});
