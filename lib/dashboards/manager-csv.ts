/**
 * The manager's table as CSV, for a spreadsheet. csv-stringify quotes what needs
 * quoting and, with escape_formulas, puts a ' before any cell a spreadsheet would
 * run as a formula (one starting with =, +, -, @, a tab or a carriage return): a
 * hire's name is theirs to choose, so "=HYPERLINK(…)" must stay text.
 */
import { stringify } from "csv-stringify/sync";
import type { ManagerRow } from "./manager-schema";

const HEADER = [
  "Hire",
  "Email",
  "Track",
  "Mentors",
  "Cohort",
  "Start",
  "Due",
  "Done",
  "Counted items",
  // What the counted items leave out (decision 0040), so a spreadsheet adds up to the version's items.
  "Skipped items",
  "Not applicable items",
  "Percent",
  "Forecast finish",
  "On track",
  "Last active (UTC)",
  "Stuck",
  "Overdue",
  "Changes unanswered",
];

const yesNo = (value: boolean | null) => (value === null ? "" : value ? "yes" : "no");
const nameOf = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;

export function managerCsv(rows: readonly ManagerRow[]): string {
  const records = rows.map((row) => [
    nameOf(row.assignee),
    row.assignee.email,
    row.track.title,
    row.mentors.map(nameOf).join("; "),
    row.cohort,
    row.startDate,
    row.dueDate ?? "",
    row.progress.done,
    row.progress.total,
    row.progress.skipped,
    row.progress.notApplicable,
    row.progress.percent,
    row.forecast.finishDate ?? "",
    yesNo(row.forecast.onTrack),
    row.lastActivityAt ? row.lastActivityAt.toISOString() : "",
    row.flags.stuck ? (row.flags.stuckReason ?? "yes") : "no",
    yesNo(row.flags.overdue),
    yesNo(row.flags.unanswered),
  ]);
  // A byte order mark so spreadsheet programs read the names as UTF-8.
  return stringify([HEADER, ...records], { escape_formulas: true, bom: true, record_delimiter: "windows" });
}
