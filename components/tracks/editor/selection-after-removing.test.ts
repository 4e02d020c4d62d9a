import { describe, expect, it } from "vitest";
import { selectionAfterRemoving } from "./selection-after-removing";
import { node, placed, sampleTree } from "./test-nodes";
import { visibleRows } from "./visible-rows";

describe("the selection after a delete", () => {
  const nodes = sampleTree();
  const rows = visibleRows(nodes, new Set());

  it("goes to the next row on screen that is not under the deleted one", () => {
    expect(selectionAfterRemoving(nodes, rows, "a")).toBe("c");
    expect(selectionAfterRemoving(nodes, rows, "S1")).toBe("S2");
    expect(selectionAfterRemoving(nodes, rows, "b")).toBe("c");
  });

  it("goes to the row above at the end of the tree", () => {
    expect(selectionAfterRemoving(nodes, rows, "d")).toBe("S2");
  });

  it("is nothing for a row not on screen, or when no other node is left", () => {
    expect(selectionAfterRemoving(nodes, visibleRows(nodes, new Set(["a"])), "b")).toBeNull();
    const single = placed([node("S1", null)]);
    expect(selectionAfterRemoving(single, visibleRows(single, new Set()), "S1")).toBeNull();
  });
});
