import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ERRORS, MAX_LINE_LENGTH, MAX_OUTLINE_BYTES, MAX_OUTLINE_ITEMS, MAX_OUTLINE_SECTIONS, isOptionalTitle, parseOutline } from "./parse";
import { MAX_LISTED_REPAIRS } from "./repair-list";
import { serializeOutline } from "./serialize";
import { countItems, depthHistogram, flattenOutline, maxDepth, outlineStats } from "./stats";
import type { ParseOptions, OutlineDocument, OutlineItem } from "./types";

function parsed(text: string, options?: ParseOptions) {
  const result = parseOutline(text, options);
  if (!result.ok) throw new Error(`expected a clean parse, got:\n${result.errors.map((e) => e.message).join("\n")}`);
  return result;
}

function failed(text: string, options?: ParseOptions) {
  const result = parseOutline(text, options);
  if (result.ok) throw new Error("expected errors, but the text parsed");
  return result;
}

/** The tree without line numbers and layout: [title, children] pairs. */
type Shape = [string, Shape[]];
const shapeOf = (items: readonly OutlineItem[]): Shape[] => items.map((item) => [item.title, shapeOf(item.children)]);
const sectionShapes = (document: OutlineDocument) => document.sections.map((section) => [section.title, shapeOf(section.items)]);

const BASIC = [
  "# My Roadmap",
  "# a comment",
  "",
  "=======",
  "BASICS",
  "=======",
  "",
  "- Python",
  "  - functions",
  "    - defaults",
  "  - classes",
  "",
  "- Tools (optional)",
  "",
  "=======",
  "MORE",
  "=======",
  "",
  "- Databases",
  "",
].join("\n");

describe("parseOutline: structure", () => {
  it("reads the header, sections and the item tree with depths and lines", () => {
    const { document, repairs, warnings } = parsed(BASIC);
    expect(repairs).toEqual([]);
    expect(warnings).toEqual([]);
    expect(document.header).toEqual(["# My Roadmap", "# a comment"]);
    expect(document.title).toBe("My Roadmap");
    expect(sectionShapes(document)).toEqual([
      [
        "BASICS",
        [
          [
            "Python",
            [
              ["functions", [["defaults", []]]],
              ["classes", []],
            ],
          ],
          ["Tools (optional)", []],
        ],
      ],
      ["MORE", [["Databases", []]]],
    ]);
    const basics = document.sections[0];
    expect(basics?.line).toBe(5);
    expect(basics?.layout).toEqual({ blankLinesBefore: 1, openBanner: 7, closeBanner: 7 });
    const python = basics?.items[0];
    expect(python).toMatchObject({ title: "Python", depth: 0, line: 8, optional: false, layout: { blankLinesBefore: 1, bullet: "-" } });
    expect(python?.children[0]?.children[0]).toMatchObject({ title: "defaults", depth: 2, line: 10, layout: { blankLinesBefore: 0 } });
    expect(basics?.items[1]).toMatchObject({ title: "Tools (optional)", optional: true, line: 13 });
    expect(document.items).toEqual([]);
    expect(document.format).toEqual({ bom: false, newline: "\n", indent: "  ", bullet: "-", bannerWidth: 7, finalNewline: true, trailingBlankLines: 0 });
  });

  it("reads a file without sections as top-level items", () => {
    const { document } = parsed("# List\n- a\n  - b\n- c\n");
    expect(document.sections).toEqual([]);
    expect(shapeOf(document.items)).toEqual([
      ["a", [["b", []]]],
      ["c", []],
    ]);
  });

  it("counts sections, items and depths", () => {
    const { document } = parsed(BASIC);
    expect(countItems(document)).toBe(6);
    expect(depthHistogram(document)).toEqual([3, 2, 1]);
    expect(maxDepth(document)).toBe(2);
    expect(outlineStats(document)).toEqual({ sections: 2, topics: 2, items: 4, optionalItems: 1, maxDepth: 2, depthHistogram: [3, 2, 1] });
    expect(maxDepth(parsed("# nothing\n").document)).toBe(-1);
  });

  it("flattens to rows in pre-order with parent, position and depth", () => {
    const rows = flattenOutline(parsed(BASIC).document);
    expect(rows.map((r) => [r.kind, r.title, r.parentIndex, r.position, r.depth])).toEqual([
      ["section", "BASICS", null, 0, 0],
      ["item", "Python", 0, 0, 1],
      ["item", "functions", 1, 0, 2],
      ["item", "defaults", 2, 0, 3],
      ["item", "classes", 1, 1, 2],
      ["item", "Tools (optional)", 0, 1, 1],
      ["section", "MORE", null, 1, 0],
      ["item", "Databases", 6, 0, 1],
    ]);
    expect(rows[5]).toMatchObject({ optional: true, description: null, line: 13 });
  });

  it("marks items whose text has an (optional…) parenthetical, and only those", () => {
    expect(isOptionalTitle("GraphQL (optional)")).toBe(true);
    expect(isOptionalTitle("gRPC (Optional)")).toBe(true);
    expect(isOptionalTitle("NoSQL (optional but common)")).toBe(true);
    expect(isOptionalTitle("Optional / Union")).toBe(false);
    expect(isOptionalTitle("FRAMEWORKS (choose one primary, understand both models)")).toBe(false);
    expect(isOptionalTitle("optionality (not optional-ish)")).toBe(false);
  });

  it("reads text directly under an item, one level deeper, as its description", () => {
    const { document } = parsed("- Caching\n  Why: cut latency.\n  Start with Redis.\n  - Redis\n    In-memory store.\n- Next\n");
    const [caching, next] = document.items;
    expect(caching?.description).toBe("Why: cut latency.\nStart with Redis.");
    expect(caching?.children[0]).toMatchObject({ title: "Redis", description: "In-memory store." });
    expect(next?.description).toBeUndefined();
  });

  it("warns about empty sections and files without items", () => {
    expect(parsed("===\nA\n===\n- x\n===\nEMPTY\n===\n").warnings).toEqual([{ line: 6, code: "empty-section", message: 'Line 6: the section "EMPTY" has no items' }]);
    expect(parsed("# only a title\n").warnings).toEqual([{ line: 1, code: "no-items", message: "Line 1: the file has no items" }]);
    expect(parsed("").document).toMatchObject({ header: [], sections: [], items: [] });
  });
});

