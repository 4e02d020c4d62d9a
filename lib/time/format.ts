/**
 * How dates and times read, everywhere (decision 0046): in the viewer's locale, with Intl.
 * Pure, for both sides: in the browser `locale` and `timeZone` are left out and Intl uses
 * the browser's; the server renders through <Time> (components/ui/time.tsx), which starts
 * from the STABLE_* settings below and switches to the browser's after hydration.
 *
 * - A day (a due date, a start date: "YYYY-MM-DD", a calendar day with no time zone) is
 *   formatted in UTC, so it is the same day wherever the viewer is.
 * - A moment (an ISO timestamp) is shown in the viewer's time zone, as a date, a date and
 *   time, or relative to now ("3 hours ago", "in 6 days") with the absolute one beside it.
 * - Emails have no viewer: they use `emailDate`, one fixed unambiguous format with "UTC".
 */

/** What the server renders before the browser's locale and zone are known (then replaced). */
export const STABLE_LOCALE = "en-US";
export const STABLE_TIME_ZONE = "UTC";

type Moment = Date | string | number;
const toDate = (at: Moment): Date => (at instanceof Date ? at : new Date(at));

// Building an Intl formatter costs far more than using one (a 700-row list formats 700 dates).
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

export interface FormatPlace {
  /** A BCP 47 locale; the runtime's (the browser's) when left out. */
  locale?: string;
  /** An IANA zone; the runtime's (the browser's) when left out. Ignored for days. */
  timeZone?: string;
}

/** "Dec 31, 2099" for "2099-12-31": a calendar day, the same in every time zone. */
export function formatDay(day: string, { locale }: FormatPlace = {}): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** "Mon, Dec 7, 2026": a calendar day with its weekday (the activity calendar). */
export function formatWeekday(day: string, { locale }: FormatPlace = {}): string {
  return dateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** "Dec 7, 2026": the day a moment fell on, where the viewer is. */
export function formatDate(at: Moment, { locale, timeZone }: FormatPlace = {}): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(toDate(at));
}

/** "Dec 7, 2026, 6:21 AM": a moment, where the viewer is. */
export function formatDateTime(at: Moment, { locale, timeZone }: FormatPlace = {}): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(toDate(at));
}

/** "Dec 7, 2026, 6:21:24 AM": a moment to the second (the audit log). */
export function formatDateTimeSeconds(at: Moment, { locale, timeZone }: FormatPlace = {}): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone }).format(toDate(at));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", 7 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string | undefined, numeric: "always" | "auto"): Intl.RelativeTimeFormat {
  const key = `${locale ?? ""}|${numeric}`;
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric });
    relativeFormats.set(key, format);
  }
  return format;
}

/**
 * "3 hours ago", "in 6 days", "now": a moment relative to `now`, in the largest whole unit
 * (truncated towards now, so "2 days ago" until three full days have passed; "1 day ago"
 * rather than "yesterday", which would name a calendar day). Under a minute either way is "now".
 */
export function formatRelative(at: Moment, now: Moment, { locale }: FormatPlace = {}): string {
  const ms = toDate(at).getTime() - toDate(now).getTime();
  for (const [unit, size] of RELATIVE_UNITS) {
    const count = Math.trunc(ms / size);
    if (count !== 0) return relativeFormat(locale, "always").format(count, unit);
  }
  return relativeFormat(locale, "auto").format(0, "second");
}

/**
 * Emails have no viewer locale or zone: one fixed, unambiguous format, day-first with the month
 * spelled out, in UTC ("7 December 2026"; with a time, "7 December 2026, 06:21 UTC").
 */
export function emailDate(at: Date, { withTime = false }: { withTime?: boolean } = {}): string {
  const day = dateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(at);
  if (!withTime) return day;
  const time = dateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }).format(at);
  return `${day}, ${time} UTC`;
}

/** A calendar day ("2099-03-01") in the emails' fixed format: "1 March 2099". */
export function emailDay(day: string): string {
  return emailDate(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}
