import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TreeNode } from "./tree-edit";
import {
  TreeEditError,
  indentDestination,
  insertSubtree,
  layOutTree,
  MAX_ITEM_LEVELS,
  moveSubtree,
  outdentDestination,
  removeSubtree,
  shiftDestination,
  subtreeOf,
} from "./tree-edit";

const section = (key: string): TreeNode => ({ key, parentKey: null, kind: "SECTION" });
const item = (key: string, parentKey: string | null): TreeNode => ({ key, parentKey, kind: "ITEM" });

/**
 * S1          S2
 *   a           d
 *     b
 *   c
 */
const tree: TreeNode[] = [section("S1"), item("a", "S1"), item("b", "a"), item("c", "S1"), section("S2"), item("d", "S2")];

/** "key@parent/position/depth#ordinal" for each node: the whole layout in one comparable list. */
const shapeOf = (nodes: ReturnType<typeof layOutTree>) => nodes.map((node) => `${node.key}@${node.parentKey ?? "-"}/${node.position}/${node.depth}#${node.ordinal}`);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TreeEditError) return error.code;
    throw error;
  }
  throw new Error("expected a TreeEditError");
}

describe("layOutTree", () => {
  it("gives each node its position among siblings, depth and pre-order ordinal", () => {
    expect(shapeOf(layOutTree(tree))).toEqual(["S1@-/0/0#0", "a@S1/0/1#1", "b@a/0/2#2", "c@S1/1/1#3", "S2@-/1/0#4", "d@S2/0/1#5"]);
  });

  it("refuses items beside sections at the top level, sections below the top, and repeated keys", () => {
    expect(refusal(() => layOutTree([...tree, item("x", null)]))).toBe("MIXED_TOP_LEVEL");
    expect(refusal(() => layOutTree([section("S1"), { key: "S9", parentKey: "S1", kind: "SECTION" }]))).toBe("INVALID_PARENT");
    expect(refusal(() => layOutTree([section("S1"), section("S1")]))).toBe("DUPLICATE_KEY");
  });

  it("accepts a roadmap of items with no sections at all", () => {
    expect(shapeOf(layOutTree([item("a", null), item("b", "a"), item("c", null)]))).toEqual(["a@-/0/0#0", "b@a/0/1#1", "c@-/1/0#2"]);
  });
});

describe("insertSubtree", () => {
  it("inserts at a position and shifts the later siblings and ordinals", () => {
    const placed = insertSubtree(tree, { parentKey: "S1", position: 1 }, [item("n", "ignored"), item("m", "n")]);
    expect(shapeOf(placed)).toEqual(["S1@-/0/0#0", "a@S1/0/1#1", "b@a/0/2#2", "n@S1/1/1#3", "m@n/0/2#4", "c@S1/2/1#5", "S2@-/1/0#6", "d@S2/0/1#7"]);
  });

  it("appends when no position is given, and adds a section at the top", () => {
    expect(shapeOf(insertSubtree(tree, { parentKey: "a" }, [item("n", null)])).slice(2, 4)).toEqual(["b@a/0/2#2", "n@a/1/2#3"]);
    expect(shapeOf(insertSubtree(tree, { parentKey: null, position: 0 }, [section("S0")]))[0]).toBe("S0@-/0/0#0");
  });

  it("refuses a key already in the version, an unknown parent, a position past the end, and an item at the top beside sections", () => {
    expect(refusal(() => insertSubtree(tree, { parentKey: "S1" }, [item("a", null)]))).toBe("DUPLICATE_KEY");
    expect(refusal(() => insertSubtree(tree, { parentKey: "zz" }, [item("n", null)]))).toBe("UNKNOWN_PARENT");
    expect(refusal(() => insertSubtree(tree, { parentKey: "S1", position: 3 }, [item("n", null)]))).toBe("BAD_POSITION");
    expect(refusal(() => insertSubtree(tree, { parentKey: null }, [item("n", null)]))).toBe("MIXED_TOP_LEVEL");
    expect(refusal(() => insertSubtree(tree, { parentKey: "a" }, [section("S9")]))).toBe("INVALID_PARENT");
  });

  it("refuses an item nested deeper than the limit", () => {
    const chain: TreeNode[] = [section("S")];
    for (let level = 0; level < MAX_ITEM_LEVELS; level++) chain.push(item(`i${level}`, level === 0 ? "S" : `i${level - 1}`));
    expect(layOutTree(chain)).toHaveLength(MAX_ITEM_LEVELS + 1);
    expect(refusal(() => insertSubtree(chain, { parentKey: `i${MAX_ITEM_LEVELS - 1}` }, [item("deep", null)]))).toBe("TOO_DEEP");
  });
});

describe("removeSubtree", () => {
  it("removes the node with its descendants and closes the gap", () => {
    const { nodes, removed } = removeSubtree(tree, "a");
    expect(removed.map((node) => node.key)).toEqual(["a", "b"]);
    expect(shapeOf(nodes)).toEqual(["S1@-/0/0#0", "c@S1/0/1#1", "S2@-/1/0#2", "d@S2/0/1#3"]);
  });

  it("refuses an unknown key", () => {
    expect(refusal(() => removeSubtree(tree, "zz"))).toBe("UNKNOWN_NODE");
  });

  it("undoes by inserting the removed nodes back where they were", () => {
    const { nodes, removed } = removeSubtree(tree, "a");
    expect(shapeOf(insertSubtree(nodes, { parentKey: "S1", position: 0 }, removed))).toEqual(shapeOf(layOutTree(tree)));
  });
});