describe("parseOutline: conventions of clean files are detected and kept", () => {
  const variants: Array<[string, string, Partial<OutlineDocument["format"]>]> = [
    ["4-space indent", BASIC.replace(/^( +)/gm, (s) => s + s), { indent: "    " }],
    ["tab indent", BASIC.replace(/^( +)/gm, (s) => "\t".repeat(s.length / 2)), { indent: "\t" }],
    ["CRLF", BASIC.replace(/\n/g, "\r\n"), { newline: "\r\n" }],
    ["CR", BASIC.replace(/\n/g, "\r"), { newline: "\r" }],
    ["BOM", `\uFEFF${BASIC}`, { bom: true }],
    ["* bullets", BASIC.replace(/- /g, "* "), { bullet: "*" }],
    ["+ bullets", BASIC.replace(/- /g, "+ "), { bullet: "+" }],
    ["no final newline", BASIC.slice(0, -1), { finalNewline: false }],
    ["trailing blank lines", `${BASIC}\n\n`, { trailingBlankLines: 2 }],
    ["extra blank lines", BASIC.replace("  - classes", "\n\n  - classes").replace("# a comment", "\n# a comment"), {}],
    ["uneven banners", BASIC.replace("=======\nMORE\n=======", "===\nMORE\n============"), {}],
  ];

  it.each(variants)("%s: same tree, no repairs, byte-identical serialization", (_name, text, format) => {
    const { document, repairs } = parsed(text);
    expect(repairs).toEqual([]);
    expect(sectionShapes(document)).toEqual(sectionShapes(parsed(BASIC).document));
    expect(document.format).toMatchObject(format);
    expect(serializeOutline(document)).toBe(text);
  });

  it("keeps each item's own bullet in a file that mixes them", () => {
    const text = "* a\n  - b\n    + c\n";
    const { document, repairs } = parsed(text);
    expect(repairs).toEqual([]);
    expect(document.items[0]?.children[0]?.children[0]?.layout.bullet).toBe("+");
    expect(serializeOutline(document)).toBe(text);
  });
});

