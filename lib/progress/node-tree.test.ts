import { describe, expect, it } from "vitest";
import { toProgressNodes, withParentKeys } from "./node-tree";
import { ProgressTreeError, summarizeProgress } from "./progress-math";

/**
 * Basics            (section)
 *   Variables
 *     Types
 *   Loops           (evidence required, 30 min)
 * Web               (section)
 */
const ROWS = [
  { id: "n1", parentId: null, stableKey: "basics", kind: "SECTION" as const, title: "Basics" },
  { id: "n2", parentId: "n1", stableKey: "variables", kind: "ITEM" as const, title: "Variables" },
  { id: "n3", parentId: "n2", stableKey: "types", kind: "ITEM" as const, title: "Types", evidenceRequired: false, estimatedMinutes: null },
  { id: "n4", parentId: "n1", stableKey: "loops", kind: "ITEM" as const, title: "Loops", evidenceRequired: true, estimatedMinutes: 30 },
  { id: "n5", parentId: null, stableKey: "web", kind: "SECTION" as const, title: "Web" },
];

describe("toProgressNodes", () => {
  it("names parents by stable key, keeps the order, and copies the optional fields only when the rows have them", () => {
    expect(toProgressNodes(ROWS)).toStrictEqual([
      { key: "basics", parentKey: null, kind: "SECTION", title: "Basics" },
      { key: "variables", parentKey: "basics", kind: "ITEM", title: "Variables" },
      { key: "types", parentKey: "variables", kind: "ITEM", title: "Types", evidenceRequired: false, estimatedMinutes: null },
      { key: "loops", parentKey: "basics", kind: "ITEM", title: "Loops", evidenceRequired: true, estimatedMinutes: 30 },
      { key: "web", parentKey: null, kind: "SECTION", title: "Web" },
    ]);
  });

  it("gives the tree summarizeProgress counts", () => {
    const summary = summarizeProgress(toProgressNodes(ROWS), new Map([["loops", "DONE"]]), new Set(), { minutes: true });
    expect(summary.track).toEqual({ total: 2, done: 1, inProgress: 0, notApplicable: 0, skipped: 0, percent: 50 });
    expect(summary.minutes).toEqual({ done: 30, remaining: 0, unestimated: 1 });
  });

  it("reads rows of several versions at once: a parent is found wherever it is in the list", () => {
    const other = [
      { id: "v2-1", parentId: null, stableKey: "basics", kind: "SECTION" as const, title: "Basics" },
      { id: "v2-2", parentId: "v2-1", stableKey: "variables", kind: "ITEM" as const, title: "Variables" },
    ];
    expect(toProgressNodes([...ROWS, ...other]).slice(-2).map((node) => node.parentKey)).toEqual([null, "basics"]);
  });

  it("refuses a parent that is not among the rows", () => {
    expect(() => toProgressNodes([{ id: "n2", parentId: "gone", stableKey: "variables", kind: "ITEM", title: "Variables" }])).toThrow(ProgressTreeError);
  });

  it("is empty for no rows", () => {
    expect(toProgressNodes([])).toEqual([]);
  });
});

describe("withParentKeys", () => {
  it("shapes each row as the caller asks, with its parent's stable key", () => {
    expect(withParentKeys(ROWS, (row, parentKey) => `${parentKey ?? "·"}/${row.stableKey}`)).toEqual(["·/basics", "basics/variables", "variables/types", "basics/loops", "·/web"]);
  });
});
