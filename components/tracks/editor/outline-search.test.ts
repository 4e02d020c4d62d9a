import { describe, expect, it } from "vitest";
import { findMatches, matchParts, normalizeQuery, revealMatches, stepMatch } from "./outline-search";
import { node, placed } from "./test-nodes";

// Basics > Variables > Types, Basics > Loops; Web > HTTP basics
const tree = () =>
  placed([
    node("s1", null, "SECTION", { title: "Basics" }),
    node("i1", "s1", "ITEM", { title: "Variables" }),
    node("i2", "i1", "ITEM", { title: "Types and variables" }),
    node("i3", "s1", "ITEM", { title: "Loops" }),
    node("s2", null, "SECTION", { title: "Web" }),
    node("i4", "s2", "ITEM", { title: "HTTP basics" }),
  ]);

describe("findMatches", () => {
  it("finds titles holding the query, case-insensitively, in outline order", () => {
    expect(findMatches(tree(), "basics")).toEqual(["s1", "i4"]);
    expect(findMatches(tree(), "VARIABLE")).toEqual(["i1", "i2"]);
    expect(findMatches(tree(), "  http   BASICS ")).toEqual(["i4"]);
  });

  it("finds nothing for an empty query or no match", () => {
    expect(findMatches(tree(), "   ")).toEqual([]);
    expect(findMatches(tree(), "graphql")).toEqual([]);
  });
});

describe("matchParts", () => {
  it("splits the title around its first match, keeping the title's own case", () => {
    expect(matchParts("HTTP basics", "BAS")).toEqual(["HTTP ", "bas", "ics"]);
    expect(matchParts("Types and variables", "types")).toEqual(["", "Types", " and variables"]);
    expect(matchParts("Loops", "web")).toBeNull();
    expect(matchParts("Loops", "")).toBeNull();
    expect(normalizeQuery("  A  b ")).toBe("a b");
  });
});

describe("stepMatch", () => {
  it("moves to the next or previous match and wraps around", () => {
    expect(stepMatch(3, null, 1)).toBe(0);
    expect(stepMatch(3, null, -1)).toBe(2);
    expect(stepMatch(3, 0, 1)).toBe(1);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, null, 1)).toBeNull();
  });
});

describe("revealMatches", () => {
  it("opens every folded ancestor of the matches and nothing else", () => {
    const nodes = tree();
    const folded = new Set(["s1", "i1", "s2"]);
    expect([...revealMatches(folded, nodes, ["i2"])].sort()).toEqual(["s2"]);
    expect([...revealMatches(folded, nodes, ["i4"])].sort()).toEqual(["i1", "s1"]);
  });

  it("keeps the same fold when nothing needs opening", () => {
    const nodes = tree();
    const folded = new Set(["s2"]);
    expect(revealMatches(folded, nodes, ["i2", "s1"])).toBe(folded);
    expect(revealMatches(folded, nodes, [])).toBe(folded);
  });
});
