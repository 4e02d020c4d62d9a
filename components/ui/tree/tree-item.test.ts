import { describe, expect, it } from "vitest";
import { treeItemAttributes } from "./tree-item";

const row = { key: "k1", level: 2, setSize: 3, posInSet: 1, expandable: true, expanded: false };

describe("a treeitem's attributes", () => {
  it("say its place in the tree and whether it is folded", () => {
    expect(treeItemAttributes(row, true)).toEqual({ role: "treeitem", "data-key": "k1", "aria-level": 2, "aria-setsize": 3, "aria-posinset": 1, "aria-expanded": false, tabIndex: 0 });
  });

  it("leave aria-expanded off a leaf and take rows out of the tab order but one", () => {
    const leaf = treeItemAttributes({ ...row, expandable: false }, false);
    expect(leaf["aria-expanded"]).toBeUndefined();
    expect(leaf.tabIndex).toBe(-1);
  });
});
