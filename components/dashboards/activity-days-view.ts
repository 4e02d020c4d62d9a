/**
 * The activity-days answer (UTC days) as the calendar chart and its table show it.
 * Pure, so the day arithmetic, the wording and the chart's quirks are tested
 * without a browser.
 */
import type { ActivityDaysJson } from "./dashboards-api";
import { formatWeekday } from "@/lib/time/format";

const DAY_MS = 24 * 3600_000;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The chart's range. nivo lays days out in the browser's zone and reads a string
 * like "2026-03-01" as UTC midnight (the day before, west of Greenwich), and it
 * stops *before* `to`: so the dates are made as local midnights, `to` one day past
 * the last day. Only the calendar date matters: nivo matches data by its "YYYY-MM-DD".
 */
export function chartRange(from: string, to: string): { from: Date; to: Date } {
  const local = (day: string, plusDays = 0) => {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    return new Date(year, month - 1, date + plusDays);
  };
  return { from: local(from), to: local(to, 1) };
}

/** nivo's datum: the day and its value. */
export const chartData = (days: ActivityDaysJson["days"]) => days.map(({ day, count }) => ({ day, value: count }));

/** How many days a range holds, both ends included. */
export const spanDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** "in the last 12 months" for the default year to today; the dates otherwise. */
export function rangeWords(from: string, to: string): string {
  const span = spanDays(from, to);
  if (span === 365 || span === 366) return "in the last 12 months";
  return `from ${formatDay(from)} to ${formatDay(to)}`;
}

/** "12 active days in the last 12 months (30 changes)"; "No activity in the last 12 months". */
export function activitySummary(answer: ActivityDaysJson): string {
  const words = rangeWords(answer.from, answer.to);
  if (answer.days.length === 0) return `No activity ${words}`;
  const changes = answer.days.reduce((sum, day) => sum + day.count, 0);
  return `${plural(answer.days.length, "active day")} ${words} (${plural(changes, "change")})`;
}

/** "Thu, Nov 26, 2026": a UTC day, named the same in every browser zone. */
export const formatDay = (day: string) => formatWeekday(day);

/** The table's rows: newest first, as people look back from today. */
export function tableRows(days: ActivityDaysJson["days"]): Array<{ day: string; label: string; count: number }> {
  return [...days].sort((a, b) => b.day.localeCompare(a.day)).map(({ day, count }) => ({ day, label: formatDay(day), count }));
}