describe("parseOutline: repairs", () => {
  it("removes trailing whitespace and serializes the repaired text", () => {
    const result = parsed("- a  \n  - b\t\n   \n- c\n");
    expect(result.repairs.map((r) => [r.line, r.kind])).toEqual([
      [1, "trailing-whitespace"],
      [2, "trailing-whitespace"],
      [3, "trailing-whitespace"],
    ]);
    expect(serializeOutline(result.document)).toBe("- a\n  - b\n\n- c\n");
  });

  it("repairs mojibake and citation debris in titles, then marks optional items", () => {
    const result = parsed("# \uF8FFüêç Roadmap\n- GraphQL (optional) :contentReference[oaicite:1]{index=1}\n- ‚ÄúQuoted‚Äù\n");
    expect(result.document.title).toBe("🐍 Roadmap");
    expect(result.document.items.map((i) => [i.title, i.optional])).toEqual([
      ["GraphQL (optional)", true],
      ["“Quoted”", false],
    ]);
    expect(result.repairs.map((r) => [r.line, r.column, r.kind])).toEqual([
      [1, 3, "mojibake"],
      [2, 22, "citation"],
      [3, 3, "mojibake"],
      [3, 12, "mojibake"],
    ]);
  });

  it("normalizes line endings that differ from the file's majority", () => {
    const result = parsed("- a\r\n- b\n- c\r\n- d\r\n");
    expect(result.document.format.newline).toBe("\r\n");
    expect(result.repairs).toEqual([
      { line: 2, kind: "line-ending", before: "\n", after: "\r\n", message: "Line 2: changed the LF line ending to CRLF, like the rest of the file" },
    ]);
    expect(serializeOutline(result.document)).toBe("- a\r\n- b\r\n- c\r\n- d\r\n");
  });

  it("resolves a tab in a space-indented file as one level", () => {
    const result = parsed("- a\n    - b\n\t- c\n\t    - d\n");
    expect(shapeOf(result.document.items)).toEqual([
      [
        "a",
        [
          ["b", []],
          ["c", [["d", []]]],
        ],
      ],
    ]);
    expect(result.repairs.map((r) => [r.line, r.kind, r.before, r.after])).toEqual([
      [3, "indentation", "\t", "    "],
      [4, "indentation", "\t    ", "        "],
    ]);
    expect(result.repairs[0]?.message).toBe("Line 3, column 1: rewrote the indentation (1 tab) as level 1 in the file's style (4 spaces)");
    expect(serializeOutline(result.document)).toBe("- a\n    - b\n    - c\n        - d\n");
  });

  it("resolves space indentation in a tab-indented file when the file shows the width", () => {
    const result = parsed("- a\n\t- b\n\t\t- c\n- d\n  - e\n\t- f\n");
    expect(result.document.format.indent).toBe("\t");
    expect(result.repairs.map((r) => [r.line, r.kind])).toEqual([[5, "indentation"]]);
    expect(serializeOutline(result.document)).toBe("- a\n\t- b\n\t\t- c\n- d\n\t- e\n\t- f\n");
  });

  it("normalizes extra space after a bullet and around a section title", () => {
    const result = parsed("===\n  Title\n===\n-   a\n-\tb\n");
    expect(result.repairs.map((r) => [r.line, r.column, r.kind])).toEqual([
      [2, 1, "spacing"],
      [4, 2, "spacing"],
      [5, 2, "spacing"],
    ]);
    expect(serializeOutline(result.document)).toBe("===\nTitle\n===\n- a\n- b\n");
  });

  it("drops a byte-order mark that was itself garbled", () => {
    const result = parsed("ï»¿- a\n");
    expect(result.document.format.bom).toBe(false);
    expect(result.repairs[0]).toMatchObject({ line: 1, kind: "mojibake", before: "ï»¿", after: "" });
    expect(serializeOutline(result.document)).toBe("- a\n");
  });
});

