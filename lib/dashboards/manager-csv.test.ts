import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { managerCsv } from "./manager-csv";
import type { ManagerRow } from "./manager-schema";

const row = (overrides: Partial<ManagerRow> = {}): ManagerRow => ({
  id: "a1",
  track: { id: "t1", title: "Python Backend" },
  assignee: { id: "u1", name: "Ada Lovelace", email: "ada@example.com" },
  mentors: [
    { id: "m1", name: "Mei", email: "mei@example.com" },
    { id: "m2", name: null, email: "lena@example.com" },
  ],
  cohort: "2026-11",
  startDate: "2026-11-02",
  dueDate: "2027-01-31",
  progress: { total: 690, done: 120, inProgress: 3, notApplicable: 2, skipped: 11, percent: 17 },
  sectionPercents: [],
  lastActivityAt: new Date("2026-11-25T10:00:00Z"),
  forecast: { finishDate: "2027-02-14", perWeek: 35.2, onTrack: false },
  flags: { stuck: false, stuckReason: null, overdue: false, unanswered: true },
  ...overrides,
});

const read = (csv: string) => parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: false }) as string[][];

describe("managerCsv", () => {
  it("writes a header and one row per assignment", () => {
    const [header, first] = read(managerCsv([row()]));
    expect(header![0]).toBe("Hire");
    expect(first).toEqual([
      "Ada Lovelace",
      "ada@example.com",
      "Python Backend",
      "Mei; lena@example.com",
      "2026-11",
      "2026-11-02",
      "2027-01-31",
      "120",
      "690",
      "11",
      "2",
      "17",
      "2027-02-14",
      "no",
      "2026-11-25T10:00:00.000Z",
      "no",
      "no",
      "yes",
    ]);
  });

  it("turns every cell a spreadsheet would run as a formula into text", () => {
    const csv = managerCsv([
      row({ assignee: { id: "u2", name: "=HYPERLINK(\"http://evil\",\"x\")", email: "+1@example.com" }, track: { id: "t", title: "-2+3" }, mentors: [{ id: "m", name: "@SUM(A1)", email: "m@example.com" }] }),
    ]);
    const [, cells] = read(csv);
    expect(cells!.slice(0, 4)).toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", "'+1@example.com", "'-2+3", "'@SUM(A1)"]);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it("quotes commas, quotes and line breaks so columns stay put", () => {
    const [, cells] = read(managerCsv([row({ assignee: { id: "u3", name: 'Smith, "Jo"\nJr', email: "jo@example.com" } })]));
    expect(cells![0]).toBe('Smith, "Jo"\nJr');
    expect(cells).toHaveLength(18);
  });

  it("starts with a byte order mark and ends lines with CRLF", () => {
    const csv = managerCsv([]);
    expect(csv.startsWith("\uFEFFHire,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
