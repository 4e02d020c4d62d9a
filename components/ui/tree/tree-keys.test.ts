import { describe, expect, it } from "vitest";
import { hasModifier, navigationCommand } from "./tree-keys";

const press = (key: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

describe("the shared tree keys", () => {
  it("map the arrows, Home and End to moves", () => {
    expect(navigationCommand("ArrowUp")).toBe("previous");
    expect(navigationCommand("ArrowDown")).toBe("next");
    expect(navigationCommand("Home")).toBe("first");
    expect(navigationCommand("End")).toBe("last");
    expect(navigationCommand("ArrowLeft")).toBe("collapse");
    expect(navigationCommand("ArrowRight")).toBe("expand");
  });

  it("leave every other key to the screen's own keymap", () => {
    for (const key of [" ", "Enter", "Tab", "Escape", "a", "F2", "toString", "constructor"]) expect(navigationCommand(key)).toBeNull();
  });

  it("tell a plain key from a modified one", () => {
    expect(hasModifier(press("ArrowDown"))).toBe(false);
    for (const modifier of ["altKey", "ctrlKey", "metaKey", "shiftKey"] as const) expect(hasModifier(press("ArrowDown", { [modifier]: true }))).toBe(true);
  });
});
