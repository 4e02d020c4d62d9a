import { describe, expect, it } from "vitest";
import { collapseAction, expandAction, moveTo, navigate } from "./tree-moves";
import { visibleRows } from "./visible-rows";

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
const parentOf = (key: string) => nodes.find((node) => node.key === key)?.parentKey ?? null;
const rowsWith = (collapsed: string[]) => visibleRows(nodes, new Set(collapsed));

describe("moves on the rows on screen", () => {
  it("↑ and ↓ skip folded rows and stop at the ends; Home and End jump", () => {
    const rows = rowsWith(["B"]);
    expect(moveTo(rows, "B", "next")).toBe("D");
    expect(moveTo(rows, "D", "previous")).toBe("B");
    expect(moveTo(rows, "A", "previous")).toBeNull();
    expect(moveTo(rows, "E", "next")).toBeNull();
    expect(moveTo(rows, "D", "first")).toBe("A");
    expect(moveTo(rows, "D", "last")).toBe("E");
    // A row that is no longer on screen starts again at the top; an empty tree has nowhere to go.
    expect(moveTo(rows, "C", "next")).toBe("A");
    expect(moveTo([], "C", "next")).toBeNull();
  });

  it("← folds an open row, else goes to the parent; nothing at the top", () => {
    expect(collapseAction(rowsWith([]), "B", parentOf)).toEqual({ kind: "collapse", key: "B" });
    expect(collapseAction(rowsWith([]), "C", parentOf)).toEqual({ kind: "focus", key: "B" });
    expect(collapseAction(rowsWith(["B"]), "B", parentOf)).toEqual({ kind: "focus", key: "A" });
    expect(collapseAction(rowsWith(["A"]), "A", parentOf)).toBeNull();
    expect(collapseAction(rowsWith(["A"]), "C", parentOf)).toBeNull();
  });

  it("→ unfolds a folded row, else goes to its first child; nothing on a leaf", () => {
    expect(expandAction(rowsWith(["B"]), "B")).toEqual({ kind: "expand", key: "B" });
    expect(expandAction(rowsWith([]), "B")).toEqual({ kind: "focus", key: "C" });
    expect(expandAction(rowsWith([]), "C")).toBeNull();
    expect(expandAction(rowsWith([]), "E")).toBeNull();
  });

  it("are one call per shared key", () => {
    const rows = rowsWith([]);
    expect(navigate(rows, "A", "next", parentOf)).toEqual({ kind: "focus", key: "B" });
    expect(navigate(rows, "A", "previous", parentOf)).toBeNull();
    expect(navigate(rows, "A", "last", parentOf)).toEqual({ kind: "focus", key: "E" });
    expect(navigate(rows, "A", "first", parentOf)).toEqual({ kind: "focus", key: "A" });
    expect(navigate(rows, "A", "collapse", parentOf)).toEqual({ kind: "collapse", key: "A" });
    expect(navigate(rowsWith(["A"]), "A", "expand", parentOf)).toEqual({ kind: "expand", key: "A" });
  });
});