describe("parseOutline: errors name the line and column", () => {
  const cases: Array<[string, string, { line: number; column: number; code: string; message: string }]> = [
    [
      "an indentation jump",
      "- a\n  - b\n      - c\n",
      { line: 3, column: 7, code: "indent-jump", message: "Line 3, column 7: indentation jumps from level 1 to level 3; indent by one level at a time" },
    ],
    [
      "an indented first item",
      "===\nS\n===\n  - a\n",
      { line: 4, column: 3, code: "indent-jump", message: "Line 4, column 3: the first item of a section is indented (level 1); start it at the left margin" },
    ],
    [
      "an item before the first section",
      "# t\n- stray\n===\nS\n===\n- a\n",
      {
        line: 2,
        column: 1,
        code: "item-before-section",
        message: "Line 2, column 1: this item comes before the first section; this file uses sections (a title between two lines of '='), so every item must be under one",
      },
    ],
    ["an empty item", "- a\n  -\n", { line: 2, column: 3, code: "empty-item", message: "Line 2, column 3: the item has no text; write it after the '-' or delete the line" }],
    [
      "an item emptied by removing citation debris",
      "- a\n- :contentReference[oaicite:1]{index=1}\n",
      { line: 2, column: 1, code: "empty-item", message: "Line 2, column 1: the item has no text; write it after the '-' or delete the line" },
    ],
    [
      "tabs and spaces that do not line up",
      "- a\n    - b\n\t  - c\n",
      {
        line: 3,
        column: 1,
        code: "mixed-indentation",
        message:
          "Line 3, column 1: indentation mixes tabs and spaces and does not line up with a level (a tab counts as one level of 4 spaces); indent with 4 spaces per level only",
      },
    ],
    [
      "spaces in a tab file that never shows their width",
      "- a\n\t- b\n\t\t- c\n\t  - d\n",
      {
        line: 4,
        column: 1,
        code: "mixed-indentation",
        message:
          "Line 4, column 1: indented with spaces in a file indented with tabs, and the file never shows how many spaces make one level; indent with tabs",
      },
    ],
    [
      "indentation that is not a whole number of levels",
      "- a\n    - b\n        - c\n     - d\n",
      {
        line: 4,
        column: 1,
        code: "indent-not-multiple",
        message: "Line 4, column 1: indented by 5 spaces, which is not a whole number of levels in this file (4 spaces per level)",
      },
    ],
    [
      "a doubled opening banner",
      "===\n===\nTitle\n===\n- a\n",
      { line: 2, column: 1, code: "empty-section-title", message: "Line 2, column 1: two lines of '=' in a row; a section is a title between two lines of '='" },
    ],
    [
      "a banner without a title",
      "===\n===\n===\nS\n===\n- a\n",
      { line: 2, column: 1, code: "empty-section-title", message: "Line 2, column 1: two lines of '=' in a row; a section is a title between two lines of '='" },
    ],
    [
      "a section title without a closing banner",
      "===\nTitle\n- a\n",
      {
        line: 3,
        column: 1,
        code: "unclosed-section-banner",
        message: "Line 3, column 1: expected a line of '=' under the section title \"Title\"; a section is a title between two lines of '='",
      },
    ],
    [
      "a description indented too far",
      "- a\n  - b\n      note\n",
      {
        line: 3,
        column: 7,
        code: "description-indent",
        message: "Line 3, column 7: text under an item must be indented exactly one level deeper than the item (level 2); this line is at level 3",
      },
    ],
    [
      "a comment after the top",
      "- a\n# later\n",
      { line: 2, column: 1, code: "comment-not-at-top", message: "Line 2, column 1: '#' comment lines are only allowed at the top of the file, before the first section or item" },
    ],
    [
      "a bullet without a space",
      "- a\n-b\n",
      { line: 2, column: 1, code: "unexpected-text", message: 'Line 2, column 1: a bullet needs a space after it: write "- b"' },
    ],
    [
      "plain text",
      "- a\nsome prose\n",
      {
        line: 2,
        column: 1,
        code: "unexpected-text",
        message: "Line 2, column 1: expected an item (\"- text\"), a section (a title between two lines of '='), or a blank line, but found \"some prose\"",
      },
    ],
    [
      "a description after a blank line",
      "- a\n\n  note\n",
      { line: 3, column: 3, code: "unexpected-text", message: "Line 3, column 3: text under an item must follow it directly, without a blank line in between" },
    ],
  ];

  it.each(cases)("%s", (_name, text, expected) => {
    const result = failed(text);
    expect(result.errors).toEqual([expected]);
    expect("document" in result).toBe(false);
  });

  it("reports every error in the file, not just the first", () => {
    const result = failed("- a\n  - b\n      - c\n-\n- d\n#x\n");
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "indent-jump"],
      [4, "empty-item"],
      [6, "comment-not-at-top"],
    ]);
  });

  it("keeps reporting repairs alongside errors", () => {
    const result = failed("- a  \n-\n");
    expect(result.repairs.map((r) => r.kind)).toEqual(["trailing-whitespace"]);
  });

  it(`stops after ${MAX_ERRORS} errors`, () => {
    const result = failed(`${"text\n".repeat(MAX_ERRORS * 3)}`);
    expect(result.errors).toHaveLength(MAX_ERRORS);
  });

  it("rejects a file over the size limit, naming where the limit is reached", () => {
    const result = failed("- abc\n- défg\n", { maxBytes: 10 });
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 4, // the 11th byte is the second byte of "é"
        code: "file-too-large",
        message: "Line 2, column 4: the file is 14 bytes, over the 10 bytes limit, which is reached here; split it into smaller roadmaps",
      },
    ]);
    expect(parsed("- abc\n- défg\n", { maxBytes: 14 }).document.items).toHaveLength(2);
  });

  it("rejects more than 1 MB by default", () => {
    const line = `- ${"x".repeat(98)}\n`; // 101 bytes: byte 1,048,576 is column 96 of line 10,382
    const big = line.repeat(Math.ceil((MAX_OUTLINE_BYTES + 1) / line.length));
    const result = failed(big);
    expect(result.errors[0]?.code).toBe("file-too-large");
    expect(result.errors[0]?.message).toMatch(/^Line 10382, column 96: the file is 1 MB, over the 1 MB limit/);
  });

  it("rejects more than 5,000 items, at the first item over", () => {
    const ok = "- item\n".repeat(MAX_OUTLINE_ITEMS);
    expect(countItems(parsed(ok).document)).toBe(MAX_OUTLINE_ITEMS);
    const result = failed(`${ok}- one too many\n`);
    expect(result.errors).toEqual([
      {
        line: 5001,
        column: 1,
        code: "too-many-items",
        message: "Line 5001, column 1: this is item 5,001; a roadmap can have at most 5,000 items",
      },
    ]);
    expect(failed("- a\n- b\n- c\n", { maxItems: 2 }).errors[0]).toMatchObject({ line: 3, code: "too-many-items" });
  });
});

