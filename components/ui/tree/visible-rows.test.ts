import { describe, expect, it } from "vitest";
import { allCollapsed, ancestorKeys, revealed, tabbableKey, visibleRows } from "./visible-rows";

/**
 * A           E
 *   B
 *     C
 *   D
 */
const nodes = [
  { key: "A", parentKey: null, depth: 0 },
  { key: "B", parentKey: "A", depth: 1 },
  { key: "C", parentKey: "B", depth: 2 },
  { key: "D", parentKey: "A", depth: 1 },
  { key: "E", parentKey: null, depth: 0 },
];
const keys = (rows: ReturnType<typeof visibleRows>) => rows.map((row) => row.key);
const only = (...kept: string[]) => Uint8Array.from(nodes, (node) => (kept.includes(node.key) ? 1 : 0));

describe("the rows on screen", () => {
  it("are every node in pre-order when nothing is folded, with the treeitem values of each", () => {
    const rows = visibleRows(nodes, new Set());
    expect(keys(rows)).toEqual(["A", "B", "C", "D", "E"]);
    expect(rows.map((row) => [row.index, row.level, row.posInSet, row.setSize, row.childCount, row.expandable, row.expanded])).toEqual([
      [0, 1, 1, 2, 2, true, true],
      [1, 2, 1, 2, 1, true, true],
      [2, 3, 1, 1, 0, false, false],
      [3, 2, 2, 2, 0, false, false],
      [4, 1, 2, 2, 0, false, false],
    ]);
  });

  it("leave out everything under a folded node, at any depth, and only that", () => {
    expect(keys(visibleRows(nodes, new Set(["B"])))).toEqual(["A", "B", "D", "E"]);
    expect(keys(visibleRows(nodes, new Set(["A"])))).toEqual(["A", "E"]);
    expect(visibleRows(nodes, new Set(["A"]))[0]).toMatchObject({ expandable: true, expanded: false });
    // Folding a leaf hides nothing, and the leaf is not "expanded" either way.
    expect(keys(visibleRows(nodes, new Set(["C"])))).toHaveLength(5);
  });

  it("when narrowed, keep only the nodes shown, counting children and siblings among them", () => {
    const rows = visibleRows(nodes, new Set(), only("A", "D"));
    expect(keys(rows)).toEqual(["A", "D"]);
    expect(rows[0]).toMatchObject({ childCount: 1, expandable: true, expanded: true });
    expect(rows[1]).toMatchObject({ posInSet: 1, setSize: 1 });
    // A node kept without its children shows as a leaf.
    expect(visibleRows(nodes, new Set(), only("A", "B"))[1]).toMatchObject({ childCount: 0, expandable: false, expanded: false });
    expect(keys(visibleRows(nodes, new Set(["A"]), only("A", "D")))).toEqual(["A"]);
  });

  it("fold all: every node with children", () => {
    expect([...allCollapsed(nodes)]).toEqual(["A", "B"]);
  });

  it("reveal a node by unfolding its ancestors, keeping the same set when nothing changes", () => {
    expect(ancestorKeys(nodes, "C")).toEqual(["B", "A"]);
    expect(ancestorKeys(nodes, "A")).toEqual([]);
    const open = revealed(new Set(["A", "B", "E"]), ancestorKeys(nodes, "C"));
    expect([...open]).toEqual(["E"]);
    expect(revealed(open, ["B", "A"])).toBe(open);
  });

  it("keep one row in the tab order: the active one while on screen, else the first", () => {
    const rows = visibleRows(nodes, new Set(["A"]));
    expect(tabbableKey(rows, "E")).toBe("E");
    expect(tabbableKey(rows, "C")).toBe("A");
    expect(tabbableKey(rows, null)).toBe("A");
    expect(tabbableKey([], "A")).toBeNull();
  });
});
