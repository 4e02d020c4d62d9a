import { describe, expect, it } from "vitest";
import { effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { evidenceStatuses } from "./row-evidence";
import { detailOf, keyOf, progressRow } from "./test-detail";
import type { OutlineLine } from "./test-detail";
import { allCollapsed, revealed } from "@/components/ui/tree/visible-rows";
import { defaultCollapsed, filterCounts, normalizeSearch, visibleRows } from "./visible-rows";
import type { RowQuery } from "./visible-rows";

const detail = detailOf({ skippedKeys: [keyOf("Paths")] });
const model = roadmapModelOf(detail);
const states = statesOf([progressRow("Types", "DONE"), progressRow("HTTP", "IN_PROGRESS"), progressRow("Scope", "NOT_APPLICABLE")]);
const effective = effectiveStates(model, states);
const facts = { effective };
const titles = (query: Partial<RowQuery>) => visibleRows(model, facts, { search: "", filter: "all", collapsed: new Set(), ...query }).map((row) => model.nodes[row.index]!.title);

describe("the rows on screen", () => {
  it("are every node in pre-order when nothing is folded, with treeitem levels, sizes and positions", () => {
    const rows = visibleRows(model, facts, { search: "", filter: "all", collapsed: new Set() });
    expect(rows.map((row) => model.nodes[row.index]!.title)).toEqual(["Basics", "Variables", "Types", "Scope", "Loops", "Web", "HTTP", "Routing", "Paths", "Empty"]);
    const loops = rows.find((row) => row.key === keyOf("Loops"))!;
    expect(loops).toMatchObject({ level: 2, setSize: 2, posInSet: 2, expandable: false });
    const web = rows.find((row) => row.key === keyOf("Web"))!;
    expect(web).toMatchObject({ level: 1, setSize: 3, posInSet: 2, expandable: true, expanded: true });
  });

  it("leave out what is under a folded node, and only that", () => {
    expect(titles({ collapsed: new Set([keyOf("Variables")]) })).toEqual(["Basics", "Variables", "Loops", "Web", "HTTP", "Routing", "Paths", "Empty"]);
    expect(titles({ collapsed: allCollapsed(model.nodes) })).toEqual(["Basics", "Web", "Empty"]);
    const folded = visibleRows(model, facts, { search: "", filter: "all", collapsed: new Set([keyOf("Basics")]) })[0]!;
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

  it("show a matching section or topic with its whole subtree, and a matching empty section", () => {
    expect(titles({ search: "variables" })).toEqual(["Basics", "Variables", "Types", "Scope"]);
    expect(titles({ search: "routing" })).toEqual(["Web", "Routing", "Paths"]);
    expect(titles({ search: normalizeSearch("Web ") })).toEqual(["Web", "HTTP", "Routing", "Paths"]);
    expect(titles({ search: "empty" })).toEqual(["Empty"]);
    const routing = visibleRows(model, facts, { search: "routing", filter: "all", collapsed: new Set() }).find((row) => row.key === keyOf("Routing"))!;
    expect(routing).toMatchObject({ expandable: true, expanded: true });
    // The subtree folds like anywhere else.
    expect(titles({ search: "web", collapsed: new Set([keyOf("Routing")]) })).toEqual(["Web", "HTTP", "Routing"]);
  });

  it("under a search and a filter, show what in the searched subtree passes the filter", () => {
    expect(titles({ search: "variables", filter: "DONE" })).toEqual(["Basics", "Variables", "Types"]);
    expect(titles({ search: "web", filter: "DONE" })).toEqual([]);
  });

  it("number siblings among the rows on screen", () => {
    const rows = visibleRows(model, facts, { search: "s", filter: "all", collapsed: new Set() });
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
    expect(filterCounts(model, facts)).toEqual({ all: 5, NOT_STARTED: 1, IN_PROGRESS: 1, DONE: 1, NOT_APPLICABLE: 1, NEEDS_ACTION: 0, WAITING_REVIEW: 0 });
  });

  it("count within the search: a section's whole subtree, or the matching items", () => {
    expect(filterCounts(model, facts, "basics")).toEqual({ all: 3, NOT_STARTED: 1, IN_PROGRESS: 0, DONE: 1, NOT_APPLICABLE: 1, NEEDS_ACTION: 0, WAITING_REVIEW: 0 });
    expect(filterCounts(model, facts, "http")).toEqual({ all: 1, NOT_STARTED: 0, IN_PROGRESS: 1, DONE: 0, NOT_APPLICABLE: 0, NEEDS_ACTION: 0, WAITING_REVIEW: 0 });
    expect(filterCounts(model, facts, "nothing like this").all).toBe(0);
  });
});

describe("the evidence filters", () => {
  const outline: OutlineLine[] = [
    [0, "SECTION", "Basics"],
    [1, "ITEM", "Variables"],
    [2, "ITEM", "Types", { evidenceRequired: true }],
    [2, "ITEM", "Scope", { evidenceRequired: true }],
    [1, "ITEM", "Loops", { evidenceRequired: true }],
    [1, "ITEM", "Strings", { evidenceRequired: true }],
    [0, "SECTION", "Web"],
    [1, "ITEM", "HTTP"],
    [1, "ITEM", "Routing", { evidenceRequired: true }],
    [1, "ITEM", "Caching", { evidenceRequired: true }],
    [1, "ITEM", "Paths", { evidenceRequired: true }],
  ];
  const detail = detailOf({
    outline,
    progress: [
      progressRow("Types", "IN_PROGRESS"),
      progressRow("Scope", "IN_PROGRESS"),
      progressRow("Loops", "DONE"),
      progressRow("HTTP", "DONE"),
      progressRow("Routing", "IN_PROGRESS"),
      progressRow("Caching", "NOT_APPLICABLE"),
      progressRow("Paths", "IN_PROGRESS"),
    ],
    evidence: {
      // Scope: sent back. Loops: approved. HTTP (evidence not required): changes requested on a done item.
      [keyOf("Scope")]: "CHANGES_REQUESTED",
      [keyOf("Loops")]: "APPROVED",
      [keyOf("HTTP")]: "CHANGES_REQUESTED",
      [keyOf("Routing")]: "SUBMITTED",
      // Not applicable: in neither filter, whatever its evidence.
      [keyOf("Caching")]: "SUBMITTED",
    },
  });
  const model = roadmapModelOf(detail);
  const facts = { effective: effectiveStates(model, statesOf(detail.progress)), evidence: evidenceStatuses(model, detail.evidence) };
  const titlesOf = (query: Partial<RowQuery>) => visibleRows(model, facts, { search: "", filter: "all", collapsed: new Set(), ...query }).map((row) => model.nodes[row.index]!.title);

  it("needs my action: changes requested, or evidence required on an item in progress with no attempt (not one not started)", () => {
    // Types: in progress, needs evidence, none yet. Scope, HTTP: changes requested. Strings: not started. Paths: in progress, none yet.
    expect(titlesOf({ filter: "NEEDS_ACTION" })).toEqual(["Basics", "Variables", "Types", "Scope", "Web", "HTTP", "Paths"]);
  });

  it("waiting on mentor: an attempt not yet reviewed, on an item that counts", () => {
    expect(titlesOf({ filter: "WAITING_REVIEW" })).toEqual(["Web", "Routing"]);
  });

  it("are counted on their chips, within the search", () => {
    expect(filterCounts(model, facts)).toMatchObject({ NEEDS_ACTION: 4, WAITING_REVIEW: 1 });
    expect(filterCounts(model, facts, "web")).toMatchObject({ all: 4, NEEDS_ACTION: 2, WAITING_REVIEW: 1 });
    expect(filterCounts(model, facts, "basics")).toMatchObject({ all: 4, NEEDS_ACTION: 2, WAITING_REVIEW: 0 });
  });

  it("hold the latest status of leaves only", () => {
    const statuses = evidenceStatuses(model, { ...detail.evidence, [keyOf("Basics")]: "APPROVED" });
    expect(statuses[model.indexOf.get(keyOf("Basics"))!]).toBeUndefined();
    expect(statuses[model.indexOf.get(keyOf("Loops"))!]).toBe("APPROVED");
  });
});
