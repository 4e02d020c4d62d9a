import { describe, expect, it } from "vitest";
import { isTypingTarget, movedIndex, queueCommand } from "./queue-keys";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("queueCommand", () => {
  it("maps the letters anywhere on the page", () => {
    expect(queueCommand(press("j"), false)).toBe("next");
    expect(queueCommand(press("k"), false)).toBe("previous");
    expect(queueCommand(press("a"), false)).toBe("approve");
    expect(queueCommand(press("r"), false)).toBe("request");
    expect(queueCommand(press("?"), false)).toBe("help");
  });

  it("takes arrows, Home and End only in the list", () => {
    expect(queueCommand(press("ArrowDown"), true)).toBe("next");
    expect(queueCommand(press("ArrowUp"), true)).toBe("previous");
    expect(queueCommand(press("Home"), true)).toBe("first");
    expect(queueCommand(press("End"), true)).toBe("last");
    expect(queueCommand(press("ArrowDown"), false)).toBeNull();
    expect(queueCommand(press("End"), false)).toBeNull();
  });

  it("leaves modified presses and capitals to the browser", () => {
    expect(queueCommand(press("a", { ctrlKey: true }), true)).toBeNull();
    expect(queueCommand(press("r", { metaKey: true }), true)).toBeNull();
    expect(queueCommand(press("j", { altKey: true }), true)).toBeNull();
    expect(queueCommand(press("A"), true)).toBeNull();
    expect(queueCommand(press("x"), true)).toBeNull();
  });
});

describe("isTypingTarget", () => {
  it("knows the fields people type in", () => {
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "url" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
  });

  it("lets shortcuts through elsewhere", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "ARTICLE" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("movedIndex", () => {
  it("moves within the list and stops at its ends", () => {
    expect(movedIndex(0, 3, "next")).toBe(1);
    expect(movedIndex(2, 3, "next")).toBe(2);
    expect(movedIndex(0, 3, "previous")).toBe(0);
    expect(movedIndex(1, 3, "first")).toBe(0);
    expect(movedIndex(0, 3, "last")).toBe(2);
    expect(movedIndex(-1, 3, "previous")).toBe(0);
    expect(movedIndex(0, 0, "next")).toBeNull();
  });
});
