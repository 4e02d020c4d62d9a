/**
 * When a hire will finish at the pace they have kept so far (pure, so tests fix
 * the day): counted items done per day since the start, projected over what is
 * left. Deliberately simple and explainable on the dashboard ("at 4.2 items a
 * week"): a manager reads it as a hint, not a promise.
 *
 * With the manager's estimates (decision 0030) the pace is in minutes instead: estimated minutes
 * done per day since the start, projected over the estimated minutes left. Only when every item
 * left has an estimate and something estimated is done; otherwise items, as before (an item with
 * no estimate would count as zero minutes and pull the finish day in).
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ForecastInput {
  /** Calendar days (UTC) as "2026-11-02". */
  startDate: string;
  today: string;
  dueDate: string | null;
  done: number;
  total: number;
  /** Estimated minutes of the counted items: done, left, and how many left have no estimate. */
  minutes?: { done: number; remaining: number; unestimated: number } | null;
}

export interface Forecast {
  /** The projected finish day, or null when there is no pace yet (nothing done, or not started). */
  finishDate: string | null;
  /** Counted items done per week so far, one decimal; null before the start day. */
  perWeek: number | null;
  /** Finishing on or before the due day at this pace; null without a due day or a projection. */
  onTrack: boolean | null;
  /** Estimated minutes done per day so far (one decimal), present only when the projection used them. */
  minutesPerDay?: number;
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayString = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

export function forecastFinish(input: ForecastInput): Forecast {
  const today = dayNumber(input.today);
  const start = dayNumber(input.startDate);
  const due = input.dueDate === null ? null : dayNumber(input.dueDate);
  const remaining = Math.max(0, input.total - input.done);
  if (input.total > 0 && remaining === 0) return { finishDate: input.today, perWeek: null, onTrack: due === null ? null : today <= due };
  if (today < start) return { finishDate: null, perWeek: null, onTrack: null };
  // The start day itself counts as a day of work, so a hire who finished 3 items on day one has a pace of 3 a day.
  const elapsedDays = today - start + 1;
  const perDay = input.done / elapsedDays;
  const perWeek = Math.round(perDay * 70) / 10;
  if (input.done === 0 || input.total === 0) return { finishDate: null, perWeek, onTrack: null };
  const minutes = input.minutes;
  if (minutes && minutes.unestimated === 0 && minutes.done > 0) {
    const minutesPerDay = minutes.done / elapsedDays;
    const finish = today + Math.ceil(minutes.remaining / minutesPerDay);
    return { finishDate: dayString(finish), perWeek, onTrack: due === null ? null : finish <= due, minutesPerDay: Math.round(minutesPerDay * 10) / 10 };
  }
  const finish = today + Math.ceil(remaining / perDay);
  return { finishDate: dayString(finish), perWeek, onTrack: due === null ? null : finish <= due };
}
