import { describe, expect, it } from "vitest";
import { heatmapRows } from "./heatmap";
import type { HeatmapInput } from "./heatmap";

const SECTIONS = [
  { key: "basics", title: "Basics" },
  { key: "web", title: "Web" },
  { key: "django", title: "Django" },
];

// Django skipped (nothing counted) unless given.
const hire = (id: string, name: string, cohort: string, basics: number, web: number, django?: number): HeatmapInput => ({ id, hire: name, cohort, percents: [basics, web, django ?? null] });

describe("heatmapRows", () => {
  it("gives each hire a row of section percents, nothing counted as null, names told apart", () => {
    const rows = heatmapRows(SECTIONS, [hire("a", "Ada", "2026-11", 50, 0), hire("b", "Ada", "2026-10", 100, 25, 40)], "hire");
    expect(rows).toEqual([
      { id: "a", label: "Ada", hires: 1, values: [50, 0, null] },
      { id: "b", label: "Ada (2)", hires: 1, values: [100, 25, 40] },
    ]);
  });

  it("averages each section over a cohort's hires that count it, newest cohort first", () => {
    const rows = heatmapRows(SECTIONS, [hire("a", "Ada", "2026-10", 50, 0), hire("b", "Bo", "2026-11", 100, 25, 40), hire("c", "Cy", "2026-10", 25, 50, 60)], "cohort");
    expect(rows).toEqual([
      { id: "2026-11", label: "2026-11 (1 hire)", hires: 1, values: [100, 25, 40] },
      { id: "2026-10", label: "2026-10 (2 hires)", hires: 2, values: [38, 25, 60] },
    ]);
  });

  it("has a null where the row has no figure for a section", () => {
    const rows = heatmapRows([...SECTIONS, { key: "new", title: "New" }], [hire("a", "Ada", "2026-11", 10, 20)], "hire");
    expect(rows[0]!.values).toEqual([10, 20, null, null]);
  });
});
