/**
 * Working-day arithmetic for the reviewer SLA (issue 15): Monday to Friday count,
 * weekends do not; no holiday calendar. Days are UTC calendar days, so "waiting"
 * does not depend on the server's time zone. Pure: every function takes its clock.
 *
 * An attempt submitted on day S has waited, on day T, the number of working days D
 * with S < D ≤ T: submitted on Monday, it has waited 1 working day on Tuesday and 3
 * on Thursday; submitted on Friday or Saturday, 1 on Monday.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The start (00:00 UTC) of the day `at` falls on. */
export function utcDayStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** Monday to Friday. */
export function isWorkingDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after the day of `since` up to and including the day of `now` (0 when `now` is not later). */
export function workingDaysBetween(since: Date, now: Date): number {
  const start = utcDayStart(since).getTime();
  const end = utcDayStart(now).getTime();
  if (end <= start) return 0;
  const days = Math.round((end - start) / DAY_MS);
  // Whole weeks have five working days each; walk the remaining (fewer than 7) days.
  let count = Math.floor(days / 7) * 5;
  for (let offset = Math.floor(days / 7) * 7 + 1; offset <= days; offset += 1) {
    if (isWorkingDay(new Date(start + offset * DAY_MS))) count += 1;
  }
  return count;
}

/** More working days waited than the target. */
export function isOverdue(since: Date, now: Date, targetDays: number): boolean {
  return workingDaysBetween(since, now) > targetDays;
}

/**
 * The instant before which a submission is overdue on `now`'s day: `since < cutoff`
 * exactly when `isOverdue(since, now, targetDays)`. Lets a query filter overdue rows
 * with one comparison on an indexed column.
 */
export function overdueCutoff(now: Date, targetDays: number): Date {
  let day = utcDayStart(now).getTime();
  let counted = 0;
  // Walk back over targetDays + 1 working days: the day reached (after the last step back)
  // is the latest submission day that has waited more than the target.
  while (counted < targetDays + 1) {
    if (isWorkingDay(new Date(day))) counted += 1;
    day -= DAY_MS;
  }
  return new Date(day + DAY_MS);
}
