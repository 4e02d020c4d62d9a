import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { flattenOutline, parseOutline } from "@/lib/outline";
import { countsAfterSkipping, skipOptions, skippedKeysOf } from "./skip-options";
import type { SkipOption, VersionNode } from "./skip-options";

/** A roadmap text → nodes as GET …/versions/{n} sends them (ids and keys made up, pre-order kept). */
function versionNodes(text: string, keyOf = (row: { title: string; index: number }) => `key-${row.title}`): VersionNode[] {
  const parsed = parseOutline(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join("\n"));
  return flattenOutline(parsed.document).map((row) => ({
    id: `id${row.index}`,
    parentId: row.parentIndex === null ? null : `id${row.parentIndex}`,
    stableKey: keyOf(row),
    kind: row.kind === "section" ? "SECTION" : "ITEM",
    title: row.title,
    optional: row.optional,
  }));
}

/** Titles with their item counts, nested like the options. */
const outline = (options: readonly SkipOption[]): unknown[] => options.map((option) => (option.children.length > 0 ? [`${option.title} (${option.items})`, outline(option.children)] : `${option.title} (${option.items})`));

const SMALL = [
  "# Small",
  "",
  "=====",
  "Basics",
  "=====",
  "- Variables",
  "  - Types",
  "  - Scope",
  "    - Closures (optional)",
  "      - Cells",
  "      - Nonlocal",
  "- Loops",
  "",
  "=====",
  "Frameworks (choose one)",
  "=====",
  "- Django track",
  "  - ORM",
  "  - Admin",
  "- Flask track",
  "  - Blueprints",
  "",
  "=====",
  "Empty",
  "=====",
  "",
].join("\n");

describe("skip options", () => {
  it("offers sections, their top items and deeper optional parts, each under its nearest option, with the items under it", () => {
    expect(outline(skipOptions(versionNodes(SMALL)))).toEqual([
      ["Basics (4)", [["Variables (3)", ["Closures (optional) (2)"]], "Loops (1)"]],
      ["Frameworks (choose one) (3)", ["Django track (2)", "Flask track (1)"]],
      "Empty (0)",
    ]);
  });

  it("treats root items of a track without sections as its top items", () => {
    expect(outline(skipOptions(versionNodes("# Flat\n\n- One\n  - Two\n- Three\n")))).toEqual(["One (1)", "Three (1)"]);
  });

  it("sends only the outermost chosen branches, in tree order", () => {
    const options = skipOptions(versionNodes(SMALL));
    expect(skippedKeysOf(options, new Set())).toEqual([]);
    expect(skippedKeysOf(options, new Set(["key-Flask track", "key-Closures (optional)"]))).toEqual(["key-Closures (optional)", "key-Flask track"]);
    // Inside a chosen section, its chosen items add nothing.
    expect(skippedKeysOf(options, new Set(["key-Django track", "key-Frameworks (choose one)"]))).toEqual(["key-Frameworks (choose one)"]);
    // A key that is no option (stale after a version change) is not sent.
    expect(skippedKeysOf(options, new Set(["key-Cells"]))).toEqual([]);
  });

  it("counts what is left the way the server's progress module does", () => {
    const nodes = versionNodes(SMALL);
    expect(countsAfterSkipping(nodes, [])).toMatchObject({ total: 7, skipped: 0, percent: 0 });
    expect(countsAfterSkipping(nodes, ["key-Django track", "key-Closures (optional)"])).toMatchObject({ total: 3, skipped: 4 });
    // Skipping everything leaves nothing to do: 100 %, as lib/progress rules.
    expect(countsAfterSkipping(nodes, ["key-Basics", "key-Frameworks (choose one)"])).toMatchObject({ total: 0, skipped: 7, percent: 100 });
  });

  it("keeps the built-in roadmap's 703 items to a short list: 15 sections, their 44 top items and the optional parts", () => {
    const seed = readFileSync(fileURLToPath(new URL("../../lib/outline/seed/python-backend-roadmap.txt", import.meta.url)), "utf8");
    // Titles repeat in the roadmap ("headers"), so keys come from the position here.
    const nodes = versionNodes(seed, (row) => `key-${row.index}`);
    const options = skipOptions(nodes);
    expect(options).toHaveLength(15);
    expect(options.flatMap((section) => section.children)).toHaveLength(44);
    const leaves = countsAfterSkipping(nodes, []).total;
    expect(options.reduce((sum, section) => sum + section.items, 0)).toBe(leaves);

    const frameworks = options.find((section) => section.title.startsWith("FRAMEWORKS"))!;
    expect(frameworks.children.map((item) => item.title)).toEqual(["Server interfaces", "FastAPI track (API-first, modern typing)", "Django track (full-stack framework, can do APIs)", "Flask track (minimal)"]);
    const django = frameworks.children[2]!;
    expect(countsAfterSkipping(nodes, [django.key])).toMatchObject({ total: leaves - django.items, skipped: django.items });

    const nonRest = options.flatMap((section) => section.children).find((item) => item.title === "Non-REST APIs")!;
    expect(nonRest.children.map((item) => item.title)).toEqual(["GraphQL (optional)", "gRPC (optional)"]);
    expect(nonRest.children.every((item) => item.optional)).toBe(true);
  });
});
