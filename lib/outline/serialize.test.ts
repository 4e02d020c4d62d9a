import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOutline } from "./parse";
import { DEFAULT_FORMAT, OutlineSerializeError, serializeOutline } from "./serialize";
import type { BulletChar, OutlineDocumentInput, OutlineFormat, OutlineItemInput, OutlineSectionInput } from "./types";

// ---------------------------------------------------------------------------------------------
// Generators. Titles mix ASCII, punctuation the format uses ("-", "*", "#", "="), and legitimate
// non-ASCII text that must survive the mojibake repair untouched.

const WORDS = [
  "api",
  "Django",
  "REST",
  "*args",
  "**kwargs",
  "-flag",
  "#tag",
  "a+b",
  "C++",
  "50%",
  "x=1",
  "==",
  "(note)",
  "[link]",
  "{index}",
  "café",
  "naïve",
  "€10",
  "“quoted”",
  "it’s",
  "Fuß",
  "Москва",
  "日本語",
  "🐍",
  "❤️",
  "—",
  "…",
  "½",
  "x\ty",
];
const titleText = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[A-Za-z0-9.,:;!?'"()/&@$^_<>|~`-]{1,8}$/)), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(" "))
  .filter((title) => !/optional|cite/i.test(title));
/** A title and its optional flag, the marker written into the title as the parser expects it. */
const titled = fc.record({ base: titleText, optional: fc.boolean() }).map(({ base, optional }) => ({ title: optional ? `${base} (optional)` : base, optional }));
const description = fc.option(
  fc
    .array(titleText, { minLength: 1, maxLength: 3 })
    .map((lines) => lines.join("\n"))
    .filter((text) => !text.split("\n").some((line) => /^[-*+]([ \t]|$)/.test(line))),
  { nil: undefined },
);
const bullet = fc.constantFrom<BulletChar>("-", "*", "+");

interface Options {
  layout: boolean;
}

function itemArbitrary(depth: number, options: Options): fc.Arbitrary<OutlineItemInput> {
  const children = depth === 0 ? fc.constant([]) : fc.array(itemArbitrary(depth - 1, options), { maxLength: 3 });
  const layout = options.layout ? fc.record({ blankLinesBefore: fc.nat(2), bullet }) : fc.constant(undefined);
  return fc.record({ named: titled, description, children, layout }).map(({ named, description: text, children: kids, layout: l }) => ({
    ...named,
    ...(text === undefined ? {} : { description: text }),
    children: kids,
    ...(l ? { layout: l } : {}),
  }));
}

function documentArbitrary(options: Options): fc.Arbitrary<OutlineDocumentInput> {
  const items = fc.array(itemArbitrary(4, options), { maxLength: 4 });
  const section: fc.Arbitrary<OutlineSectionInput> = fc
    .record({
      named: titled,
      items,
      layout: options.layout ? fc.record({ blankLinesBefore: fc.nat(2), openBanner: fc.integer({ min: 3, max: 80 }), closeBanner: fc.integer({ min: 3, max: 80 }) }) : fc.constant(undefined),
    })
    .map(({ named, items: list, layout }) => ({ ...named, items: list, ...(layout ? { layout } : {}) }));
  const headerLine = fc.oneof(fc.constant(""), fc.constant("#"), titleText.map((text) => `# ${text}`));
  const header = fc
    .array(headerLine, { maxLength: 3 })
    .map((lines) => {
      while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
      return lines;
    });
  const format: fc.Arbitrary<Partial<OutlineFormat> | undefined> = options.layout
    ? fc.record({
        bom: fc.boolean(),
        newline: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const),
        indent: fc.constantFrom("  ", "    ", "\t", " ", "   ", "        "),
        bullet,
        bannerWidth: fc.integer({ min: 3, max: 80 }),
        finalNewline: fc.boolean(),
        trailingBlankLines: fc.nat(2),
      })
    : fc.constant(undefined);
  const body = fc.oneof(
    fc.record({ sections: fc.array(section, { maxLength: 4 }) }),
    fc.record({ items }),
  );
  return fc.record({ header, body, format }).map(({ header: h, body: b, format: f }) => ({ header: h, ...b, ...(f ? { format: f } : {}) }));
}

/** What a tree means, without layout or line numbers. */
function meaning(document: OutlineDocumentInput) {
  const items = (list: readonly OutlineItemInput[] | undefined): unknown[] =>
    (list ?? []).map((item) => ({ title: item.title, optional: item.optional ?? false, description: item.description ?? null, children: items(item.children) }));
  return {
    header: document.header ?? [],
    sections: (document.sections ?? []).map((section) => ({ title: section.title, optional: section.optional ?? false, items: items(section.items) })),
    items: items(document.items),
  };
}

function parseOk(text: string) {
  const result = parseOutline(text);
  if (!result.ok) throw new Error(`did not parse:\n${result.errors.map((e) => e.message).join("\n")}\n---\n${text}`);
  return result;
}

// ---------------------------------------------------------------------------------------------

