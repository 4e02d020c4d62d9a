import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarText, escapeText, foldLine } from "./ics";

const octets = (text: string) => new TextEncoder().encode(text).length;
/** Undoes folding (§3.1): a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("escapeText", () => {
  it("escapes backslashes, semicolons, commas and line breaks, and drops other control characters", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(escapeText("bell\u0007 nul\u0000 tab\t")).toBe("bell nul tab\t");
    expect(escapeText("BEGIN:VEVENT\r\nEND:VCALENDAR")).toBe("BEGIN:VEVENT\\nEND:VCALENDAR");
  });
});

describe("foldLine", () => {
  it("keeps short lines and folds long ones at 75 octets without splitting a character", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const long = `SUMMARY:${"é🐍x".repeat(40)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(long);
  });

  it("round-trips any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split("\r\n")) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
        expect(folded.split("\r\n").slice(1).every((part) => part.startsWith(" "))).toBe(true);
      }),
      { seed: 30, numRuns: 300 },
    );
  });
});

describe("calendarText", () => {
  it("writes all-day events with CRLF line ends, escaped text and a stable UID", () => {
    const text = calendarText({
      name: "Cairn, due dates",
      now: new Date("2026-12-07T10:11:12.345Z"),
      events: [{ uid: "a1.key@cairn", day: "2026-12-31", summary: "Read; write, repeat", description: "Line 1\nLine 2", url: "https://cairn.example/o/acme/assignments/a1?item=key" }],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").filter(Boolean)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Cairn//Onboarding due dates//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Cairn\\, due dates",
      "BEGIN:VEVENT",
      "UID:a1.key@cairn",
      "DTSTAMP:20261207T101112Z",
      "DTSTART;VALUE=DATE:20261231",
      "DTEND;VALUE=DATE:20270101",
      "SUMMARY:Read\\; write\\, repeat",
      "DESCRIPTION:Line 1\\nLine 2",
      "URL:https://cairn.example/o/acme/assignments/a1?item=key",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
    expect(/\r(?!\n)|(?<!\r)\n/.test(text)).toBe(false);
  });

  it("cannot be broken out of by a title", () => {
    const text = calendarText({ name: "x", now: new Date(0), events: [{ uid: "u@c", day: "2026-01-01", summary: "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected" }] });
    expect(text.match(/^BEGIN:VEVENT$/gm)?.length).toBe(1);
    expect(text).not.toMatch(/^SUMMARY:injected/m);
  });
});
