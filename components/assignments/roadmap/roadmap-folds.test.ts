import { describe, expect, it } from "vitest";
import { foldsInEffect, foldsReducer, initialFolds } from "./roadmap-folds";

const start = initialFolds(new Set(["S1", "S2"]));

describe("the roadmap's folds, search and filter", () => {
  it("fold and unfold rows, keeping the same state when nothing changes", () => {
    const open = foldsReducer(start, { type: "fold", key: "S1", fold: false, narrowed: false });
    expect([...open.collapsed]).toEqual(["S2"]);
    expect(foldsReducer(open, { type: "fold", key: "S1", fold: false, narrowed: false })).toBe(open);
    expect([...foldsReducer(open, { type: "fold", key: "S1", fold: true, narrowed: false }).collapsed]).toEqual(["S2", "S1"]);
  });

  it("keep the folds made while narrowed apart, and start them open at each new search or filter", () => {
    const searching = foldsReducer(start, { type: "search", text: "http" });
    expect(searching.searchText).toBe("http");
    expect(foldsInEffect(searching, true).size).toBe(0);
    const folded = foldsReducer(searching, { type: "fold", key: "S1", fold: true, narrowed: true });
    expect([...foldsInEffect(folded, true)]).toEqual(["S1"]);
    expect(foldsInEffect(folded, false)).toBe(start.collapsed);
    expect(foldsReducer(folded, { type: "filter", filter: "DONE" })).toMatchObject({ filter: "DONE", searchText: "http", narrowCollapsed: new Set() });
    expect(foldsReducer(folded, { type: "search", text: "htt" }).narrowCollapsed.size).toBe(0);
  });

  it("expand all and collapse all the view in effect", () => {
    expect(foldsReducer(start, { type: "setAll", collapsed: new Set(), narrowed: false }).collapsed.size).toBe(0);
    const narrowed = foldsReducer(start, { type: "setAll", collapsed: new Set(["a"]), narrowed: true });
    expect([...narrowed.narrowCollapsed]).toEqual(["a"]);
    expect(narrowed.collapsed).toBe(start.collapsed);
  });

  it("clear the search and the filter together", () => {
    const narrowed = foldsReducer(foldsReducer(start, { type: "search", text: "x" }), { type: "filter", filter: "DONE" });
    expect(foldsReducer(narrowed, { type: "clear" })).toMatchObject({ searchText: "", filter: "all", narrowCollapsed: new Set(), collapsed: start.collapsed });
  });

  it("reveal a node: clear a narrowed view, then unfold its ancestors", () => {
    const shown = foldsReducer(start, { type: "reveal", ancestors: ["a", "S1"], narrowed: false });
    expect([...shown.collapsed]).toEqual(["S2"]);
    expect(foldsReducer(shown, { type: "reveal", ancestors: ["S1"], narrowed: false })).toBe(shown);
    const searching = foldsReducer(start, { type: "search", text: "x" });
    expect(foldsReducer(searching, { type: "reveal", ancestors: ["S2"], narrowed: true })).toMatchObject({ searchText: "", filter: "all", collapsed: new Set(["S1"]) });
    // Text that normalizes to no search is not a narrowed view: it stays.
    const blank = foldsReducer(start, { type: "search", text: "  " });
    expect(foldsReducer(blank, { type: "reveal", ancestors: ["S1"], narrowed: false }).searchText).toBe("  ");
  });
});
