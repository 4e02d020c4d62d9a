import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCitations } from "./citations";
import type { TextFix } from "./repair";

/**
 * The citation markers as the regular expressions that used to find them: the specification the
 * hand-written scanner must agree with. Only ever run on short text here, since they are quadratic
 * (see linear-time.test.ts).
 */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /[ \t\f\v]*(?::contentReference)?\[oaicite:\d+\](?:\{index=\d+\})?/g,
  /[ \t\f\v]*【\d+(?::\d+)?†[^】\r\n]*】/g,
  /[ \t\f\v]*\uE200[a-z_]+\uE202[^\uE201\r\n]*\uE201/g,
  /[ \t\f\v]*\bcite(?:turn\d+[a-z]+\d+)+/g,
];

function referenceCitations(text: string): TextFix[] {
  const spans: TextFix[] = [];
  for (const pattern of REFERENCE_PATTERNS) {
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length, before: match[0], after: "" });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextFix[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (!(last && span.start < last.end)) kept.push(span);
  }
  return kept;
}

/** Pieces of every marker and of near misses, so random text often almost matches. */
const FRAGMENTS = [
  ...[" ", "  ", "\t", "\f", "\v", "\n", "\r", "x", "a", "Z", "_", "0", "1", "42", ":", "[", "]", "{", "}", "=", "index", "{index=", "}"],
  ...["oaicite", "[oaicite:", "[oaicite:3]", ":contentReference", ":contentReference[oaicite:"],
  ...["【", "【4", "【12:3", "†", "source", "】", "L10-L20"],
  ...["\uE200", "\uE202", "\uE201", "cite", "turn", "search", "news", "turn0search1", "citeturn", "excite", "b_c"],
];
const nearMisses = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(""));

describe("findCitations", () => {
  it("property: finds exactly the spans the reference expressions find", () => {
    fc.assert(
      fc.property(nearMisses, (text) => {
        expect(findCitations(text)).toEqual(referenceCitations(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the whitespace before a marker, and the longer of two overlapping markers", () => {
    expect(findCitations("a \t:contentReference[oaicite:1]{index=1}b").map((fix) => fix.before)).toEqual([" \t:contentReference[oaicite:1]{index=1}"]);
    expect(findCitations("x [oaicite:2]{index=}").map((fix) => fix.before)).toEqual([" [oaicite:2]"]);
    expect(findCitations("【1†a 【2†b】").map((fix) => fix.before)).toEqual(["【1†a 【2†b】"]);
    expect(findCitations("【1†a\n【2†b】").map((fix) => fix.before)).toEqual(["【2†b】"]);
    expect(findCitations("citeturn0search1turn2news3x citeturn1").map((fix) => fix.before)).toEqual(["citeturn0search1turn2news3"]);
    expect(findCitations("excite citeturn1a1")).toEqual([{ start: 6, end: 18, before: " citeturn1a1", after: "" }]);
  });
});