describe("parseOutline: line length", () => {
  it(`rejects a line over ${MAX_LINE_LENGTH.toLocaleString("en-US")} characters, naming the line and the column where the limit is reached`, () => {
    const long = `- ${"x".repeat(MAX_LINE_LENGTH)}`;
    const result = failed(`# Title\n\n- short\n${long}\n- after\n`);
    expect(result.errors).toEqual([
      {
        line: 4,
        column: MAX_LINE_LENGTH + 1,
        code: "line-too-long",
        message: `Line 4, column ${MAX_LINE_LENGTH + 1}: the line is 12,002 characters long, over the limit of 12,000 characters per line, which is reached here; break it into shorter lines (a description can go on over several lines)`,
      },
    ]);
    expect(parsed(`- ${"x".repeat(MAX_LINE_LENGTH - 2)}\n`).document.items[0]?.title).toHaveLength(MAX_LINE_LENGTH - 2);
  });

  it("counts characters, not UTF-16 units (an emoji is one)", () => {
    const atLimit = `- ${"🐍".repeat(MAX_LINE_LENGTH - 2)}`;
    expect(parsed(atLimit).document.items).toHaveLength(1);
    expect(failed(`${atLimit}🐍`).errors[0]).toMatchObject({ line: 1, column: MAX_LINE_LENGTH + 1, code: "line-too-long" });
  });

  it("lists every line over the limit (up to the error limit) and reads nothing else", () => {
    const result = failed(["- ok", "x".repeat(20), "   ", "y".repeat(11), "-", "z".repeat(30)].join("\n"), { maxLineLength: 10 });
    expect(result.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [2, 11, "line-too-long"],
      [4, 11, "line-too-long"],
      [6, 11, "line-too-long"],
    ]);
    expect(result.repairs).toEqual([]); // the trailing spaces of line 3 are not even looked at
    expect(failed("x".repeat(11).concat("\n").repeat(MAX_ERRORS * 2), { maxLineLength: 10 }).errors).toHaveLength(MAX_ERRORS);
  });

  it("refuses indentation that, rewritten in the file's style, would be longer than a line may be", () => {
    // The file indents by 4 spaces; three tabs are three levels, twelve spaces once rewritten.
    const result = failed("- a\n    - b\n\t\t\t- c\n", { maxLineLength: 10 });
    expect(result.errors[0]).toMatchObject({ line: 3, column: 1, code: "line-too-long" });
    expect(result.errors[0]?.message).toMatch(/^Line 3, column 1: this line's indentation, rewritten in the file's style \(4 spaces per level\), would be 12 characters long/);
    expect(result.repairs).toEqual([]);
    // At full size: 1,000 spaces per level and 13 tabs would be a 13,000-character repair.
    const wide = failed(`- a\n${" ".repeat(1000)}- b\n${"\t".repeat(13)}- c\n`);
    expect(wide.errors.map((error) => error.code)).toContain("line-too-long");
  });
});

