/**
 * Parsing is linear in the size of the input (decision 0015): no backtracking expression runs on
 * user text, and no step rescans a line once per repair. Each input below must be handled in
 * under a second of CPU: see lib/testing/linear-time.ts for why that one timing bound is sound.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MiB, expectLinearTime as expectLinear, fill } from "@/lib/testing/linear-time";
import { findCitations } from "./citations";
import { parseOutlineBytes } from "./decode";
import { MAX_OUTLINE_BYTES, isOptionalTitle, parseOutline } from "./parse";
import { repairLine, repairLineUpTo, repairMojibake } from "./repair";

describe("the inputs that were super-linear", () => {
  // Each of these took minutes or more at 1 MiB before decision 0015.
  it("trailing whitespace after a long run of spaces (TRAILING_WHITESPACE, /[ \\t\\f\\v]+$/)", () => {
    const spaces = " ".repeat(MiB);
    expect(expectLinear("spaces then x", () => repairLine(`é${spaces}x`, 1)).repairs).toEqual([]);
    const { text, repairs } = expectLinear("spaces, x, space", () => repairLine(`${spaces}x `, 1));
    expect(text).toBe(`${spaces}x`);
    expect(repairs).toMatchObject([{ kind: "trailing-whitespace", column: MiB + 2 }]);
  });

  it("a citation keyword then a long run of blanks (the citation patterns' leading [ \\t\\f\\v]*)", () => {
    for (const [keyword, blank] of [
      ["cite", " "],
      ["cite", "\t"],
      ["oaicite", " "],
      ["【", "\v"],
      ["\uE200", "\f"],
    ] as const) {
      const line = `${keyword}${blank.repeat(MiB)}x`;
      expect(expectLinear(`${JSON.stringify(keyword)} + blanks`, () => findCitations(line))).toEqual([]);
      expect(expectLinear(`repairLine ${JSON.stringify(keyword)} + blanks`, () => repairLine(line, 1).text)).toBe(line);
    }
    const marker = "[oaicite:3]";
    const found = expectLinear("blanks then a marker", () => findCitations(`${" ".repeat(MiB)}${marker}`));
    expect(found).toEqual([{ start: 0, end: MiB + marker.length, before: `${" ".repeat(MiB)}${marker}`, after: "" }]);
  });

  it("unclosed browsing and private-use citations (【…† and \\uE200…\\uE202 without their closer)", () => {
    expect(expectLinear("【1† repeated", () => findCitations(fill("【1†")))).toEqual([]);
    expect(expectLinear("【12:3†x repeated", () => findCitations(fill("【12:3†x")))).toEqual([]);
    expect(expectLinear("\\uE200a\\uE202 repeated", () => findCitations(fill("\uE200a\uE202")))).toEqual([]);
    expect(expectLinear("closer only at the end", () => findCitations(`${fill("【1†")}】`))).toHaveLength(1);
  });

  it("stripped citations with long runs inside (citeturn…)", () => {
    expect(expectLinear("turns", () => findCitations(`cite${fill("turn1a1")}turn`))).toHaveLength(1);
    expect(expectLinear("letters without the last digits", () => findCitations(`citeturn1${"a".repeat(MiB)}`))).toEqual([]);
    expect(expectLinear("cite repeated", () => findCitations(fill("citeturn0 ")))).toEqual([]);
  });

  it("an unclosed '(optional' repeated (OPTIONAL_MARKER, /\\(\\s*optional\\b[^)]*\\)/i)", () => {
    expect(expectLinear("(optional repeated", () => isOptionalTitle(fill("(optional")))).toBe(false);
    expect(expectLinear("( + spaces repeated", () => isOptionalTitle(`${fill(`(${" ".repeat(1000)}`)})`))).toBe(false);
    expect(expectLinear("closed at the very end", () => isOptionalTitle(`${fill("(optional")})`))).toBe(true);
  });

  it("many repairs on one line (a column count and a citation shift per repair)", () => {
    // Every repair is described here, which is most of the cost: 256 KiB (65,536 repairs) keeps
    // it far under the bound while the quadratic column count took ~20 s on it. The parser itself
    // describes at most MAX_LISTED_REPAIRS per line, on lines of at most MAX_LINE_LENGTH.
    const size = MiB / 4;
    const mojibake = expectLinear("mojibake repeated", () => repairLine(fill("â€™x", size), 1));
    expect(mojibake.repairs).toHaveLength(size / 4);
    expect(mojibake.repairs.at(-1)?.column).toBe(size - 3);
    const mixed = expectLinear("citations and mojibake repeated", () => repairLine(fill("[oaicite:1]â€™", size), 1));
    expect(mixed.text).toBe("’".repeat(Math.floor(size / 14)));
    // One repair per citation, and one for the mojibake they split, repaired as one run.
    expect(mixed.repairs).toHaveLength(Math.floor(size / 14) + 1);
    // Each mojibake fix before a citation must not look again at the blanks the citation takes.
    const blanksBeforeCitation = `${fill("â€™x", size)}${" ".repeat(MiB)}[oaicite:1]`;
    expect(expectLinear("fixes, then blanks and a citation", () => repairLine(blanksBeforeCitation, 1)).repairs.at(-1)).toMatchObject({ kind: "citation", column: size + MiB + 1 });
    // Counting without describing (what the parser does past its list) takes the whole 1 MiB.
    expect(expectLinear("counted, not described", () => repairLineUpTo(fill("â€™x"), 1, 10))).toMatchObject({ count: MiB / 4, repairs: { length: 10 } });
    expect(expectLinear("one long run of mojibake", () => repairMojibake(fill("â€™")).text)).toBe("’".repeat(Math.floor(MiB / 3)));
  });

  it("an upload over the size limit whose last line is a long run of \\r (decode.ts, /[\\r\\uFFFD]+$/)", () => {
    const bytes = new TextEncoder().encode(`${"\r".repeat(MAX_OUTLINE_BYTES - 10)}${"x".repeat(20)}`);
    const result = expectLinear("\\r run", () => parseOutlineBytes(bytes));
    expect(!result.ok && result.errors[0]).toMatchObject({ line: 1, column: MAX_OUTLINE_BYTES + 1, code: "file-too-large" });
  });
});

/** What the repairs and the grammar look for, and what breaks them. */
const ADVERSARIAL = [
  ...[" ", "\t", "\f", "\v", "\u00a0", "#", "-", "*", "+", "=", "(", ")", '"', "'", "x", "0"],
  ...["- ", "  ", "\t- ", "(optional", "( optional", "optional)", "==="],
  ...["â€™", "â€œ", "Ã©", "‚Äú", "\uF8FFüêç", "ï»¿", "Ã¢â‚¬â„¢", "é", "🐍", "\uD83D"],
  ...[":contentReference[oaicite:3]{index=3}", ":contentReference", "[oaicite:", "[oaicite:3]", "{index=", "【", "【4†", "†", "】", "\uE200cite\uE202", "\uE201", "cite", "turn0search1", "citeturn"],
];
const LINE_BREAKS = ["\n", "\r\n", "\r", "\n- ", "\n  - ", "\n=====\n"];

