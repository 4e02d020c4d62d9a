import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueMarkerSuffix, dueOffsetDays, earlierDue, formatDueMarker, MAX_DUE_DAYS, MAX_DUE_WEEKS, splitDueMarker } from "./due-marker";
import type { RelativeDue } from "./due-marker";
import { isOptionalTitle, parseOutline } from "./parse";
import { serializeOutline } from "./serialize";

describe("splitDueMarker", () => {
  it("takes a trailing day or week marker out of the title", () => {
    expect(splitDueMarker("Set up the laptop (due day 3)")).toEqual({ kind: "due", title: "Set up the laptop", due: { unit: "day", count: 3 }, marker: " (due day 3)" });
    expect(splitDueMarker("Auth (due week 2)")).toEqual({ kind: "due", title: "Auth", due: { unit: "week", count: 2 }, marker: " (due week 2)" });
  });

  it("reads any ASCII case, extra spaces and tabs, and leading zeros, keeping the marker as written", () => {
    expect(splitDueMarker("Auth\t( DUE  Week\t02 )")).toEqual({ kind: "due", title: "Auth", due: { unit: "week", count: 2 }, marker: "\t( DUE  Week\t02 )" });
    expect(splitDueMarker("Auth(Due Day 1)")).toMatchObject({ kind: "due", title: "Auth", marker: "(Due Day 1)" });
  });

  it("comes after any (optional), which stays in the title", () => {
    expect(splitDueMarker("GraphQL (optional) (due week 2)")).toMatchObject({ kind: "due", title: "GraphQL (optional)", due: { unit: "week", count: 2 } });
    expect(splitDueMarker("GraphQL (due week 2) (optional)")).toEqual({ kind: "none" });
  });

  it("leaves text that is not a trailing marker alone", () => {
    for (const title of [
      "Read about due day 3 planning",
      "Use (due day 3) in the middle of a title",
      "Legal review (due diligence)",
      "Ship it (due soon)",
      "Daylight (due daylight 3)",
      "Weeks (due weekly 3)",
      "(due)",
      "Plain title",
      "Ends with a bracket)",
      "Due (dueday 3)",
      "",
    ]) {
      expect(splitDueMarker(title), title).toEqual({ kind: "none" });
    }
  });

  it("refuses what starts like a marker but is not a valid one", () => {
    const cases: Array<[string, RegExp]> = [
      ["Intro (due day 0)", /count from 1/],
      ["Intro (due week 0)", /count from 1/],
      ["Intro (due day 000)", /count from 1/],
      ["Intro (due day -3)", /whole number/],
      ["Intro (due day 3.5)", /whole number N/],
      ["Intro (due day three)", /whole number/],
      ["Intro (due day)", /whole number/],
      ["Intro (due day3)", /space between/],
      ["Intro (due day 3 please)", /whole number N/],
      ["Intro (due day 3651)", /at most day 3,650/],
      ["Intro (due week 521)", /at most week 520/],
      ["Intro (due day 99999999999999999999999999)", /at most day/],
      ["Intro (due week ٣)", /whole number/],
      ["(due day 3)", /title before/],
      ["   (due day 3)", /title before/],
    ];
    for (const [title, message] of cases) {
      const split = splitDueMarker(title);
      expect(split.kind, title).toBe("invalid");
      if (split.kind === "invalid") {
        expect(split.message, title).toMatch(message);
        expect(split.index, title).toBe(title.lastIndexOf("("));
      }
    }
  });

  it("accepts the limits themselves", () => {
    expect(splitDueMarker(`A (due day ${MAX_DUE_DAYS})`)).toMatchObject({ kind: "due", due: { unit: "day", count: MAX_DUE_DAYS } });
    expect(splitDueMarker(`A (due week ${MAX_DUE_WEEKS})`)).toMatchObject({ kind: "due", due: { unit: "week", count: MAX_DUE_WEEKS } });
  });

  it("stays linear on hostile input", () => {
    const hostile = `${"(due day ".repeat(50_000)}1)`;
    const started = performance.now();
    expect(splitDueMarker(hostile)).toMatchObject({ kind: "due", due: { unit: "day", count: 1 } });
    expect(splitDueMarker(`x${"(".repeat(200_000)}`)).toEqual({ kind: "none" });
    expect(splitDueMarker(`x (due day ${"9".repeat(200_000)})`)).toMatchObject({ kind: "invalid" });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("dueMarkerSuffix", () => {
  it("keeps the written marker while it says the same, else writes the canonical one", () => {
    expect(dueMarkerSuffix({ unit: "day", count: 3 }, "  (Due Day 03)")).toBe("  (Due Day 03)");
    expect(dueMarkerSuffix({ unit: "day", count: 4 }, "  (Due Day 03)")).toBe(" (due day 4)");
    expect(dueMarkerSuffix({ unit: "week", count: 1 })).toBe(" (due week 1)");
    expect(dueMarkerSuffix({ unit: "week", count: 1 }, "x (due week 1)")).toBe(" (due week 1)");
  });
});

describe("date offsets", () => {
  it("puts day N on the Nth day from the start and week N on its last day", () => {
    expect(dueOffsetDays({ unit: "day", count: 1 })).toBe(0);
    expect(dueOffsetDays({ unit: "day", count: 3 })).toBe(2);
    expect(dueOffsetDays({ unit: "week", count: 1 })).toBe(6);
    expect(dueOffsetDays({ unit: "week", count: 2 })).toBe(13);
  });

  it("picks the earlier of two dues", () => {
    expect(earlierDue({ unit: "week", count: 1 }, { unit: "day", count: 8 })).toEqual({ unit: "week", count: 1 });
    expect(earlierDue({ unit: "week", count: 2 }, { unit: "day", count: 8 })).toEqual({ unit: "day", count: 8 });
    expect(earlierDue(null, { unit: "day", count: 8 })).toEqual({ unit: "day", count: 8 });
    expect(earlierDue(null, null)).toBeNull();
  });
});

const dueArb: fc.Arbitrary<RelativeDue> = fc.oneof(
  fc.integer({ min: 1, max: MAX_DUE_DAYS }).map((count) => ({ unit: "day" as const, count })),
  fc.integer({ min: 1, max: MAX_DUE_WEEKS }).map((count) => ({ unit: "week" as const, count })),
);
const titleArb = fc
  .array(fc.constantFrom("Auth", " ", "(", ")", "due", "day", "week", "3", "(optional)", "é", "🐍", "x"), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join("").trim())
  .filter((title) => title !== "" && splitDueMarker(title).kind === "none");

describe("round trip", () => {
  it("split(title + format(due)) gives the title and the due back", () => {
    fc.assert(
      fc.property(titleArb, dueArb, (title, due) => {
        expect(splitDueMarker(`${title} ${formatDueMarker(due)}`)).toEqual({ kind: "due", title, due, marker: ` ${formatDueMarker(due)}` });
      }),
      { seed: 30, numRuns: 500 },
    );
  });

  it("serialize → parse keeps titles and dues, and parse → serialize gives the text back", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(titleArb, fc.option(dueArb, { nil: null }), fc.boolean()), { minLength: 1, maxLength: 8 }), dueArb, (rows, sectionDue) => {
        const items = rows.map(([title, due, optional]) => ({ title, due, optional }));
        const text = serializeOutline({ sections: [{ title: "Basics", due: sectionDue, items }] });
        const parsed = parseOutline(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const section = parsed.document.sections[0]!;
        expect(section.due).toEqual(sectionDue);
        expect(section.items.map((item) => [item.title, item.due ?? null])).toEqual(
          rows.map(([title, due, optional]) => [optional && !isOptionalTitle(title) ? `${title} (optional)` : title, due]),
        );
        expect(serializeOutline(parsed.document)).toBe(text);
      }),
      { seed: 30, numRuns: 300 },
    );
  });
});

describe("in the text format", () => {
  it("parses section and item markers out of the titles and writes the file back byte for byte", () => {
    const text = [
      "# Team",
      "",
      "=====",
      "Foundations (DUE WEEK 1)",
      "=====",
      "",
      "- Laptop (due day 1)",
      "  - Editor (optional)  (Due Day 02)",
      "  - Use due day 3 wisely",
      "- Reading (optional) (due week 2)",
      "",
    ].join("\r\n");
    const parsed = parseOutline(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [section] = parsed.document.sections;
    expect(section).toMatchObject({ title: "Foundations", due: { unit: "week", count: 1 }, optional: false });
    expect(section!.items.map((item) => [item.title, item.due, item.optional])).toEqual([
      ["Laptop", { unit: "day", count: 1 }, false],
      ["Reading (optional)", { unit: "week", count: 2 }, true],
    ]);
    expect(section!.items[0]!.children.map((item) => [item.title, item.due, item.optional])).toEqual([
      ["Editor (optional)", { unit: "day", count: 2 }, true],
      ["Use due day 3 wisely", undefined, false],
    ]);
    expect(serializeOutline(parsed.document)).toBe(text);
  });

  it("reports an invalid marker with its line and column, and imports nothing", () => {
    const parsed = parseOutline("=====\nBasics (due week 0)\n=====\n- Intro\n  - Deep (due day -1)\n- 🐍 x (due day 9999)\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => [error.code, error.line, error.column])).toEqual([
      ["invalid-due", 2, 8],
      ["invalid-due", 5, 10],
      ["invalid-due", 6, 7],
    ]);
    expect(parsed.errors[0]!.message).toMatch(/^Line 2, column 8: weeks count from 1/);
  });

  it("refuses to write a title that would read back as a marker", () => {
    expect(() => serializeOutline({ items: [{ title: "Intro (due day 3)" }] })).toThrow(/due marker/);
    expect(() => serializeOutline({ items: [{ title: "Intro (due day 0)" }] })).toThrow(/due marker/);
    expect(() => serializeOutline({ items: [{ title: "Intro", due: { unit: "day", count: 0 } }] })).toThrow(/invalid due/);
    expect(serializeOutline({ items: [{ title: "Intro (due day 3)", due: { unit: "week", count: 1 } }] })).toBe("- Intro (due day 3) (due week 1)\n");
    expect(serializeOutline({ items: [{ title: "Intro", optional: true, due: { unit: "week", count: 1 } }] })).toBe("- Intro (optional) (due week 1)\n");
  });
});
