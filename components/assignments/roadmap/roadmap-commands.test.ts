import { describe, expect, it } from "vitest";
import { rowEffect, spaceEffect } from "./roadmap-commands";
import { effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { detailOf, keyOf, progressRow } from "./test-detail";
import { visibleRows } from "./visible-rows";

const model = roadmapModelOf(detailOf({ skippedKeys: [keyOf("Paths")] }));
const states = statesOf([progressRow("Types", "DONE"), progressRow("Scope", "NOT_APPLICABLE")]);
const effective = effectiveStates(model, states);
const rowsWith = (collapsed: string[]) => visibleRows(model, { effective }, { search: "", filter: "all", collapsed: new Set(collapsed) });

describe("a command on a roadmap row", () => {
  it("moves focus with ↑ ↓ Home End and ← → past the ends of a branch", () => {
    const rows = rowsWith([]);
    expect(rowEffect("next", keyOf("Basics"), rows, model)).toEqual({ kind: "focus", key: keyOf("Variables") });
    expect(rowEffect("previous", keyOf("Basics"), rows, model)).toBeNull();
    expect(rowEffect("last", keyOf("Basics"), rows, model)).toEqual({ kind: "focus", key: keyOf("Empty") });
    expect(rowEffect("collapse", keyOf("Types"), rows, model)).toEqual({ kind: "focus", key: keyOf("Variables") });
    expect(rowEffect("expand", keyOf("Variables"), rows, model)).toEqual({ kind: "focus", key: keyOf("Types") });
  });

  it("folds and unfolds with ← → and a click on the arrow", () => {
    expect(rowEffect("collapse", keyOf("Basics"), rowsWith([]), model)).toEqual({ kind: "fold", key: keyOf("Basics"), fold: true });
    expect(rowEffect("expand", keyOf("Basics"), rowsWith([keyOf("Basics")]), model)).toEqual({ kind: "fold", key: keyOf("Basics"), fold: false });
    expect(rowEffect("fold", keyOf("Basics"), rowsWith([]), model)).toEqual({ kind: "fold", key: keyOf("Basics"), fold: true });
    expect(rowEffect("fold", keyOf("Types"), rowsWith([]), model)).toBeNull();
  });

  it("opens an item with Enter, and folds or unfolds a section instead", () => {
    expect(rowEffect("open", keyOf("Types"), rowsWith([]), model)).toEqual({ kind: "open", key: keyOf("Types") });
    expect(rowEffect("open", keyOf("Web"), rowsWith([keyOf("Web")]), model)).toEqual({ kind: "fold", key: keyOf("Web"), fold: false });
    expect(rowEffect("open", keyOf("Empty"), rowsWith([]), model)).toBeNull();
    expect(rowEffect("space", keyOf("Types"), rowsWith([]), model)).toEqual({ kind: "space", key: keyOf("Types") });
    expect(rowEffect("actions", keyOf("Web"), rowsWith([]), model)).toBeNull();
  });
});

describe("Space on a roadmap row", () => {
  const input = { rows: rowsWith([]), model, states, effective, canWrite: true };

  it("marks an item and says so", () => {
    expect(spaceEffect(keyOf("HTTP"), input)).toEqual({ kind: "set", key: keyOf("HTTP"), to: "DONE", announce: "“HTTP”: done." });
    expect(spaceEffect(keyOf("Types"), input)).toMatchObject({ kind: "set", to: "NOT_STARTED" });
  });

  it("refuses with a word on the row and a sentence for screen readers", () => {
    expect(spaceEffect(keyOf("Loops"), input)).toEqual({ kind: "refuse", key: keyOf("Loops"), notice: "needs evidence", announce: "“Loops” needs evidence: it is done when a mentor approves it." });
    expect(spaceEffect(keyOf("Paths"), input)).toMatchObject({ kind: "refuse", notice: "skipped" });
    expect(spaceEffect(keyOf("Scope"), input)).toMatchObject({ kind: "refuse", notice: "not applicable" });
    expect(spaceEffect(keyOf("HTTP"), { ...input, canWrite: false })).toMatchObject({ kind: "refuse", notice: "read-only", announce: "“HTTP” cannot be changed here: this is someone else’s progress." });
  });

  it("folds or unfolds a branch", () => {
    expect(spaceEffect(keyOf("Variables"), input)).toEqual({ kind: "fold", key: keyOf("Variables"), fold: true });
    expect(spaceEffect(keyOf("Variables"), { ...input, rows: rowsWith([keyOf("Variables")]) })).toEqual({ kind: "fold", key: keyOf("Variables"), fold: false });
  });
});
