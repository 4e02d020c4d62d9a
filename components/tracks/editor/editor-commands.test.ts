import { describe, expect, it } from "vitest";
import { editorEffect } from "./editor-commands";
import { sampleTree } from "./test-nodes";
import { visibleRows } from "./visible-rows";

const rowsWith = (collapsed: string[]) => visibleRows(sampleTree(), new Set(collapsed));

describe("a key on a row of the editor's tree", () => {
  it("selects the row above or below, the first or the last, and stops at the ends", () => {
    const rows = rowsWith(["a"]);
    expect(editorEffect("next", "a", rows)).toEqual({ kind: "select", key: "c" });
    expect(editorEffect("previous", "c", rows)).toEqual({ kind: "select", key: "a" });
    expect(editorEffect("previous", "S1", rows)).toBeNull();
    expect(editorEffect("next", "d", rows)).toBeNull();
    expect(editorEffect("first", "c", rows)).toEqual({ kind: "select", key: "S1" });
    expect(editorEffect("last", "c", rows)).toEqual({ kind: "select", key: "d" });
  });

  it("folds with ←, else goes to the parent; unfolds with →, else goes to the first child", () => {
    expect(editorEffect("collapse", "a", rowsWith([]))).toEqual({ kind: "toggle", key: "a" });
    expect(editorEffect("collapse", "b", rowsWith([]))).toEqual({ kind: "select", key: "a" });
    expect(editorEffect("collapse", "S1", rowsWith(["S1"]))).toBeNull();
    expect(editorEffect("expand", "a", rowsWith(["a"]))).toEqual({ kind: "toggle", key: "a" });
    expect(editorEffect("expand", "a", rowsWith([]))).toEqual({ kind: "select", key: "b" });
    expect(editorEffect("expand", "b", rowsWith([]))).toBeNull();
  });

  it("names the edit a key asks for", () => {
    const rows = rowsWith([]);
    expect(editorEffect("rename", "a", rows)).toEqual({ kind: "rename", key: "a" });
    expect(editorEffect("indent", "c", rows)).toEqual({ kind: "move", key: "c", move: "indent" });
    expect(editorEffect("moveUp", "c", rows)).toEqual({ kind: "move", key: "c", move: "moveUp" });
    expect(editorEffect("addChild", "a", rows)).toEqual({ kind: "add", key: "a", place: "addChild" });
    expect(editorEffect("delete", "a", rows)).toEqual({ kind: "delete", key: "a" });
    expect(editorEffect("release", "a", rows)).toBeNull();
  });

  it("does nothing on a row no longer on screen", () => {
    expect(editorEffect("next", "b", rowsWith(["a"]))).toBeNull();
    expect(editorEffect("delete", "missing", rowsWith([]))).toBeNull();
  });
});
