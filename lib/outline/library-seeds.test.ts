import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseOutline } from "./parse";
import { serializeOutline } from "./serialize";
import { outlineStats } from "./stats";

/** The four library tracks written for Cairn (the Python roadmap has its own test, seed.test.ts). */
const SEEDS = [
  { file: "first-week.txt", title: "First week at a software company", sections: 8 },
  { file: "frontend-foundations.txt", title: "Frontend foundations", sections: 7 },
  { file: "on-call-readiness.txt", title: "On-call readiness", sections: 7 },
  { file: "security-basics.txt", title: "Security basics", sections: 6 },
];

describe.each(SEEDS)("the library track $file", ({ file, title, sections }) => {
  const text = readFileSync(fileURLToPath(new URL(`./seed/${file}`, import.meta.url)), "utf8");
  const result = parseOutline(text);

  it("parses with no errors, no repairs and no warnings", () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.repairs).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("serializes back byte for byte", () => {
    if (!result.ok) throw new Error("does not parse");
    expect(serializeOutline(result.document)).toBe(text);
  });

  it(`has its title, ${sections} sections, 40 to 125 items, nested items, descriptions and optional branches`, () => {
    if (!result.ok) throw new Error("does not parse");
    const stats = outlineStats(result.document);
    expect(result.document.title).toBe(title);
    expect(stats.sections).toBe(sections);
    expect(stats.items).toBeGreaterThanOrEqual(40);
    expect(stats.items).toBeLessThanOrEqual(125);
    expect(stats.maxDepth).toBeGreaterThanOrEqual(1);
    expect(stats.optionalItems).toBeGreaterThan(0);
    expect(result.document.sections.flatMap((section) => section.items).some((item) => item.description !== undefined)).toBe(true);
  });
});
