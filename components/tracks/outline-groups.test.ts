import { describe, expect, it } from "vitest";
import { groupOutline } from "./outline-groups";
import type { OutlineNode } from "./types";

const node = (kind: OutlineNode["kind"], depth: number, title: string): OutlineNode => ({ kind, depth, title, optional: false });

describe("groupOutline", () => {
  it("puts each section's items, at any depth, under it, in order", () => {
    const groups = groupOutline([node("SECTION", 0, "A"), node("ITEM", 1, "a1"), node("ITEM", 2, "a1.1"), node("SECTION", 0, "B"), node("ITEM", 1, "b1")]);
    expect(groups.map((group) => [group.section?.title, group.items.map((item) => item.title), group.baseDepth])).toEqual([
      ["A", ["a1", "a1.1"], 1],
      ["B", ["b1"], 1],
    ]);
  });

  it("keeps a document without sections as one group starting at depth 0", () => {
    const groups = groupOutline([node("ITEM", 0, "x"), node("ITEM", 1, "y")]);
    expect(groups).toEqual([{ section: null, items: [node("ITEM", 0, "x"), node("ITEM", 1, "y")], baseDepth: 0 }]);
  });

  it("keeps an empty section as a group with no items", () => {
    expect(groupOutline([node("SECTION", 0, "Empty")])).toEqual([{ section: node("SECTION", 0, "Empty"), items: [], baseDepth: 1 }]);
  });
});
