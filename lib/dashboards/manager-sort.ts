/**
 * The order of the manager's table (pure): by hire, progress, due day, forecast
 * finish or last activity, either way. Rows without the value (no due day, no
 * forecast yet, never active) come last whichever way; ties go by hire name,
 * then track, then id, so pages never shuffle between requests.
 */
import type { ManagerRow } from "./manager-schema";

export const MANAGER_SORTS = ["hire", "progress", "due", "forecast", "lastActive"] as const;
export type ManagerSort = (typeof MANAGER_SORTS)[number];
export type SortOrder = "asc" | "desc";

const collator = new Intl.Collator("en");
const nameOf = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;

const valueOf: Record<Exclude<ManagerSort, "hire">, (row: ManagerRow) => string | number | null> = {
  progress: (row) => row.progress.percent,
  due: (row) => row.dueDate,
  forecast: (row) => row.forecast.finishDate,
  lastActive: (row) => (row.lastActivityAt ? row.lastActivityAt.getTime() : null),
};

export function sortRows(rows: readonly ManagerRow[], sort: ManagerSort, order: SortOrder): ManagerRow[] {
  const sign = order === "asc" ? 1 : -1;
  const names = new Map(rows.map((row) => [row.id, nameOf(row.assignee)]));
  const byName = (a: ManagerRow, b: ManagerRow) => collator.compare(names.get(a.id)!, names.get(b.id)!) || collator.compare(a.track.title, b.track.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === "hire") return [...rows].sort((a, b) => sign * byName(a, b));
  const value = valueOf[sort];
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return (x < y ? -sign : x > y ? sign : 0) || byName(a, b);
  });
}