describe("serializeOutline", () => {
  it("property: random trees round-trip through serialize → parse", () => {
    fc.assert(
      fc.property(documentArbitrary({ layout: false }), (document) => {
        const text = serializeOutline(document);
        const result = parseOk(text);
        expect(result.repairs).toEqual([]);
        expect(meaning(result.document)).toEqual(meaning(document));
        // The default style is itself a clean file.
        expect(serializeOutline(result.document)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("property: clean files in any convention serialize back byte for byte", () => {
    fc.assert(
      fc.property(documentArbitrary({ layout: true }), (document) => {
        const text = serializeOutline(document);
        const result = parseOk(text);
        expect(result.repairs).toEqual([]);
        expect(meaning(result.document)).toEqual(meaning(document));
        expect(serializeOutline(result.document)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("property: parse records the layout it was given", () => {
    fc.assert(
      fc.property(documentArbitrary({ layout: true }), (document) => {
        const result = parseOk(serializeOutline(document));
        const layouts = (items: readonly OutlineItemInput[] | undefined): unknown[] => (items ?? []).map((item) => [item.layout, layouts(item.children)]);
        expect((document.sections ?? []).map((s) => [s.layout, layouts(s.items)])).toEqual(result.document.sections.map((s) => [s.layout, layouts(s.items)]));
        expect(layouts(document.items)).toEqual(layouts(result.document.items));
        expect(result.document.format.bom).toBe(document.format?.bom);
      }),
      { numRuns: 200 },
    );
  });

  it("property: whatever parses serializes, and reads back the same (arbitrary text)", () => {
    const piece = fc.constantFrom(
      ...["\n", "\r\n", "\r", " ", "  ", "    ", "\t", "- ", "* ", "+ ", "-", "===", "#", "a", "b c", "(optional)", "\f", "\v"],
      ...["é", "€", "…", "”", "Å", "日本語", "\u00a0", "\uFEFF", "‚Äú", "Ã©", "â€", "\uF8FFüêç", " :contentReference[oaicite:1]{index=1}", "【1†a】"],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join("")), (text) => {
        const first = parseOutline(text);
        if (!first.ok) return;
        const written = serializeOutline(first.document);
        const second = parseOk(written);
        expect(second.repairs).toEqual([]);
        expect(meaning(second.document)).toEqual(meaning(first.document));
        expect(serializeOutline(second.document)).toBe(written);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes a tree without layout in the seed's style", () => {
    const text = serializeOutline({
      header: ["# Track"],
      sections: [
        { title: "ONE", items: [{ title: "a", children: [{ title: "b", optional: true, description: "why b" }] }, { title: "c" }] },
        { title: "TWO", items: [] },
      ],
    });
    const banner = "=".repeat(69);
    expect(text).toBe(["# Track", "", banner, "ONE", banner, "", "- a", "  - b (optional)", "    why b", "", "- c", "", banner, "TWO", banner, ""].join("\n"));
  });

  it("writes a file without sections, and an empty document as nothing", () => {
    expect(serializeOutline({ items: [{ title: "a" }, { title: "b", children: [{ title: "c" }] }] })).toBe("- a\n\n- b\n  - c\n");
    expect(serializeOutline({})).toBe("");
    expect(serializeOutline({ format: { bom: true } })).toBe("\uFEFF");
    expect(DEFAULT_FORMAT).toMatchObject({ newline: "\n", indent: "  ", bullet: "-", bannerWidth: 69 });
  });

  it("does not add a second optional marker", () => {
    expect(serializeOutline({ items: [{ title: "NoSQL (optional but common)", optional: true }] })).toBe("- NoSQL (optional but common)\n");
  });

  it.each<[string, OutlineDocumentInput, RegExp]>([
    ["an empty title", { items: [{ title: " " }] }, /item 1 has an empty title/],
    ["a line break in a title", { sections: [{ title: "a\nb" }] }, /section 1 has a line break/],
    ["a title with edge whitespace", { items: [{ title: "a", children: [{ title: "b " }] }] }, /item 1 > item 1 has spaces or tabs/],
    ["a section title of '='", { sections: [{ title: "=====" }] }, /made only of "="/],
    ["items beside sections", { sections: [{ title: "S" }], items: [{ title: "a" }] }, /cannot also have top-level items/],
    ["a blank description line", { items: [{ title: "a", description: "x\n\ny" }] }, /blank line in its description/],
    ["a description line like a bullet", { items: [{ title: "a", description: "- b" }] }, /starts like a bullet/],
    ["a header line that is not a comment", { header: ["Title"] }, /must start with "#"/],
    ["a header ending with a blank line", { header: ["# t", ""] }, /must not end with a blank line/],
    ["a bad indent", { format: { indent: "\t " } }, /format.indent/],
    ["a non-breaking-space title", { items: [{ title: "\u00a0" }] }, /item 1 has an empty title/],
    ["a narrow banner", { sections: [{ title: "S", layout: { openBanner: 2 } }] }, /narrower than 3/],
    ["a negative blank-line count", { items: [{ title: "a", layout: { blankLinesBefore: -1 } }] }, /blankLinesBefore must be a whole number/],
  ])("rejects %s", (_name, document, message) => {
    expect(() => serializeOutline(document)).toThrow(OutlineSerializeError);
    expect(() => serializeOutline(document)).toThrow(message);
  });
});
