import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_RESOURCES } from "@/lib/tracks/edit-schema";
import { detectOutlineFormat } from "./detect-format";
import { MAX_ITEM_LINKS, parseMarkdownOutline } from "./markdown";
import { parseInline } from "./markdown-inline";
import { serializeMarkdown } from "./markdown-serialize";
import { parseOutline } from "./parse";
import { titleWithMarkers } from "./serialize";
import { flattenOutline } from "./stats";
import type { OutlineDocument, OutlineItem, OutlineItemInput, OutlineSectionInput } from "./types";

function parsed(text: string): OutlineDocument {
  const result = parseMarkdownOutline(text);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.document;
}

/** The tree as the stored rows would hold it. */
function rows(document: OutlineDocument) {
  return flattenOutline(document).map(({ depth, kind, title, optional, description, resources }) => ({ depth, kind, title, optional, description, resources }));
}

describe("reading Markdown", () => {
  it("headings become sections, task lists and bullets become nested items, the only # heading is the title", () => {
    const document = parsed(
      ["# Onboarding", "", "## Day 1", "", "- [ ] Laptop", "  - [x] Unbox it", "    * [ ] Charge it", "- Plain bullet", "1. Numbered", "", "### Day 2", "+ [X] Pair"].join("\n"),
    );
    expect(document.title).toBe("Onboarding");
    expect(rows(document)).toEqual([
      { depth: 0, kind: "section", title: "Day 1", optional: false, description: null, resources: [] },
      { depth: 1, kind: "item", title: "Laptop", optional: false, description: null, resources: [] },
      { depth: 2, kind: "item", title: "Unbox it", optional: false, description: null, resources: [] },
      { depth: 3, kind: "item", title: "Charge it", optional: false, description: null, resources: [] },
      { depth: 1, kind: "item", title: "Plain bullet", optional: false, description: null, resources: [] },
      { depth: 1, kind: "item", title: "Numbered", optional: false, description: null, resources: [] },
      { depth: 0, kind: "section", title: "Day 2", optional: false, description: null, resources: [] },
      { depth: 1, kind: "item", title: "Pair", optional: false, description: null, resources: [] },
    ]);
  });

  it("several # headings are all sections; a file without headings is a list", () => {
    expect(parsed("# A\n- a\n# B\n- b\n").sections.map((section) => section.title)).toEqual(["A", "B"]);
    const list = parsed("- [ ] one\n  - [ ] two\n");
    expect(list.title).toBeNull();
    expect(list.items[0]?.children[0]?.title).toBe("two");
  });

  it("links become the item's resources and leave their text in the title; other addresses are reported", () => {
    const result = parseMarkdownOutline("- [ ] Read the [style guide](https://example.com/style \"Style\") and <https://example.com/x> and [this](./local.md)\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const item = result.document.items[0] as OutlineItem;
    expect(item.title).toBe("Read the style guide and https://example.com/x and this");
    expect(item.resources).toEqual([{ title: "style guide", url: "https://example.com/style" }, { url: "https://example.com/x" }]);
    expect(result.repairs).toMatchObject([{ line: 1, kind: "link", before: "./local.md" }]);
  });

  it("a trailing (optional) marks the item optional, through the text format's own title handling", () => {
    const document = parsed("## Extras (optional)\n- [ ] GraphQL (optional)\n- [ ] REST\n");
    expect(document.sections[0]).toMatchObject({ title: "Extras (optional)", optional: true });
    expect(document.sections[0]?.items.map((item) => [item.title, item.optional])).toEqual([
      ["GraphQL (optional)", true],
      ["REST", false],
    ]);
    // The same bullet text gives the same item in both formats.
    const text = parseOutline("- GraphQL (optional)\n");
    expect(text.ok && text.document.items[0]?.title).toBe("GraphQL (optional)");
  });

  it("text under an item is its description, paragraphs kept; text outside items is left out and reported", () => {
    const result = parseMarkdownOutline(["Intro.", "", "## S", "Under the heading.", "", "- [ ] Item", "  First line", "  second line.", "", "  Another paragraph.", "  - [ ] Child", "", "Loose text."].join("\n"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.sections[0]?.items[0]?.description).toBe("First line\nsecond line.\n\nAnother paragraph.");
    expect(result.repairs.map((repair) => [repair.line, repair.kind])).toEqual([
      [1, "skipped"],
      [4, "skipped"],
      [13, "skipped"],
    ]);
  });

  it("deeper headings are items the following list nests under", () => {
    const document = parsed("## Week 1\n#### Accounts\nSet these up first.\n- [ ] Email\n- [ ] Chat\n#### Laptop\n- [ ] Disk encryption\n");
    expect(rows(document).map((row) => [row.depth, row.title, row.description])).toEqual([
      [0, "Week 1", null],
      [1, "Accounts", "Set these up first."],
      [2, "Email", null],
      [2, "Chat", null],
      [1, "Laptop", null],
      [2, "Disk encryption", null],
    ]);
  });

  it("code fences under an item are description, elsewhere they are left out", () => {
    const document = parsed("```\n- not an item\n```\n- [ ] Install\n  ```sh\n  - still not\n  ```\n");
    expect(document.items).toHaveLength(1);
    expect(document.items[0]?.description).toBe("```sh\n- still not\n```");
  });

  it("errors carry lines and columns like the text format's", () => {
    const result = parseMarkdownOutline("- [ ] Before\n## Section\n- [ ]\n##\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ line, code }) => [line, code])).toEqual([
      [1, "item-before-section"],
      [3, "empty-item"],
      [4, "empty-section-title"],
    ]);
    expect(result.errors[0]?.message).toMatch(/^Line 1, column 7: /);
  });

  it("reads due markers the way the text format does, on items and section headings, and writes them back", () => {
    const document = parsed(["## Week one (due week 1)", "", "- [ ] Laptop set up (due day 1)", "- [ ] Pairing (optional) (due day 3)", "- [ ] Due diligence (due soon)"].join("\n"));
    const [section] = document.sections;
    expect(section).toMatchObject({ title: "Week one", due: { unit: "week", count: 1 } });
    expect(section!.items.map(({ title, optional, due }) => ({ title, optional, due: due ?? null }))).toEqual([
      { title: "Laptop set up", optional: false, due: { unit: "day", count: 1 } },
      { title: "Pairing (optional)", optional: true, due: { unit: "day", count: 3 } },
      { title: "Due diligence (due soon)", optional: false, due: null },
    ]);
    const again = parsed(serializeMarkdown(document));
    expect(flattenOutline(again).map(({ title, due }) => [title, due])).toEqual(flattenOutline(document).map(({ title, due }) => [title, due]));
    const invalid = parseMarkdownOutline("## S\n\n- [ ] Ship it (due day 0)\n");
    expect(invalid).toMatchObject({ ok: false, errors: [{ line: 3, code: "invalid-due" }] });
  });

  it("the same limits as the text format", () => {
    expect(parseMarkdownOutline(`- ${"x".repeat(20)}\n`, { maxLineLength: 10 })).toMatchObject({ ok: false, errors: [{ line: 1, column: 11, code: "line-too-long" }] });
    expect(parseMarkdownOutline("- a\n- b\n- c\n", { maxItems: 2 })).toMatchObject({ ok: false, errors: [{ line: 3, code: "too-many-items" }] });
    expect(parseMarkdownOutline("## a\n## b\n", { maxSections: 1 })).toMatchObject({ ok: false, errors: [{ line: 2, code: "too-many-sections" }] });
    expect(parseMarkdownOutline("- a\n", { maxBytes: 2 })).toMatchObject({ ok: false, errors: [{ code: "file-too-large" }] });
  });

  it("keeps at most the editor's number of links per item", () => {
    expect(MAX_ITEM_LINKS).toBe(MAX_RESOURCES);
    const links = Array.from({ length: 25 }, (_, i) => `[l${i}](https://example.com/${i})`).join(" ");
    const result = parseMarkdownOutline(`- [ ] Many ${links}\n`);
    expect(result.ok && result.document.items[0]?.resources).toHaveLength(MAX_ITEM_LINKS);
    expect(result.repairs.filter((repair) => repair.kind === "link")).toHaveLength(5);
  });

  it("reads inline links without being fooled by brackets", () => {
    expect(parseInline("a [b] (c) [d](https://e.f/(g)) \\[h](https://i.j) ![k](https://l.m)")).toEqual({
      text: "a [b] (c) d [h](https://i.j) k",
      outside: "a [b] (c)  [h](https://i.j) ",
      links: [
        { text: "d", url: "https://e.f/(g)", offset: 10, auto: false },
        { text: "k", url: "https://l.m", offset: 49, auto: false },
      ],
    });
  });
});

describe("detecting the format", () => {
  it("banners mean the text format; headings, task boxes, numbers and links mean Markdown", () => {
    expect(detectOutlineFormat("# Title\n\n===\nS\n===\n- [ ] a\n")).toBe("text");
    expect(detectOutlineFormat("# Title\n- a\n  - b\n")).toBe("text");
    expect(detectOutlineFormat("# Title\n## Week 1\n- a\n")).toBe("markdown");
    expect(detectOutlineFormat("- [ ] a\n")).toBe("markdown");
    expect(detectOutlineFormat("1. a\n")).toBe("markdown");
    expect(detectOutlineFormat("- read [docs](https://x.y)\n")).toBe("markdown");
    expect(detectOutlineFormat("- a\n# later heading\n")).toBe("markdown");
  });
});

// ── Round trip ─────────────────────────────────────────────────────────────

const WORDS = ["Python", "C#", "[x]", "\\", "a]b", "<b>", "#", "1.", "- dash", "Links: [a](https://a.b)", "`code`", "(optional)", "*bold*", "é", "→"];
const titleText = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[A-Za-z0-9.,:;!?'"()/&@$^_<>|~`[\]\\#*+=-]{1,8}$/)), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(" "));
const descriptionLine = fc.oneof(
  fc.constant(""),
  titleText,
  titleText.map((text) => `  ${text}`),
  fc.constantFrom("- looks like an item", "1. numbered", "```", "~~~", "## heading", "Links: [a](https://a.b)", "\\- escaped already", "***", "___", "[see](https://x.y)"),
);
const description = fc.option(
  fc
    .array(descriptionLine, { minLength: 1, maxLength: 5 })
    .map((lines) => lines.join("\n").trim())
    .filter((text) => text !== "" && !/\n\s*\n\s*\n/.test(text) && !text.split("\n").some((line) => line !== line.trimEnd())),
  { nil: undefined },
);
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom("https://example.com/a b", "https://example.com/(x", "https://example.com/<a>", "https://example.com/[x]", "https://example.com/\\p"));
const resource = fc.record({ title: fc.option(titleText, { nil: undefined }), url }).map(({ title, url: address }) => (title === undefined ? { url: address } : { title, url: address }));

function itemArbitrary(depth: number): fc.Arbitrary<OutlineItemInput> {
  const children = depth === 0 ? fc.constant([]) : fc.array(itemArbitrary(depth - 1), { maxLength: 3 });
  return fc
    .record({ title: titleText, optional: fc.boolean(), description, resources: fc.array(resource, { maxLength: 3 }), children })
    .map(({ description: text, resources, ...rest }) => ({ ...rest, ...(text !== undefined && { description: text }), ...(resources.length > 0 && { resources }) }));
}
const sectionArbitrary: fc.Arbitrary<OutlineSectionInput> = fc.record({ title: titleText, optional: fc.boolean(), items: fc.array(itemArbitrary(3), { maxLength: 3 }) });

/** What a tree should read back as: an optional node's title says so, as in the text format. */
function expectedRows(sections: readonly OutlineSectionInput[], items: readonly OutlineItemInput[]) {
  const out: Array<{ depth: number; kind: string; title: string; optional: boolean; description: string | null; resources: unknown[] }> = [];
  const addItems = (list: readonly OutlineItemInput[], depth: number) => {
    for (const item of list) {
      out.push({ depth, kind: "item", title: titleWithMarkers(item.title, item.optional, item.due, undefined, "item"), optional: Boolean(item.optional) || /\(optional\)/.test(item.title), description: item.description ?? null, resources: [...(item.resources ?? [])] });
      addItems(item.children ?? [], depth + 1);
    }
  };
  for (const section of sections) {
    out.push({ depth: 0, kind: "section", title: titleWithMarkers(section.title, section.optional, section.due, undefined, "section"), optional: Boolean(section.optional) || /\(optional\)/.test(section.title), description: null, resources: [] });
    addItems(section.items ?? [], 1);
  }
  addItems(items, 0);
  return out;
}

describe("Markdown export round trip", () => {
  it("property: any tree exported as Markdown imports as the same tree (titles, nesting, optional, descriptions, links)", () => {
    const tree = fc.oneof(
      fc.record({ title: fc.option(titleText, { nil: null }), sections: fc.array(sectionArbitrary, { minLength: 1, maxLength: 3 }), items: fc.constant([]) }),
      fc.record({ title: fc.option(titleText, { nil: null }), sections: fc.constant([]), items: fc.array(itemArbitrary(3), { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(tree, ({ title, sections, items }) => {
        const markdown = serializeMarkdown({ title, sections, items });
        const result = parseMarkdownOutline(markdown);
        if (!result.ok) throw new Error(`${result.errors[0]?.message}\n${markdown}`);
        expect(detectOutlineFormat(markdown)).toBe(sections.length > 0 || items.length > 0 ? "markdown" : "text");
        expect(result.repairs).toEqual([]);
        expect(result.document.title).toBe(title === null ? null : title.replace(/\s+/g, " ").trim());
        expect(rows(result.document)).toEqual(expectedRows(sections, items));
      }),
      { numRuns: 300 },
    );
  });

  it("writes a readable checklist", () => {
    const markdown = serializeMarkdown({
      title: "Onboarding",
      sections: [{ title: "Week 1", items: [{ title: "Laptop", optional: true, description: "Ask IT.\n\n- bring ID", resources: [{ title: "IT", url: "https://it.example.com" }, { url: "https://x.example.com" }], children: [{ title: "Unbox" }] }] }],
    });
    expect(markdown).toBe(
      ["# Onboarding", "", "## Week 1", "", "- [ ] Laptop (optional)", "  Ask IT.", "", "  \\- bring ID", "", "  Links: [IT](https://it.example.com), <https://x.example.com>", "  - [ ] Unbox", ""].join("\n"),
    );
  });
});
