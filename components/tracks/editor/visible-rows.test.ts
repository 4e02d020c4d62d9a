import { describe, expect, it } from "vitest";
import { allCollapsed, ancestorKeys } from "@/components/ui/tree/visible-rows";
import { defaultCollapsed, descendantCount, revealKey, visibleRows } from "./visible-rows";
import { sampleTree } from "./test-nodes";

const keys = (rows: ReturnType<typeof visibleRows>) => rows.map((row) => row.node.key);

describe("visibleRows", () => {
  it("shows every node when nothing is folded, with the aria values of each", () => {
    const rows = visibleRows(sampleTree(), new Set());
    expect(keys(rows)).toEqual(["S1", "a", "b", "c", "S2", "d"]);
    expect(rows.map((row) => [row.level, row.posInSet, row.setSize, row.childCount, row.expanded])).toEqual([
      [1, 1, 2, 2, true],
      [2, 1, 2, 1, true],
      [3, 1, 1, 0, false],
      [2, 2, 2, 0, false],
      [1, 2, 2, 1, true],
      [2, 1, 1, 0, false],
    ]);
  });

  it("hides everything under a folded node, at any depth, and only that", () => {
    expect(keys(visibleRows(sampleTree(), new Set(["a"])))).toEqual(["S1", "a", "c", "S2", "d"]);
    expect(keys(visibleRows(sampleTree(), new Set(["S1"])))).toEqual(["S1", "S2", "d"]);
    // Folding a leaf changes nothing: it has nothing to hide and is not "collapsed".
    const rows = visibleRows(sampleTree(), new Set(["b"]));
    expect(keys(rows)).toHaveLength(6);
    expect(rows[2]!.expanded).toBe(false);
  });

  it("opens with sections folded; collapse all folds every parent", () => {
    expect([...defaultCollapsed(sampleTree())]).toEqual(["S1", "S2"]);
    expect([...allCollapsed(sampleTree())]).toEqual(["S1", "a", "S2"]);
  });

  it("reveals a node by unfolding its ancestors", () => {
    const folded = new Set(["S1", "a", "S2"]);
    expect(ancestorKeys(sampleTree(), "b")).toEqual(["a", "S1"]);
    expect([...revealKey(folded, sampleTree(), "b")]).toEqual(["S2"]);
    const open = new Set(["S2"]);
    expect(revealKey(open, sampleTree(), "b")).toBe(open);
  });

  it("counts what a delete takes along", () => {
    expect(descendantCount(sampleTree(), "S1")).toBe(3);
    expect(descendantCount(sampleTree(), "b")).toBe(0);
    expect(descendantCount(sampleTree(), "missing")).toBe(0);
  });
});
