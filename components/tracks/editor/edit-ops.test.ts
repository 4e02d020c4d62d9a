import { describe, expect, it } from "vitest";
import { applyOp, checkOp, fitOp, inverseOf, isNoOpMove } from "./edit-ops";
import { node, sampleTree, shapeOf } from "./test-nodes";
import type { EditOp, EditorState } from "./types";

const start = (): EditorState => ({ title: "Track", nodes: sampleTree() });

describe("applyOp and inverseOf", () => {
  const ops: Array<[string, EditOp]> = [
    ["add", { type: "add", destination: { parentKey: "a", position: 1 }, nodes: [node("new:1", "a")], restore: false }],
    ["update", { type: "update", key: "b", changes: { title: "Bee", estimatedMinutes: 30, resources: [{ url: "https://example.com" }] } }],
    ["move", { type: "move", key: "a", destination: { parentKey: "S2", position: 1 } }],
    ["remove", { type: "remove", key: "a" }],
    ["renameTrack", { type: "renameTrack", title: "Renamed" }],
  ];

  it.each(ops)("undoes %s: applying the inverse gives back the tree, positions included", (_name, op) => {
    const before = start();
    const after = applyOp(before, op);
    expect(after).not.toEqual(before);
    expect(applyOp(after, inverseOf(before, op))).toEqual(before);
  });

  it("restores a removed subtree with its keys and content at its old place", () => {
    const before = { ...start(), nodes: start().nodes.map((entry) => (entry.key === "b" ? { ...entry, description: "notes", evidenceRequired: true } : entry)) };
    const inverse = inverseOf(before, { type: "remove", key: "a" });
    expect(inverse).toMatchObject({ type: "add", restore: true, destination: { parentKey: "S1", position: 0 } });
    expect(inverse.type === "add" && inverse.nodes.map((entry) => [entry.key, entry.parentKey, entry.description])).toEqual([
      ["a", "S1", null],
      ["b", "a", "notes"],
    ]);
  });

  it("moves the node with its subtree and relays the positions", () => {
    expect(shapeOf(applyOp(start(), { type: "move", key: "a", destination: { parentKey: "S2", position: 1 } }).nodes)).toEqual(["S1@-/0", "c@S1/0", "S2@-/1", "d@S2/0", "a@S2/1", "b@a/0"]);
  });

  it("refuses what the server would refuse, with its reason", () => {
    expect(checkOp(start(), { type: "move", key: "a", destination: { parentKey: "b", position: 0 } })).toEqual({ ok: false, reason: "A node cannot move inside itself." });
    expect(checkOp(start(), { type: "add", destination: { parentKey: null, position: 0 }, nodes: [node("new:1", null, "ITEM")], restore: false })).toMatchObject({ ok: false });
    expect(checkOp(start(), { type: "update", key: "zz", changes: { title: "x" } })).toMatchObject({ ok: false });
  });
});

describe("fitOp", () => {
  it("keeps an old position within the siblings there are now", () => {
    const state = start();
    expect(fitOp(state, { type: "add", destination: { parentKey: "S1", position: 9 }, nodes: [node("x", "S1")], restore: true })).toMatchObject({ destination: { parentKey: "S1", position: 2 } });
    // The moving node does not count among its future siblings.
    expect(fitOp(state, { type: "move", key: "c", destination: { parentKey: "S1", position: 5 } })).toMatchObject({ destination: { parentKey: "S1", position: 1 } });
  });

  it("knows a move to where the node already is", () => {
    expect(isNoOpMove(start(), "c", { parentKey: "S1", position: 1 })).toBe(true);
    expect(isNoOpMove(start(), "c", { parentKey: "S1", position: 0 })).toBe(false);
  });
});
