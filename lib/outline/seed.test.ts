import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseOutline } from "./parse";
import { serializeOutline } from "./serialize";
import { countItems, countSections, depthHistogram, flattenOutline, maxDepth, walkItems } from "./stats";

// The built-in library track ships inside the project; ../shared/roadmaps holds the original.
const SEED_PATH = fileURLToPath(new URL("./seed/python-backend-roadmap.txt", import.meta.url));
const SHARED_PATH = fileURLToPath(new URL("../../../shared/roadmaps/python-backend-roadmap.txt", import.meta.url));
const seed = readFileSync(SEED_PATH, "utf8");

function parseSeed() {
  const result = parseOutline(seed);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result;
}

describe("the seed roadmap (python-backend-roadmap.txt)", () => {
  it.skipIf(!existsSync(SHARED_PATH))("is an exact copy of ../shared/roadmaps/python-backend-roadmap.txt", () => {
    expect(readFileSync(SEED_PATH)).toEqual(readFileSync(SHARED_PATH));
  });

  it("parses to 15 sections and 703 items", () => {
    const { document } = parseSeed();
    expect(countSections(document)).toBe(15);
    expect(countItems(document)).toBe(703);
    expect(document.items).toEqual([]);
  });

  it("has the depths the file shows", () => {
    // Counted independently of the parser, once, with a shell one-liner over the raw file:
    //   grep -oP '^ *(?=- )' python-backend-roadmap.txt | awk '{print length($0)}' | sort -n | uniq -c
    // which prints the leading-space count of every "- " line that has any (2: 177, 4: 251,
    // 6: 142, 8: 51, 10: 24, 12: 9, 14: 5); the file indents by 2 spaces, so depth = spaces / 2,
    // and depth 0 is the rest: 703 − 659 = 44 (`grep -c '^- '` agrees).
    const { document } = parseSeed();
    expect(depthHistogram(document)).toEqual([44, 177, 251, 142, 51, 24, 9, 5]);
    expect(maxDepth(document)).toBe(7);
    expect(document.format.indent).toBe("  ");
  });

  it("puts the right number of items under each section", () => {
    // Counted with awk over the raw file: "- " lines between one section's banners and the next.
    const { document } = parseSeed();
    expect(document.sections.map((s) => [s.title, countItems({ sections: [s], items: [] })])).toEqual([
      ["FOUNDATIONS (backend prerequisites)", 117],
      ["WEB FUNDAMENTALS (protocols and browser rules)", 88],
      ["API DESIGN (REST + beyond)", 55],
      ["FRAMEWORKS (choose one primary, understand both models)", 82],
      ["DATABASES (design + operations + performance)", 67],
      ["AUTHENTICATION + AUTHORIZATION (deep)", 38],
      ["SECURITY (backend survival checklist)", 41],
      ["CACHING + PERFORMANCE", 32],
      ["BACKGROUND JOBS + MESSAGING", 28],
      ["OBSERVABILITY (logs + metrics + traces)", 25],
      ["TESTING (backend confidence)", 19],
      ["DEPLOYMENT (production reality)", 48],
      ["SCALING + ARCHITECTURE (senior backend)", 28],
      ["PROJECT STRUCTURE (how real backends are organized)", 24],
      ["WHAT “BACKEND COMPLETE” MEANS (final checklist)", 11],
    ]);
  });

  it("repairs the garbled title and curly quotes, and removes the citation debris", () => {
    const { document, repairs } = parseSeed();
    expect(document.header[0]).toBe("# 🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)");
    expect(document.title).toBe("🐍 PYTHON BACKEND ROADMAP (COMPLETE MASTER TREE)");
    expect(document.sections[14]?.title).toBe("WHAT “BACKEND COMPLETE” MEANS (final checklist)");
    expect(repairs.map((r) => [r.line, r.kind, r.before.trim(), r.after])).toEqual([
      [1, "mojibake", "\uF8FFüêç", "🐍"],
      [219, "citation", ":contentReference[oaicite:4]{index=4}", ""],
      [291, "citation", ":contentReference[oaicite:5]{index=5}", ""],
      [357, "citation", ":contentReference[oaicite:6]{index=6}", ""],
      [538, "citation", ":contentReference[oaicite:7]{index=7}", ""],
      [689, "citation", ":contentReference[oaicite:8]{index=8}", ""],
      [796, "mojibake", "‚Äú", "“"],
      [796, "mojibake", "‚Äù", "”"],
    ]);
    const titles = [...walkItems(document)].map((item) => item.title);
    expect(titles.filter((title) => /oaicite|contentReference/.test(title))).toEqual([]);
    expect(titles).toContain("framework protections (Django emphasizes CSRF, clickjacking, host validation, etc.)");
  });

  it("marks the (optional) items, and not 'Optional / Union' or the 'choose one' section", () => {
    const { document } = parseSeed();
    const optional = [...walkItems(document)].filter((item) => item.optional).map((item) => [item.line, item.depth, item.title]);
    expect(optional).toEqual([
      [266, 1, "GraphQL (optional)"],
      [271, 1, "gRPC (optional)"],
      [435, 0, "NoSQL (optional but common)"],
    ]);
    expect(document.sections.some((section) => section.optional)).toBe(false);
  });

  it("serializes to exactly the repaired text, which then parses clean and unchanged", () => {
    const { document } = parseSeed();
    const repairedByHand = seed
      .replace("\uF8FFüêç", "🐍")
      .replace("‚Äú", "“")
      .replace("‚Äù", "”")
      .replace(/ :contentReference\[oaicite:\d+\]\{index=\d+\}/g, "");
    const text = serializeOutline(document);
    expect(text).toBe(repairedByHand);
    const again = parseOutline(text);
    expect(again.ok && again.repairs).toEqual([]);
    expect(again.ok && serializeOutline(again.document)).toBe(text);
  });

  it("flattens to 718 rows with every parent before its children", () => {
    const rows = flattenOutline(parseSeed().document);
    expect(rows).toHaveLength(15 + 703);
    expect(rows.filter((row) => row.kind === "section")).toHaveLength(15);
    for (const row of rows) {
      if (row.parentIndex === null) expect(row.kind).toBe("section");
      else expect(row.parentIndex).toBeLessThan(row.index);
    }
  });

  it("parses in a few milliseconds", () => {
    parseSeed(); // warm up
    const runs = 20;
    const start = performance.now();
    for (let i = 0; i < runs; i++) parseSeed();
    const perParse = (performance.now() - start) / runs;
    expect(perParse).toBeLessThan(25); // generous for slow CI machines; ~1.5 ms locally
  });
});
