/**
 * RFC 5545 (iCalendar) text for a calendar of all-day events (decision 0030). Written by hand:
 * the feed needs one small subset (VCALENDAR, all-day VEVENTs), and what matters is done here
 * and tested: TEXT escaping (backslash, semicolon, comma, line breaks; §3.3.11), CRLF line ends,
 * and folding lines longer than 75 octets without splitting a UTF-8 character (§3.1).
 */

export interface AllDayEvent {
  /** Globally unique and stable across fetches, so a calendar updates the event instead of duplicating it. */
  uid: string;
  /** "2026-12-09": the event takes that whole day. */
  day: string;
  summary: string;
  description?: string;
  /** An http(s) link to open the item in Cairn. */
  url?: string;
}

export interface CalendarInput {
  name: string;
  /** When the feed was produced (DTSTAMP of every event). */
  now: Date;
  events: readonly AllDayEvent[];
}

const encoder = new TextEncoder();

/** Control characters other than tab (line breaks are escaped before this runs). */
function withoutControls(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) continue;
    out += char;
  }
  return out;
}

/** TEXT value escaping: \ ; , and line breaks; other control characters (never valid in TEXT) dropped. */
export function escapeText(value: string): string {
  return withoutControls(
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, "\\n"),
  );
}

/** Folds one content line at 75 octets: continuation lines start with a space (which counts toward their 75). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (size + octets > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basicDate = (day: string) => day.replace(/-/g, "");
const basicDateTime = (instant: Date) => `${instant.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

export function calendarText(input: CalendarInput): string {
  const stamp = basicDateTime(input.now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cairn//Onboarding due dates//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(input.name)}`];
  for (const event of input.events) {
    const [year, month, date] = event.day.split("-").map(Number) as [number, number, number];
    const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.day)}`,
      `DTEND;VALUE=DATE:${basicDate(next)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      ...(event.url ? [`URL:${event.url}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
