/**
 * The Markdown reader is linear in its input like the text parser (decisions 0015 and 0031): each
 * hostile input below, 1 MiB of it, must be read in under a second of CPU (see
 * lib/testing/linear-time.ts for why that one timing bound is sound). The inline cases are the
 * shapes that make a naive link scanner rescan the rest of the line once per bracket.
 */
import { describe, expect, it } from "vitest";
import { MiB, expectLinearTime as expectLinear, fill } from "@/lib/testing/linear-time";
import { detectOutlineFormat } from "./detect-format";
import { MAX_OUTLINE_BYTES } from "./parse";
import { parseMarkdownOutline } from "./markdown";
import { parseInline } from "./markdown-inline";

const big = { maxBytes: 4 * MiB, maxLineLength: 4 * MiB };

describe("Markdown inline scanning on one huge line", () => {
  for (const [name, unit] of [
    ["unclosed link texts", "[a"],
    ["link texts without a destination", "[a]"],
    ["unclosed destinations", "[a]("],
    ["nested unclosed destinations", "[a](x("],
    ["unclosed angle destinations", "[a](<x"],
    ["unclosed titles", '[a](x "t'],
    ["unclosed autolinks", "<http:"],
    ["escapes", "\\["],
    ["images", "!["],
    ["parentheses", "(((("],
  ] as const) {
    it(name, () => {
      const line = fill(unit);
      const inline = expectLinear(name, () => parseInline(line));
      expect(inline.links).toEqual([]);
      // And as an item's text in a file (the line limit lifted).
      expect(expectLinear(`${name} in a file`, () => parseMarkdownOutline(`- ${line}`, big)).ok).toBe(true);
    });
  }

  it("one link closing a huge destination", () => {
    expect(expectLinear("closed at the end", () => parseInline(`[a](${fill("(x)")})`)).links).toHaveLength(1);
  });
});

describe("Markdown files of 1 MiB", () => {
  for (const [name, unit] of [
    ["deeply nested items", "  "],
    ["short items", "- [ ] a\n"],
    ["blank lines", "\n"],
    ["headings", "## a\n"],
    ["deep headings", "#### a\n"],
    ["fences", "```\n"],
    ["skipped paragraphs", "a\n\n"],
    ["description lines", "- a\n  b\n\n  c\n"],
    ["links lines", "- a\n  Links: [a](https://a.b), <https://c.d>\n"],
    ["thematic breaks", "- - -\n"],
  ] as const) {
    it(name, () => {
      const text = name === "deeply nested items" ? Array.from({ length: 1400 }, (_, i) => `${" ".repeat(i)}- a`).join("\n") : fill(unit, MAX_OUTLINE_BYTES - 16);
      const result = expectLinear(name, () => parseMarkdownOutline(text, { maxItems: 1_000_000, maxSections: 1_000_000 }));
      expect(result.ok).toBe(true);
      expectLinear(`${name}: detection`, () => detectOutlineFormat(text));
    });
  }
});
