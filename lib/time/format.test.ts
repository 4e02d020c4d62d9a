import { describe, expect, it } from "vitest";
import { emailDate, emailDay, formatDate, formatDateTime, formatDateTimeSeconds, formatDay, formatRelative, formatWeekday } from "./format";

const en = { locale: "en-US" };

describe("formatDay", () => {
  it("formats a calendar day in the viewer's locale and never shifts it by time zone", () => {
    expect(formatDay("2099-12-31", en)).toBe("Dec 31, 2099");
    expect(formatDay("2099-12-31", { locale: "de-DE" })).toBe("31.12.2099");
    expect(formatDay("2026-01-01", { locale: "en-GB" })).toBe("1 Jan 2026");
    // A zone far west of UTC would put midnight UTC on the day before: days ignore zones.
    expect(formatDay("2026-01-01", { ...en, timeZone: "Pacific/Honolulu" })).toBe("Jan 1, 2026");
    // An ISO timestamp's day part is the day.
    expect(formatDay("2026-03-05T23:30:00.000Z", en)).toBe("Mar 5, 2026");
  });

  it("has a weekday form for the activity calendar", () => {
    expect(formatWeekday("2026-12-07", en)).toBe("Mon, Dec 7, 2026");
  });
});

describe("formatDate and formatDateTime", () => {
  const at = "2026-12-07T23:30:00.000Z";
  it("show a moment where the viewer is", () => {
    expect(formatDate(at, { ...en, timeZone: "UTC" })).toBe("Dec 7, 2026");
    expect(formatDate(at, { ...en, timeZone: "Asia/Tokyo" })).toBe("Dec 8, 2026");
    expect(formatDateTime(at, { ...en, timeZone: "UTC" })).toBe("Dec 7, 2026, 11:30 PM");
    expect(formatDateTime(at, { locale: "en-GB", timeZone: "Europe/Paris" })).toBe("8 Dec 2026, 00:30");
    expect(formatDateTimeSeconds(new Date(at), { ...en, timeZone: "UTC" })).toBe("Dec 7, 2026, 11:30:00 PM");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  const from = (ms: number) => new Date(now.getTime() + ms);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;

  it("says now under a minute either way", () => {
    expect(formatRelative(now, now, en)).toBe("now");
    expect(formatRelative(from(-59_000), now, en)).toBe("now");
    expect(formatRelative(from(59_000), now, en)).toBe("now");
  });

  it("uses the largest whole unit, in the past and the future", () => {
    expect(formatRelative(from(-5 * MIN), now, en)).toBe("5 minutes ago");
    expect(formatRelative(from(-3 * HOUR - 59 * MIN), now, en)).toBe("3 hours ago");
    expect(formatRelative(from(-26 * HOUR), now, en)).toBe("1 day ago");
    expect(formatRelative(from(6 * DAY + 23 * HOUR), now, en)).toBe("in 6 days");
    expect(formatRelative(from(7 * DAY), now, en)).toBe("in 1 week");
    expect(formatRelative(from(-45 * DAY), now, en)).toBe("1 month ago");
    expect(formatRelative(from(-400 * DAY), now, en)).toBe("1 year ago");
  });

  it("speaks the viewer's language", () => {
    expect(formatRelative(from(-3 * HOUR), now, { locale: "fr" })).toBe("il y a 3 heures");
    expect(formatRelative(from(2 * DAY), now, { locale: "de" })).toBe("in 2 Tagen");
  });
});

describe("emailDate", () => {
  it("is one fixed, unambiguous format in UTC whatever the server's locale", () => {
    const at = new Date("2026-12-07T06:21:24Z");
    expect(emailDate(at)).toBe("7 December 2026");
    expect(emailDate(at, { withTime: true })).toBe("7 December 2026, 06:21 UTC");
    expect(emailDate(new Date("2026-12-31T23:59:00Z"))).toBe("31 December 2026");
    expect(emailDay("2099-03-01")).toBe("1 March 2099");
  });
});
