import { describe, expect, it } from "vitest";
import { dropDestination, zoneAt } from "./drop-target";
import { sampleTree } from "./test-nodes";

describe("zoneAt", () => {
  it("reads the edges of a row as between rows and its middle as inside", () => {
    expect(zoneAt(2, 32, "ITEM", "ITEM")).toBe("before");
    expect(zoneAt(16, 32, "ITEM", "ITEM")).toBe("inside");
    expect(zoneAt(30, 32, "ITEM", "ITEM")).toBe("after");
  });

  it("puts an item into a section wherever it is dropped, and a section only between rows", () => {
    expect(zoneAt(2, 32, "ITEM", "SECTION")).toBe("inside");
    expect(zoneAt(10, 32, "SECTION", "SECTION")).toBe("before");
    expect(zoneAt(20, 32, "SECTION", "SECTION")).toBe("after");
  });
});

describe("dropDestination", () => {
  const tree = sampleTree();

  it("counts positions among the siblings once the dragged node is lifted out", () => {
    // a (position 0) dropped after c (position 1) in the same parent ends last: position 1 of the 1 left.
    expect(dropDestination(tree, "a", "c", "after", false)).toEqual({ parentKey: "S1", position: 1 });
    expect(dropDestination(tree, "c", "a", "before", true)).toEqual({ parentKey: "S1", position: 0 });
    expect(dropDestination(tree, "d", "a", "before", true)).toEqual({ parentKey: "S1", position: 0 });
  });

  it("drops inside as the first child, and just below an open row as its first child too", () => {
    expect(dropDestination(tree, "d", "c", "inside", false)).toEqual({ parentKey: "c", position: 0 });
    expect(dropDestination(tree, "d", "a", "after", true)).toEqual({ parentKey: "a", position: 0 });
    expect(dropDestination(tree, "d", "a", "after", false)).toEqual({ parentKey: "S1", position: 1 });
  });

  it("refuses drops the tree cannot take and drops that change nothing", () => {
    expect(dropDestination(tree, "a", "b", "inside", false)).toBeNull(); // into itself
    expect(dropDestination(tree, "S2", "a", "before", true)).toBeNull(); // a section below the top
    expect(dropDestination(tree, "a", "a", "after", true)).toBeNull();
    expect(dropDestination(tree, "a", "c", "before", false)).toBeNull(); // already there
    expect(dropDestination(tree, "zz", "c", "before", false)).toBeNull();
  });
});
