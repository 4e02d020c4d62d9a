/**
 * Quiet hours and time zones (pure, so tests fix the clock). A reminder is never
 * emailed between QUIET_START_HOUR and QUIET_END_HOUR in the recipient's own
 * time zone: the scans skip people in their quiet hours (the next hourly run
 * after the quiet hours picks them up) and the emails a person causes (an
 * assignment, a nudge) are enqueued to start when the quiet hours end.
 * Decision 0029.
 */
import { z } from "zod";

/** 20:00 local: from here on nothing is sent… */
export const QUIET_START_HOUR = 20;
/** …until 08:00 local. */
export const QUIET_END_HOUR = 8;
export const DEFAULT_TIME_ZONE = "UTC";

let known: ReadonlySet<string> | null = null;

/** Intl's IANA names (canonical ones), plus "UTC", which Intl leaves out of the list. */
export function timeZoneNames(): ReadonlySet<string> {
  known ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return known;
}

export const isTimeZone = (name: string) => timeZoneNames().has(name);

export const timeZoneSchema = z
  .string()
  .max(64, "Use an IANA time zone name, such as Europe/Berlin.")
  .refine(isTimeZone, "Use an IANA time zone name, such as Europe/Berlin.")
  .meta({ description: "An IANA time zone name (e.g. Europe/Berlin, America/New_York, UTC): quiet hours and reminder days are this zone's local time." });

/** The local wall clock of `now` in `timeZone`: hour 0–23 and the calendar day "YYYY-MM-DD". */
export function localClock(now: Date, timeZone: string): { day: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)!.value;
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")), minute: Number(part("minute")) };
}

export const isQuietHour = (hour: number) => hour >= QUIET_START_HOUR || hour < QUIET_END_HOUR;

/** Whether `now` is in the quiet hours of `timeZone`. */
export function inQuietHours(now: Date, timeZone: string): boolean {
  return isQuietHour(localClock(now, timeZone).hour);
}

/**
 * When an email due at `now` may go out: `now` outside the quiet hours, else the
 * local QUIET_END_HOUR:00 (corrected by half-hour steps on daylight-saving days).
 */
export function quietHoursEnd(now: Date, timeZone: string): Date {
  if (!inQuietHours(now, timeZone)) return now;
  const { hour, minute } = localClock(now, timeZone);
  const minutesLeft = ((QUIET_END_HOUR - hour + 24) % 24) * 60 - minute;
  let candidate = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + minutesLeft * 60_000);
  // A daylight-saving change in between moves the local clock by up to an hour: step to the first half hour that is not quiet.
  const STEP = 30 * 60_000;
  for (let step = 0; step < 4 && inQuietHours(candidate, timeZone); step++) candidate = new Date(candidate.getTime() + STEP);
  for (let step = 0; step < 4 && candidate.getTime() - STEP > now.getTime() && !inQuietHours(new Date(candidate.getTime() - STEP), timeZone); step++) candidate = new Date(candidate.getTime() - STEP);
  return candidate;
}