describe("moveSubtree", () => {
  it("moves a subtree to another parent, carrying its children", () => {
    expect(shapeOf(moveSubtree(tree, "a", { parentKey: "S2", position: 1 }))).toEqual(["S1@-/0/0#0", "c@S1/0/1#1", "S2@-/1/0#2", "d@S2/0/1#3", "a@S2/1/1#4", "b@a/0/2#5"]);
  });

  it("reorders sections", () => {
    expect(shapeOf(moveSubtree(tree, "S2", { parentKey: null, position: 0 })).map((s) => s.split("@")[0])).toEqual(["S2", "d", "S1", "a", "b", "c"]);
  });

  it("refuses moving a node inside itself or a section under an item", () => {
    expect(refusal(() => moveSubtree(tree, "a", { parentKey: "b" }))).toBe("INTO_ITSELF");
    expect(refusal(() => moveSubtree(tree, "a", { parentKey: "a" }))).toBe("INTO_ITSELF");
    expect(refusal(() => moveSubtree(tree, "S2", { parentKey: "a" }))).toBe("INVALID_PARENT");
    expect(refusal(() => moveSubtree(tree, "zz", { parentKey: "a" }))).toBe("UNKNOWN_NODE");
  });
});

describe("keyboard destinations", () => {
  it("indents under the sibling above, as its last child", () => {
    expect(indentDestination(tree, "c")).toEqual({ parentKey: "a", position: 1 });
    expect(indentDestination(tree, "a")).toBeNull();
    expect(indentDestination(tree, "S2")).toBeNull();
  });

  it("outdents to right after the parent, but never out of a section into the top level", () => {
    expect(outdentDestination(tree, "b")).toEqual({ parentKey: "S1", position: 1 });
    expect(outdentDestination(tree, "a")).toBeNull();
    expect(outdentDestination([item("a", null), item("b", "a")], "b")).toEqual({ parentKey: null, position: 1 });
  });

  it("moves up and down among siblings and stops at the ends", () => {
    expect(shapeOf(moveSubtree(tree, "a", shiftDestination(tree, "a", 1)!)).map((s) => s.split("@")[0])).toEqual(["S1", "c", "a", "b", "S2", "d"]);
    expect(shapeOf(moveSubtree(tree, "c", shiftDestination(tree, "c", -1)!)).map((s) => s.split("@")[0])).toEqual(["S1", "c", "a", "b", "S2", "d"]);
    expect(shiftDestination(tree, "a", -1)).toBeNull();
    expect(shiftDestination(tree, "c", 1)).toBeNull();
  });
});

describe("properties", () => {
  /** A random item tree: node i's parent is one of the nodes before it, or the top. */
  const randomTree = fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).map((picks) =>
    picks.map((pick, index): TreeNode => {
      const parent = pick % (index + 1);
      return item(`k${index}`, parent === index ? null : `k${parent}`);
    }),
  );

  it("any legal move keeps every node, a valid pre-order, and the moved subtree intact", () => {
    fc.assert(
      fc.property(randomTree, fc.nat(), fc.nat(), fc.nat(), (nodes, which, where, at) => {
        const start = layOutTree(nodes);
        const key = start[which % start.length]!.key;
        const inside = new Set(subtreeOf(start, key).map((node) => node.key));
        const outside = start.filter((node) => !inside.has(node.key));
        const parent = outside.length === 0 || where % 3 === 0 ? null : outside[where % outside.length]!.key;
        const siblings = start.filter((node) => node.parentKey === parent && node.key !== key).length;
        const moved = moveSubtree(start, key, { parentKey: parent, position: at % (siblings + 1) });
        expect(new Set(moved.map((node) => node.key))).toEqual(new Set(start.map((node) => node.key)));
        moved.forEach((node, ordinal) => {
          expect(node.ordinal).toBe(ordinal);
          if (node.parentKey !== null) {
            const parentNode = moved.find((candidate) => candidate.key === node.parentKey)!;
            expect(parentNode.ordinal).toBeLessThan(node.ordinal);
            expect(node.depth).toBe(parentNode.depth + 1);
          }
        });
        const movedSubtree = subtreeOf(moved, key).map((node) => node.key);
        expect(new Set(movedSubtree)).toEqual(inside);
      }),
    );
  });

  it("remove then insert at the old place restores the layout", () => {
    fc.assert(
      fc.property(randomTree, fc.nat(), (nodes, which) => {
        const start = layOutTree(nodes);
        const target = start[which % start.length]!;
        const { nodes: left, removed } = removeSubtree(start, target.key);
        expect(shapeOf(insertSubtree(left, { parentKey: target.parentKey, position: target.position }, removed))).toEqual(shapeOf(start));
      }),
    );
  });
});