describe("parseOutline: output bounded by the input", () => {
  it(`rejects more than ${MAX_OUTLINE_SECTIONS.toLocaleString("en-US")} sections, at the first one over`, () => {
    const section = (i: number) => `===\nS${i}\n===\n- item\n`;
    const ok = Array.from({ length: MAX_OUTLINE_SECTIONS }, (_, i) => section(i)).join("");
    expect(parsed(ok).document.sections).toHaveLength(MAX_OUTLINE_SECTIONS);
    const result = failed(`${ok}${section(MAX_OUTLINE_SECTIONS)}`);
    expect(result.errors).toEqual([
      {
        line: MAX_OUTLINE_SECTIONS * 4 + 2,
        column: 1,
        code: "too-many-sections",
        message: `Line ${MAX_OUTLINE_SECTIONS * 4 + 2}, column 1: this is section 1,001; a roadmap can have at most 1,000 sections`,
      },
    ]);
    expect(failed("===\nA\n===\n===\nB\n===\n", { maxSections: 1 }).errors[0]).toMatchObject({ line: 5, code: "too-many-sections" });
  });

  it(`lists the first ${MAX_LISTED_REPAIRS.toLocaleString("en-US")} repairs by line and counts all of them`, () => {
    // A trailing space on every description line, and a stray CRLF near the end.
    const lines = ["- item", ...Array.from({ length: 2999 }, (_, i) => `  line ${i + 2} `)];
    const text = `${lines.slice(0, -1).join("\n")}\r\n${lines.at(-1)}\n`;
    const { repairs, repairCount, document } = parsed(text);
    expect(repairCount).toBe(3000);
    expect(repairs).toHaveLength(MAX_LISTED_REPAIRS);
    expect(repairs.map((repair) => repair.line)).toEqual(Array.from({ length: MAX_LISTED_REPAIRS }, (_, i) => i + 2));
    expect(repairs.every((repair) => repair.kind === "trailing-whitespace")).toBe(true);
    // Every line is repaired all the same.
    expect(document.items[0]?.description?.split("\n").at(-1)).toBe("line 3000");
    expect(document.format.newline).toBe("\n");
  });

  it("keeps listing every repair of a file with few (repairCount equals the list)", () => {
    const { repairs, repairCount } = parsed("- a  \n-\tb\n");
    expect(repairs.map((repair) => repair.kind)).toEqual(["trailing-whitespace", "spacing"]);
    expect(repairCount).toBe(2);
  });
});

describe("isOptionalTitle", () => {
  // The expression it replaces, as the specification (quadratic, so only on short text).
  const REFERENCE = /\(\s*optional\b[^)]*\)/i;
  const fragments = ["(", ")", " ", "\t", "\u00a0", "\u2028", "optional", "OPTIONAL", "Optional", "optiona", "l", "x", "_", "1", "-", "İ", "ı", "K"];

  it("property: agrees with /\\(\\s*optional\\b[^)]*\\)/i", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), (parts) => {
        const title = parts.join("");
        expect(isOptionalTitle(title)).toBe(REFERENCE.test(title));
      }),
      { numRuns: 5000 },
    );
  });
});
