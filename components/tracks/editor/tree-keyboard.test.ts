import { describe, expect, it } from "vitest";
import { isUndoPress, treeCommandFor } from "./tree-keyboard";

const press = (key: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

describe("treeCommandFor", () => {
  it("maps the documented keys", () => {
    expect(treeCommandFor(press("ArrowDown"))).toBe("next");
    expect(treeCommandFor(press("ArrowLeft"))).toBe("collapse");
    expect(treeCommandFor(press("F2"))).toBe("rename");
    expect(treeCommandFor(press("Enter"))).toBe("rename");
    expect(treeCommandFor(press("ArrowUp", { altKey: true }))).toBe("moveUp");
    expect(treeCommandFor(press("ArrowDown", { altKey: true }))).toBe("moveDown");
    expect(treeCommandFor(press("Tab"))).toBe("indent");
    expect(treeCommandFor(press("Tab", { shiftKey: true }))).toBe("outdent");
    expect(treeCommandFor(press("Insert"))).toBe("addItem");
    expect(treeCommandFor(press("Insert", { shiftKey: true }))).toBe("addChild");
    expect(treeCommandFor(press("Delete"))).toBe("delete");
    expect(treeCommandFor(press("Escape"))).toBe("release");
  });

  it("leaves other keys and browser shortcuts alone", () => {
    expect(treeCommandFor(press("a"))).toBeNull();
    expect(treeCommandFor(press("ArrowDown", { ctrlKey: true }))).toBeNull();
    expect(treeCommandFor(press("ArrowLeft", { altKey: true }))).toBeNull();
    expect(treeCommandFor(press("z", { ctrlKey: true }))).toBeNull();
  });

  it("recognizes undo with Ctrl or Cmd, not redo", () => {
    expect(isUndoPress(press("z", { ctrlKey: true }))).toBe(true);
    expect(isUndoPress(press("Z", { metaKey: true }))).toBe(true);
    expect(isUndoPress(press("z", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoPress(press("z"))).toBe(false);
  });
});
