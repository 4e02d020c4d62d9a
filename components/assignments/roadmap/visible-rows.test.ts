import { describe, expect, it } from "vitest";
import { effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { detailOf, keyOf, progressRow } from "./test-detail";
import { allCollapsed, revealed } from "@/components/ui/tree/visible-rows";
import { defaultCollapsed, filterCounts, normalizeSearch, visibleRows } from "./visible-rows";
import type { RowQuery } from "./visible-rows";

const detail = detailOf({ skippedKeys: [keyOf("Paths")] });
const model = roadmapModelOf(detail);
const states = statesOf([progressRow("Types", "DONE"), progressRow("HTTP", "IN_PROGRESS"), progressRow("Scope", "NOT_APPLICABLE")]);
const effective = effectiveStates(model, states);
const titles = (query: Partial<RowQuery>) => visibleRows(model, effective, { search: "", filter: "all", collapsed: new Set(), ...query }).map((row) => model.nodes[row.index]!.title);

describe("the rows on screen", () => {
  it("are every node in pre-order when nothing is folded, with treeitem levels, sizes and positions", () => {
    const rows = visibleRows(model, effective, { search: "", filter: "all", collapsed: new Set() });
    expect(rows.map((row) => model.nodes[row.index]!.title)).toEqual(["Basics", "Variables", "Types", "Scope", "Loops", "Web", "HTTP", "Routing", "Paths", "Empty"]);
    const loops = rows.find((row) => row.key === keyOf("Loops"))!;
    expect(loops).toMatchObject({ level: 2, setSize: 2, posInSet: 2, expandable: false });
    const web = rows.find((row) => row.key === keyOf("Web"))!;
    expect(web).toMatchObject({ level: 1, setSize: 3, posInSet: 2, expandable: true, expanded: true });
  });

  it("leave out what is under a folded node, and only that", () => {
    expect(titles({ collapsed: new Set([keyOf("Variables")]) })).toEqual(["Basics", "Variables", "Loops", "Web", "HTTP", "Routing", "Paths", "Empty"]);
    expect(titles({ collapsed: allCollapsed(model.nodes) })).toEqual(["Basics", "Web", "Empty"]);
    const folded = visibleRows(model, effective, { search: "", filter: "all", collapsed: new Set([keyOf("Basics")]) })[0]!;
    expect(folded).toMatchObject({ expandable: true, expanded: false });
  });

  it("open the hire's current section and fold the others", () => {
    expect([...defaultCollapsed(model, keyOf("Web"))]).toEqual([keyOf("Basics")]);
    // No section known: the first one is open. An empty section has nothing to fold.
    expect([...defaultCollapsed(model, null)]).toEqual([keyOf("Web")]);
  });

  it("under a search, keep the matches and the nodes above them, whatever is folded", () => {
    expect(titles({ search: normalizeSearch("  SCO ") })).toEqual(["Basics", "Variables", "Scope"]);
    // Folds of the ordinary view do not hide matches: the page passes the search's own (empty) folds.
    expect(titles({ search: "path" })).toEqual(["Web", "Routing", "Paths"]);
    expect(titles({ search: "nothing like this" })).toEqual([]);
  });

  it("show a matching branch with only its matching items, and a matching empty section", () => {
    expect(titles({ search: "variables" })).toEqual(["Basics", "Variables"]);
    expect(titles({ search: "routing" })).toEqual(["Web", "Routing"]);
    expect(titles({ search: "empty" })).toEqual(["Empty"]);
    const routing = visibleRows(model, effective, { search: "routing", filter: "all", collapsed: new Set() }).find((row) => row.key === keyOf("Routing"))!;
    expect(routing).toMatchObject({ expandable: false, expanded: false });
  });

  it("number siblings among the rows on screen", () => {
    const rows = visibleRows(model, effective, { search: "s", filter: "all", collapsed: new Set() });
    const basicsChildren = rows.filter((row) => model.nodes[row.index]!.parentKey === keyOf("Basics"));
    expect(basicsChildren.map((row) => [model.nodes[row.index]!.title, row.posInSet, row.setSize])).toEqual([
      ["Variables", 1, 2],
      ["Loops", 2, 2],
    ]);
  });

  it("filter leaves by state, keeping their ancestors; skipped leaves match no state", () => {
    expect(titles({ filter: "DONE" })).toEqual(["Basics", "Variables", "Types"]);
    expect(titles({ filter: "IN_PROGRESS" })).toEqual(["Web", "HTTP"]);
    expect(titles({ filter: "NOT_APPLICABLE" })).toEqual(["Basics", "Variables", "Scope"]);
    expect(titles({ filter: "NOT_STARTED" })).toEqual(["Basics", "Loops"]);
    expect(titles({ filter: "DONE", search: "scope" })).toEqual([]);
  });

  it("fold within a filtered view like anywhere else", () => {
    expect(titles({ filter: "DONE", collapsed: new Set([keyOf("Variables")]) })).toEqual(["Basics", "Variables"]);
  });

  it("can be unfolded to show one node", () => {
    const folded = allCollapsed(model.nodes);
    const open = revealed(folded, [keyOf("Routing"), keyOf("Web")]);
    expect(open.has(keyOf("Routing"))).toBe(false);
    expect(open.has(keyOf("Web"))).toBe(false);
    expect(open.has(keyOf("Basics"))).toBe(true);
    expect(revealed(open, [keyOf("Web")])).toBe(open);
  });

  it("count leaves per state for the filter buttons", () => {
    expect(filterCounts(model, effective)).toEqual({ all: 5, NOT_STARTED: 1, IN_PROGRESS: 1, DONE: 1, NOT_APPLICABLE: 1 });
  });
});
