import { describe, expect, it } from "vitest";
import { effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { detailOf, keyOf, progressRow } from "./test-detail";
import { collapseAction, expandAction, moveTo } from "@/components/ui/tree/tree-moves";
import { adjacentItem, panelMoveFor, spaceAction, treeCommandFor } from "./tree-navigation";
import { visibleRows } from "./visible-rows";

const press = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

const model = roadmapModelOf(detailOf());
const effective = effectiveStates(model, statesOf([]));
const parentOf = (key: string) => model.nodes[model.indexOf.get(key)!]!.parentKey;
const rowsWith = (collapsed: string[]) => visibleRows(model, { effective }, { search: "", filter: "all", collapsed: new Set(collapsed) });

describe("the roadmap's keys", () => {
  it("map to commands; modified keys are left to the browser, except Shift+F10", () => {
    expect(treeCommandFor(press("ArrowDown"))).toBe("next");
    expect(treeCommandFor(press("ArrowUp"))).toBe("previous");
    expect(treeCommandFor(press("ArrowLeft"))).toBe("collapse");
    expect(treeCommandFor(press("ArrowRight"))).toBe("expand");
    expect(treeCommandFor(press(" "))).toBe("space");
    expect(treeCommandFor(press("Enter"))).toBe("open");
    expect(treeCommandFor(press("Home"))).toBe("first");
    expect(treeCommandFor(press("End"))).toBe("last");
    expect(treeCommandFor(press("F10", { shiftKey: true }))).toBe("actions");
    expect(treeCommandFor(press("ContextMenu"))).toBe("actions");
    expect(treeCommandFor(press("ArrowDown", { ctrlKey: true }))).toBeNull();
    expect(treeCommandFor(press(" ", { shiftKey: true }))).toBeNull();
    expect(treeCommandFor(press("a"))).toBeNull();
    expect(treeCommandFor(press("Tab"))).toBeNull();
  });

  it("↑ and ↓ move between the rows on screen, skipping folded ones, and stop at the ends", () => {
    const rows = rowsWith([keyOf("Variables")]);
    expect(moveTo(rows, keyOf("Variables"), "next")).toBe(keyOf("Loops"));
    expect(moveTo(rows, keyOf("Loops"), "previous")).toBe(keyOf("Variables"));
    expect(moveTo(rows, keyOf("Basics"), "previous")).toBeNull();
    expect(moveTo(rows, keyOf("Empty"), "next")).toBeNull();
    expect(moveTo(rows, keyOf("Loops"), "first")).toBe(keyOf("Basics"));
    expect(moveTo(rows, keyOf("Loops"), "last")).toBe(keyOf("Empty"));
    // A row that is no longer on screen (filtered out) starts again at the top.
    expect(moveTo(rows, keyOf("Types"), "next")).toBe(keyOf("Basics"));
    expect(moveTo([], keyOf("Types"), "next")).toBeNull();
  });

  it("← folds an open row, else goes to the parent", () => {
    const rows = rowsWith([]);
    expect(collapseAction(rows, keyOf("Variables"), parentOf)).toEqual({ kind: "collapse", key: keyOf("Variables") });
    expect(collapseAction(rows, keyOf("Types"), parentOf)).toEqual({ kind: "focus", key: keyOf("Variables") });
    expect(collapseAction(rowsWith([keyOf("Variables")]), keyOf("Variables"), parentOf)).toEqual({ kind: "focus", key: keyOf("Basics") });
    expect(collapseAction(rowsWith([keyOf("Basics")]), keyOf("Basics"), parentOf)).toBeNull();
  });

  it("→ unfolds a folded row, else goes to its first child; nothing on a leaf or an empty section", () => {
    expect(expandAction(rowsWith([keyOf("Variables")]), keyOf("Variables"))).toEqual({ kind: "expand", key: keyOf("Variables") });
    expect(expandAction(rowsWith([]), keyOf("Variables"))).toEqual({ kind: "focus", key: keyOf("Types") });
    expect(expandAction(rowsWith([]), keyOf("Types"))).toBeNull();
    expect(expandAction(rowsWith([]), keyOf("Empty"))).toBeNull();
  });
});

describe("Space on a row", () => {
  const item = { leaf: true, evidenceRequired: false, own: "NOT_STARTED" as const, effective: "NOT_STARTED" as const, readOnly: false };

  it("marks an item done, a done item not started, an item in progress done", () => {
    expect(spaceAction(item)).toEqual({ kind: "set", to: "DONE" });
    expect(spaceAction({ ...item, own: "DONE", effective: "DONE" })).toEqual({ kind: "set", to: "NOT_STARTED" });
    expect(spaceAction({ ...item, own: "IN_PROGRESS", effective: "IN_PROGRESS" })).toEqual({ kind: "set", to: "DONE" });
  });

  it("never marks an item that needs evidence, and says why", () => {
    expect(spaceAction({ ...item, evidenceRequired: true })).toEqual({ kind: "refuse", why: "needs evidence" });
    expect(spaceAction({ ...item, evidenceRequired: true, own: "IN_PROGRESS", effective: "IN_PROGRESS" })).toEqual({ kind: "refuse", why: "needs evidence" });
    expect(spaceAction({ ...item, evidenceRequired: true, own: "DONE", effective: "DONE" })).toEqual({ kind: "refuse", why: "needs evidence" });
  });

  it("leaves skipped, not applicable and read-only items alone, and folds branches", () => {
    expect(spaceAction({ ...item, effective: "SKIPPED" })).toEqual({ kind: "refuse", why: "skipped" });
    expect(spaceAction({ ...item, own: "NOT_APPLICABLE", effective: "NOT_APPLICABLE" })).toEqual({ kind: "refuse", why: "not applicable" });
    expect(spaceAction({ ...item, effective: "NOT_APPLICABLE" })).toEqual({ kind: "refuse", why: "not applicable above" });
    expect(spaceAction({ ...item, readOnly: true })).toEqual({ kind: "refuse", why: "read-only" });
    expect(spaceAction({ ...item, leaf: false })).toEqual({ kind: "fold" });
  });
});

describe("j and k in the item panel", () => {
  const next = (rows: ReturnType<typeof rowsWith>, title: string) => adjacentItem(rows, model, keyOf(title), "next");
  const previous = (rows: ReturnType<typeof rowsWith>, title: string) => adjacentItem(rows, model, keyOf(title), "previous");

  it("are j and k without modifiers; the tree's own keys are not panel moves", () => {
    expect(panelMoveFor(press("j"))).toBe("next");
    expect(panelMoveFor(press("k"))).toBe("previous");
    expect(panelMoveFor(press("j", { ctrlKey: true }))).toBeNull();
    expect(panelMoveFor(press("k", { metaKey: true }))).toBeNull();
    expect(panelMoveFor(press("J", { shiftKey: true }))).toBeNull();
    expect(panelMoveFor(press("ArrowDown"))).toBeNull();
    expect(treeCommandFor(press("j"))).toBeNull();
  });

  it("move to the next and previous item on screen, parents included, sections skipped", () => {
    const rows = rowsWith([]);
    expect(next(rows, "Variables")).toBe(keyOf("Types"));
    expect(next(rows, "Scope")).toBe(keyOf("Loops"));
    // Past the end of Basics, over the Web section, to its first item.
    expect(next(rows, "Loops")).toBe(keyOf("HTTP"));
    expect(previous(rows, "HTTP")).toBe(keyOf("Loops"));
    expect(previous(rows, "Types")).toBe(keyOf("Variables"));
  });

  it("stop at the ends: nothing before the first item or after the last", () => {
    const rows = rowsWith([]);
    expect(previous(rows, "Variables")).toBeNull();
    expect(next(rows, "Paths")).toBeNull();
  });

  it("follow the folds: a folded branch's items are passed over", () => {
    expect(next(rowsWith([keyOf("Variables")]), "Variables")).toBe(keyOf("Loops"));
    expect(next(rowsWith([keyOf("Web")]), "Loops")).toBeNull();
    expect(previous(rowsWith([keyOf("Basics")]), "HTTP")).toBeNull();
  });

  it("follow the search and the state filter", () => {
    const searched = visibleRows(model, { effective }, { search: "o", filter: "all", collapsed: new Set() });
    // "Scope", "Loops" and "Routing" match; "Variables" shows above "Scope", "Types" not at all.
    expect(next(searched, "Variables")).toBe(keyOf("Scope"));
    expect(next(searched, "Scope")).toBe(keyOf("Loops"));
    expect(next(searched, "Loops")).toBe(keyOf("Routing"));
    expect(previous(searched, "Scope")).toBe(keyOf("Variables"));
    const done = effectiveStates(model, statesOf([progressRow("Scope", "DONE"), progressRow("Paths", "DONE")]));
    const filtered = visibleRows(model, { effective: done }, { search: "", filter: "DONE", collapsed: new Set() });
    // Only the done items and their parents show: from Scope, j goes to the next one shown.
    expect(next(filtered, "Scope")).toBe(keyOf("Routing"));
    expect(next(filtered, "Routing")).toBe(keyOf("Paths"));
  });

  it("keep an item's place in the track when the filter hid it", () => {
    const rows = rowsWith([]).filter((row) => row.key !== keyOf("Loops"));
    expect(next(rows, "Loops")).toBe(keyOf("HTTP"));
    expect(previous(rows, "Loops")).toBe(keyOf("Scope"));
    expect(adjacentItem(rows, model, "no-such-key", "next")).toBeNull();
  });
});
