import { describe, expect, it } from "vitest";
import { nodeActions } from "./node-actions";
import { node, placed, sampleTree } from "./test-nodes";

describe("nodeActions", () => {
  it("offers what the selected item allows, with where each action puts things", () => {
    expect(nodeActions(sampleTree(), "c")).toEqual({
      addItem: { parentKey: "S1", position: 2 },
      addChild: { parentKey: "c", position: 0 },
      addSection: { parentKey: null, position: 1 },
      moveUp: { parentKey: "S1", position: 0 },
      moveDown: null,
      indent: { parentKey: "a", position: 1 },
      outdent: null,
    });
  });

  it("adds an item first inside a selected section; a section has no indent", () => {
    const actions = nodeActions(sampleTree(), "S2");
    expect(actions.addItem).toEqual({ parentKey: "S2", position: 0 });
    expect(actions.indent).toBeNull();
    expect(actions.outdent).toBeNull();
    expect(actions.moveUp).toEqual({ parentKey: null, position: 0 });
  });

  it("outdents a nested item to just after its parent", () => {
    expect(nodeActions(sampleTree(), "b").outdent).toEqual({ parentKey: "S1", position: 1 });
  });

  it("with nothing selected adds at the end; without sections no section can be added beside items", () => {
    expect(nodeActions(sampleTree(), null)).toMatchObject({ addItem: { parentKey: "S2", position: 1 }, addChild: null, moveUp: null });
    const items = placed([node("x", null, "ITEM"), node("y", null, "ITEM")]);
    expect(nodeActions(items, "x")).toMatchObject({ addItem: { parentKey: null, position: 1 }, addSection: null, indent: null });
    expect(nodeActions(items, "y").indent).toEqual({ parentKey: "x", position: 0 });
    expect(nodeActions([], null)).toMatchObject({ addItem: { parentKey: null, position: 0 }, addSection: { parentKey: null, position: 0 } });
  });
});
