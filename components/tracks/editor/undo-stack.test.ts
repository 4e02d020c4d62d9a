import { describe, expect, it } from "vitest";
import { dropUndo, pushUndo, replaceUndo, takeUndo, UNDO_LIMIT } from "./undo-stack";
import type { UndoEntry } from "./undo-stack";

const entry = (id: number): UndoEntry => ({ id, label: `edit ${id}`, inverse: { type: "remove", key: `k${id}` } });

describe("the undo stack", () => {
  it("keeps the latest edits up to the limit, oldest dropped first", () => {
    let stack: UndoEntry[] = [];
    for (let id = 1; id <= UNDO_LIMIT + 5; id++) stack = pushUndo(stack, entry(id));
    expect(stack).toHaveLength(UNDO_LIMIT);
    expect(stack[0]!.id).toBe(6);
    expect(stack.at(-1)!.id).toBe(UNDO_LIMIT + 5);
    expect(UNDO_LIMIT).toBeGreaterThanOrEqual(20);
  });

  it("takes the newest entry, or a named one from the middle", () => {
    const stack = [entry(1), entry(2), entry(3)];
    expect(takeUndo(stack)).toEqual({ entry: entry(3), rest: [entry(1), entry(2)] });
    expect(takeUndo(stack, 2)).toEqual({ entry: entry(2), rest: [entry(1), entry(3)] });
    expect(takeUndo(stack, 9)).toEqual({ entry: null, rest: stack });
    expect(takeUndo([])).toEqual({ entry: null, rest: [] });
  });

  it("forgets a failed edit and replaces an inverse with the server's answer", () => {
    const stack = [entry(1), entry(2)];
    expect(dropUndo(stack, 1)).toEqual([entry(2)]);
    expect(dropUndo(stack, 7)).toBe(stack);
    expect(replaceUndo(stack, 2, { type: "renameTrack", title: "x" })[1]).toEqual({ id: 2, label: "edit 2", inverse: { type: "renameTrack", title: "x" } });
  });
});