/** Up to 1 MiB made of a few long runs, each one fragment repeated, with or without line breaks. */
const adversarialText = fc
  .array(
    fc.record({
      fragment: fc.constantFrom(...ADVERSARIAL, ...LINE_BREAKS),
      then: fc.constantFrom("", ...ADVERSARIAL),
      repeat: fc.integer({ min: 1, max: 300_000 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((runs) => runs.map(({ fragment, then, repeat }) => (fragment + then).repeat(repeat)).join("").slice(0, MiB));

describe("property: adversarial input up to 1 MiB", () => {
  it("is parsed, repaired and scanned in linear time", () => {
    fc.assert(
      fc.property(adversarialText, (text) => {
        expectLinear("parseOutline", () => parseOutline(text));
        // Without the line limit, so that the repairs and the grammar see the long lines too.
        expectLinear("parseOutline without a line limit", () => parseOutline(text, { maxLineLength: Infinity }));
        expectLinear("repairLine, every repair described", () => repairLine(text.slice(0, MiB / 4), 1));
        expectLinear("repairLineUpTo", () => repairLineUpTo(text, 1, 1000));
        expectLinear("repairMojibake", () => repairMojibake(text));
        expectLinear("findCitations", () => findCitations(text));
        expectLinear("isOptionalTitle", () => isOptionalTitle(text));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
