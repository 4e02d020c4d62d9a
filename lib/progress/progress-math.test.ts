import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Counts, ProgressNode, ProgressState, ProgressSummary } from "./progress-math";
import {
  DEFAULT_NEXT_UP_LIMIT,
  ProgressTreeError,
  canTransition,
  isComplete,
  isLeaf,
  leafKeys,
  percentOf,
  sumCounts,
  summarizeProgress,
  transitionsFrom,
} from "./progress-math";

const section = (key: string): ProgressNode => ({ key, parentKey: null, kind: "SECTION", title: `Section ${key}` });
const item = (key: string, parentKey: string | null, evidenceRequired = false): ProgressNode => ({ key, parentKey, kind: "ITEM", title: `Item ${key}`, evidenceRequired });

const states = (entries: Record<string, ProgressState> = {}) => new Map(Object.entries(entries));
const none = new Set<string>();

/** Counts without the percentage, for compact expectations. */
const c = (total: number, done = 0, inProgress = 0, notApplicable = 0, skipped = 0): Omit<Counts, "percent"> => ({ total, done, inProgress, notApplicable, skipped });
const withPercent = (counts: Omit<Counts, "percent">): Counts => ({ ...counts, percent: percentOf(counts) });

/**
 * S1                 S2            S3 (empty)
 *   a                  e
 *     b                f
 *     c
 *   d
 */
const tree: ProgressNode[] = [section("S1"), item("a", "S1"), item("b", "a"), item("c", "a"), item("d", "S1"), section("S2"), item("e", "S2"), item("f", "S2"), section("S3")];

describe("leaves", () => {
  it("are items without children; sections never are", () => {
    expect(leafKeys(tree)).toEqual(["b", "c", "d", "e", "f"]);
    expect(isLeaf({ kind: "ITEM" }, false)).toBe(true);
    expect(isLeaf({ kind: "ITEM" }, true)).toBe(false);
    expect(isLeaf({ kind: "SECTION" }, false)).toBe(false);
  });
});

describe("percentOf", () => {
  it("rounds down, so 100 only shows when everything counted is done", () => {
    expect(percentOf(c(3, 1))).toBe(33);
    expect(percentOf(c(3, 2))).toBe(66);
    expect(percentOf(c(1000, 999))).toBe(99);
    expect(percentOf(c(703, 702))).toBe(99);
    expect(percentOf(c(703, 703))).toBe(100);
    expect(percentOf(c(7, 0, 7))).toBe(0);
  });

  it("is 100 with nothing counted but something excluded, and 0 with no leaves at all", () => {
    expect(percentOf(c(0, 0, 0, 2, 0))).toBe(100);
    expect(percentOf(c(0, 0, 0, 0, 1))).toBe(100);
    expect(percentOf(c(0))).toBe(0);
    expect(isComplete(c(0))).toBe(false);
    expect(isComplete(c(0, 0, 0, 1, 0))).toBe(true);
    expect(isComplete(c(2, 1))).toBe(false);
  });

  it("sums counts and recomputes the percentage", () => {
    expect(sumCounts([c(2, 1), c(2, 2, 0, 1), c(0, 0, 0, 0, 3)])).toEqual({ total: 4, done: 3, inProgress: 0, notApplicable: 1, skipped: 3, percent: 75 });
    expect(sumCounts([])).toEqual({ ...c(0), percent: 0 });
  });
});

describe("summarizeProgress", () => {
  it("counts leaves only, per section and per parent item, with missing states as NOT_STARTED", () => {
    const summary = summarizeProgress(tree, states({ a: "DONE", b: "DONE", c: "IN_PROGRESS", S2: "DONE", e: "DONE" }), none);
    expect(summary.track).toEqual(withPercent(c(5, 2, 1)));
    expect(summary.track.percent).toBe(40);
    expect([...summary.byNode.keys()]).toEqual(["S1", "a", "S2", "S3"]);
    expect(summary.byNode.get("S1")).toEqual(withPercent(c(3, 1, 1)));
    expect(summary.byNode.get("a")).toEqual({ ...c(2, 1, 1), percent: 50 });
    expect(summary.byNode.get("S2")).toEqual({ ...c(2, 1), percent: 50 });
    expect(summary.complete).toBe(false);
  });

  it("ignores the states of parents: a parent is done when its leaves are", () => {
    const parentDone = summarizeProgress(tree, states({ a: "DONE", S1: "DONE" }), none);
    expect(parentDone.byNode.get("a")).toEqual({ ...c(2), percent: 0 });
    expect(parentDone.byNode.get("S1")).toEqual({ ...c(3), percent: 0 });
    const leavesDone = summarizeProgress(tree, states({ b: "DONE", c: "DONE" }), none);
    expect(leavesDone.byNode.get("a")).toEqual({ ...c(2, 2), percent: 100 });
  });

  it("gives an empty section a total of 0 and percent 0, and leaves the track alone", () => {
    const summary = summarizeProgress(tree, states(), none);
    expect(summary.byNode.get("S3")).toEqual({ ...c(0), percent: 0 });
    expect(summary.track.total).toBe(5);
  });

  describe("skipped branches", () => {
    it("excludes a skipped section and its whole subtree, counting its leaves as skipped", () => {
      const summary = summarizeProgress(tree, states({ b: "DONE", d: "DONE" }), new Set(["S1"]));
      expect(summary.track).toEqual({ ...c(2, 0, 0, 0, 3), percent: 0 });
      expect(summary.byNode.get("S1")).toEqual({ ...c(0, 0, 0, 0, 3), percent: 100 });
      expect(summary.byNode.get("a")).toEqual({ ...c(0, 0, 0, 0, 2), percent: 100 });
      expect(summary.nextUp.map((next) => next.key)).toEqual(["e", "f"]);
    });

    it("excludes a skipped item branch and a skipped leaf", () => {
      const summary = summarizeProgress(tree, states({ d: "DONE" }), new Set(["a", "f"]));
      expect(summary.byNode.get("S1")).toEqual({ ...c(1, 1, 0, 0, 2), percent: 100 });
      expect(summary.byNode.get("S2")).toEqual({ ...c(1, 0, 0, 0, 1), percent: 0 });
      expect(summary.track).toEqual({ ...c(2, 1, 0, 0, 3), percent: 50 });
    });

    it("wins over not applicable, above or below", () => {
      const below = summarizeProgress(tree, states({ a: "NOT_APPLICABLE" }), new Set(["b"]));
      expect(below.byNode.get("a")).toEqual({ ...c(0, 0, 0, 1, 1), percent: 100 });
      const above = summarizeProgress(tree, states({ b: "NOT_APPLICABLE" }), new Set(["S1"]));
      expect(above.byNode.get("S1")).toEqual({ ...c(0, 0, 0, 0, 3), percent: 100 });
    });

    it("ignores skipped keys and states that are not in the tree", () => {
      const summary = summarizeProgress(tree, states({ gone: "DONE" }), new Set(["old-branch"]));
      expect(summary.track).toEqual({ ...c(5), percent: 0 });
    });

    it("completes a track whose every leaf is skipped", () => {
      const summary = summarizeProgress(tree, states(), new Set(["S1", "S2"]));
      expect(summary.track).toEqual({ ...c(0, 0, 0, 0, 5), percent: 100 });
      expect(summary.complete).toBe(true);
      expect(summary.nextUp).toEqual([]);
    });
  });

  describe("not applicable", () => {
    it("excludes a N/A leaf from the total", () => {
      const summary = summarizeProgress(tree, states({ b: "NOT_APPLICABLE", c: "DONE" }), none);
      expect(summary.byNode.get("a")).toEqual({ ...c(1, 1, 0, 1), percent: 100 });
      expect(summary.track).toEqual({ ...c(4, 1, 0, 1), percent: 25 });
    });

    it("excludes the whole subtree of a N/A parent item, whatever its leaves say", () => {
      const summary = summarizeProgress(tree, states({ a: "NOT_APPLICABLE", b: "DONE", c: "IN_PROGRESS" }), none);
      expect(summary.byNode.get("a")).toEqual({ ...c(0, 0, 0, 2), percent: 100 });
      expect(summary.byNode.get("S1")).toEqual({ ...c(1, 0, 0, 2), percent: 0 });
      expect(summary.nextUp.map((next) => next.key)).toEqual(["d", "e", "f"]);
    });

    it("ignores a N/A state on a section", () => {
      const summary = summarizeProgress(tree, states({ S1: "NOT_APPLICABLE" }), none);
      expect(summary.byNode.get("S1")).toEqual({ ...c(3), percent: 0 });
    });

    it("completes a track once every counted leaf is done, with N/A leaves left over", () => {
      const summary = summarizeProgress(tree, states({ a: "NOT_APPLICABLE", d: "DONE", e: "DONE", f: "NOT_APPLICABLE" }), none);
      expect(summary.track).toEqual({ ...c(2, 2, 0, 3), percent: 100 });
      expect(summary.complete).toBe(true);
    });
  });

  describe("evidence-required items", () => {
    const evidence: ProgressNode[] = [section("S"), item("x", "S", true), item("y", "S"), item("z", "S", true)];

    it("count like any other leaf", () => {
      const summary = summarizeProgress(evidence, states({ x: "DONE", y: "DONE" }), none);
      expect(summary.track).toEqual({ ...c(3, 2), percent: 66 });
      expect(summary.complete).toBe(false);
    });

    it("show up in next up until they are done", () => {
      const summary = summarizeProgress(evidence, states({ x: "IN_PROGRESS", y: "DONE" }), none);
      expect(summary.nextUp).toEqual([
        { key: "x", title: "Item x", sectionKey: "S", state: "IN_PROGRESS" },
        { key: "z", title: "Item z", sectionKey: "S", state: "NOT_STARTED" },
      ]);
    });
  });

  describe("shapes", () => {
    it("handles items directly under items, many levels deep", () => {
      const nodes = [section("S"), item("i1", "S"), item("i2", "i1"), item("i3", "i2"), item("i4", "i3"), item("i5", "i2")];
      const summary = summarizeProgress(nodes, states({ i4: "DONE" }), none);
      expect(summary.track).toEqual({ ...c(2, 1), percent: 50 });
      expect([...summary.byNode.keys()]).toEqual(["S", "i1", "i2", "i3"]);
      expect(summary.byNode.get("i3")).toEqual({ ...c(1, 1), percent: 100 });
      expect(summary.byNode.get("i2")).toEqual({ ...c(2, 1), percent: 50 });
      expect(summary.nextUp).toEqual([{ key: "i5", title: "Item i5", sectionKey: "S", state: "NOT_STARTED" }]);
    });

    it("handles a track with no sections at all", () => {
      const nodes = [item("p", null), item("q", "p"), item("r", null)];
      const summary = summarizeProgress(nodes, states({ q: "DONE" }), none);
      expect(summary.track).toEqual({ ...c(2, 1), percent: 50 });
      expect([...summary.byNode.keys()]).toEqual(["p"]);
      expect(summary.nextUp).toEqual([{ key: "r", title: "Item r", sectionKey: null, state: "NOT_STARTED" }]);
    });

    it("does not complete an empty track or a track of empty sections", () => {
      for (const nodes of [[], [section("A"), section("B")]]) {
        const summary = summarizeProgress(nodes, states(), none);
        expect(summary.track).toEqual({ ...c(0), percent: 0 });
        expect(summary.complete).toBe(false);
        expect(summary.nextUp).toEqual([]);
      }
    });

    it("completes when every counted leaf is done", () => {
      const summary = summarizeProgress(tree, states({ b: "DONE", c: "DONE", d: "DONE", e: "DONE", f: "DONE" }), none);
      expect(summary.track.percent).toBe(100);
      expect(summary.complete).toBe(true);
      expect(summary.nextUp).toEqual([]);
    });

    it("refuses duplicate keys and parents that do not come first", () => {
      expect(() => summarizeProgress([section("S"), item("a", "S"), item("a", "S")], states(), none)).toThrow(ProgressTreeError);
      expect(() => summarizeProgress([item("a", "S"), section("S")], states(), none)).toThrow(/parent of a/);
      expect(() => summarizeProgress([section("S"), item("a", "missing")], states(), none)).toThrow(ProgressTreeError);
    });
  });

  describe("next up", () => {
    const long: ProgressNode[] = [section("A"), item("a1", "A"), item("a2", "A"), item("a3", "a2"), section("B"), item("b1", "B"), item("b2", "B"), item("b3", "B"), item("b4", "B")];

    it("lists unfinished counted leaves in tree order, in progress and not started alike", () => {
      const summary = summarizeProgress(long, states({ a1: "DONE", b2: "IN_PROGRESS", b1: "NOT_APPLICABLE", a2: "IN_PROGRESS" }), none);
      expect(summary.nextUp).toEqual([
        { key: "a3", title: "Item a3", sectionKey: "A", state: "NOT_STARTED" },
        { key: "b2", title: "Item b2", sectionKey: "B", state: "IN_PROGRESS" },
        { key: "b3", title: "Item b3", sectionKey: "B", state: "NOT_STARTED" },
        { key: "b4", title: "Item b4", sectionKey: "B", state: "NOT_STARTED" },
      ]);
    });

    it("stops at the limit, 5 by default", () => {
      expect(DEFAULT_NEXT_UP_LIMIT).toBe(5);
      expect(summarizeProgress(long, states(), none).nextUp.map((next) => next.key)).toEqual(["a1", "a3", "b1", "b2", "b3"]);
      expect(summarizeProgress(long, states(), none, { nextUpLimit: 2 }).nextUp.map((next) => next.key)).toEqual(["a1", "a3"]);
      expect(summarizeProgress(long, states(), none, { nextUpLimit: 100 }).nextUp).toHaveLength(6);
      expect(summarizeProgress(long, states(), none, { nextUpLimit: Infinity }).nextUp).toHaveLength(6);
      expect(summarizeProgress(long, states(), none, { nextUpLimit: 0 }).nextUp).toEqual([]);
      expect(summarizeProgress(long, states(), none, { nextUpLimit: -1 }).nextUp).toEqual([]);
      expect(summarizeProgress(long, states(), none, { nextUpLimit: 2.9 }).nextUp).toHaveLength(2);
    });

    it("leaves out skipped branches", () => {
      expect(summarizeProgress(long, states(), new Set(["A", "b1"])).nextUp.map((next) => next.key)).toEqual(["b2", "b3", "b4"]);
    });
  });

  it("handles a seed-sized track, and a chain as deep as it is long", () => {
    const seed = seedTrack(17, 720);
    expect(seed.filter((node) => node.kind === "ITEM").length).toBeGreaterThanOrEqual(700);
    const leaves = leafKeys(seed);
    const doneStates = new Map(leaves.filter((_, i) => i % 3 === 0).map((key) => [key, "DONE" as const]));
    const summary = summarizeProgress(seed, doneStates, new Set(["s16"]));
    expect(summary.track.done + summary.track.inProgress).toBeLessThanOrEqual(summary.track.total);
    expect(summary.track.total + summary.track.skipped + summary.track.notApplicable).toBe(leaves.length);
    expect(summary).toEqual(reference(seed, doneStates, new Set(["s16"]), 5));

    const chain: ProgressNode[] = [section("S"), ...Array.from({ length: 720 }, (_, i) => item(`c${i}`, i === 0 ? "S" : `c${i - 1}`))];
    const deep = summarizeProgress(chain, states({ c719: "DONE" }), none);
    expect(deep.track).toEqual({ ...c(1, 1), percent: 100 });
    expect(deep.byNode.size).toBe(720);
    expect(deep.byNode.get("c0")).toEqual({ ...c(1, 1), percent: 100 });
  });
});

describe("transitionsFrom", () => {
  const table: [ProgressState, ProgressState[], ProgressState[]][] = [
    // from, targets, targets when evidence is required
    ["NOT_STARTED", ["IN_PROGRESS", "DONE", "NOT_APPLICABLE"], ["IN_PROGRESS", "NOT_APPLICABLE"]],
    ["IN_PROGRESS", ["NOT_STARTED", "DONE", "NOT_APPLICABLE"], ["NOT_STARTED", "NOT_APPLICABLE"]],
    ["DONE", ["IN_PROGRESS", "NOT_STARTED"], ["IN_PROGRESS", "NOT_STARTED"]],
    ["NOT_APPLICABLE", ["NOT_STARTED", "IN_PROGRESS"], ["NOT_STARTED", "IN_PROGRESS"]],
  ];

  it.each(table)("from %s", (from, plain, evidence) => {
    expect(transitionsFrom(from, { evidenceRequired: false })).toEqual(plain);
    expect(transitionsFrom(from, { evidenceRequired: true })).toEqual(evidence);
  });

  it("never moves to the same state, and never to DONE when evidence is required", () => {
    for (const [from] of table) {
      for (const evidenceRequired of [false, true]) {
        const targets = transitionsFrom(from, { evidenceRequired });
        expect(targets).not.toContain(from);
        if (evidenceRequired) expect(targets).not.toContain("DONE");
        expect(canTransition(from, "DONE", { evidenceRequired })).toBe(!evidenceRequired && from !== "DONE" && from !== "NOT_APPLICABLE");
      }
    }
  });

  it("returns a fresh array each time", () => {
    const targets = transitionsFrom("NOT_STARTED", { evidenceRequired: false });
    targets.pop();
    expect(transitionsFrom("NOT_STARTED", { evidenceRequired: false })).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------
// Properties, checked against a direct (ancestor-walking, quadratic) reading of the rules.

const STATES: ProgressState[] = ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"];

interface Case {
  nodes: ProgressNode[];
  states: Map<string, ProgressState>;
  skipped: Set<string>;
}

/**
 * A random tree built in pre-order: each node goes under the previous node or one of
 * its ancestors (or at the top), which is exactly what pre-order allows. Top-level
 * nodes are sections or items; nested nodes are items.
 */
const caseArb: fc.Arbitrary<Case> = fc
  .array(
    fc.record({
      up: fc.nat(),
      topSection: fc.boolean(),
      state: fc.option(fc.constantFrom(...STATES), { nil: undefined }),
      skip: fc.integer({ min: 0, max: 9 }),
      evidenceRequired: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((specs) => {
    const nodes: ProgressNode[] = [];
    const states = new Map<string, ProgressState>();
    const skipped = new Set<string>();
    let path: string[] = [];
    specs.forEach((spec, i) => {
      const depth = spec.up % (path.length + 1);
      const parentKey = depth === 0 ? null : path[depth - 1]!;
      const key = `n${i}`;
      nodes.push({ key, parentKey, kind: parentKey === null && spec.topSection ? "SECTION" : "ITEM", title: `Node ${i}`, evidenceRequired: spec.evidenceRequired });
      path = [...path.slice(0, depth), key];
      if (spec.state) states.set(key, spec.state);
      if (spec.skip === 0) skipped.add(key);
    });
    return { nodes, states, skipped };
  });

function reference(nodes: readonly ProgressNode[], states: ReadonlyMap<string, ProgressState>, skipped: ReadonlySet<string>, limit: number): ProgressSummary {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const ancestorsAndSelf = (node: ProgressNode) => {
    const out: ProgressNode[] = [];
    for (let at: ProgressNode | undefined = node; at; at = at.parentKey === null ? undefined : byKey.get(at.parentKey)) out.push(at);
    return out;
  };
  const leaves = new Set(leafKeys(nodes));
  const bucket = (leaf: ProgressNode) => {
    const line = ancestorsAndSelf(leaf);
    if (line.some((node) => skipped.has(node.key))) return "skipped";
    if (line.some((node) => node.kind === "ITEM" && states.get(node.key) === "NOT_APPLICABLE")) return "notApplicable";
    return states.get(leaf.key) ?? "NOT_STARTED";
  };
  const countOver = (under: ProgressNode[]): Counts => {
    const counts = c(0);
    for (const leaf of under) {
      const b = bucket(leaf);
      if (b === "skipped") counts.skipped++;
      else if (b === "notApplicable") counts.notApplicable++;
      else {
        counts.total++;
        if (b === "DONE") counts.done++;
        if (b === "IN_PROGRESS") counts.inProgress++;
      }
    }
    return withPercent(counts);
  };
  const leafNodes = nodes.filter((node) => leaves.has(node.key));
  const byNode = new Map<string, Counts>();
  for (const node of nodes) {
    if (leaves.has(node.key) || (node.kind === "ITEM" && !nodes.some((other) => other.parentKey === node.key))) continue;
    byNode.set(node.key, countOver(leafNodes.filter((leaf) => ancestorsAndSelf(leaf).includes(node))));
  }
  const track = countOver(leafNodes);
  const nextUp = leafNodes
    .filter((leaf) => bucket(leaf) === "NOT_STARTED" || bucket(leaf) === "IN_PROGRESS")
    .slice(0, limit)
    .map((leaf) => ({
      key: leaf.key,
      title: leaf.title,
      sectionKey: ancestorsAndSelf(leaf).find((node) => node.kind === "SECTION")?.key ?? null,
      state: bucket(leaf) as ProgressState,
    }));
  return { track, byNode, nextUp, complete: track.percent === 100 };
}

/** Sections with items nested up to 8 levels, like the seed track. */
function seedTrack(sections: number, size: number): ProgressNode[] {
  const nodes: ProgressNode[] = [];
  const perSection = Math.ceil(size / sections);
  for (let s = 0; s < sections; s++) {
    nodes.push(section(`s${s}`));
    let path: string[] = [`s${s}`];
    for (let i = 0; i < perSection - 1 && nodes.length < size; i++) {
      const depth = 1 + ((i * 7 + s) % Math.min(path.length, 8));
      const key = `s${s}-${i}`;
      nodes.push(item(key, path[depth - 1]!, i % 11 === 0));
      path = [...path.slice(0, depth), key];
    }
  }
  return nodes;
}

/** Every Counts in a summary with the node it belongs to ("track" for the whole). */
const allCounts = (summary: ProgressSummary): [string, Counts][] => [["track", summary.track], ...summary.byNode];

describe("properties", () => {
  it("agree with a direct reading of the rules, for any limit", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 8 }), ({ nodes, states, skipped }, limit) => {
        expect(summarizeProgress(nodes, states, skipped, { nextUpLimit: limit })).toEqual(reference(nodes, states, skipped, limit));
      }),
    );
  });

  it("keep every count consistent: done ≤ total, buckets add up to the leaves, percent in 0–100", () => {
    fc.assert(
      fc.property(caseArb, ({ nodes, states, skipped }) => {
        const summary = summarizeProgress(nodes, states, skipped);
        const leaves = leafKeys(nodes).length;
        expect(summary.track.total + summary.track.notApplicable + summary.track.skipped).toBe(leaves);
        for (const [, counts] of allCounts(summary)) {
          expect(counts.done + counts.inProgress).toBeLessThanOrEqual(counts.total);
          expect(Number.isInteger(counts.percent)).toBe(true);
          expect(counts.percent).toBeGreaterThanOrEqual(0);
          expect(counts.percent).toBeLessThanOrEqual(100);
          if (counts.total > 0) expect(counts.percent === 100).toBe(counts.done === counts.total);
        }
        expect(summary.complete).toBe(summary.track.percent === 100);
        expect(summary.nextUp.length).toBe(Math.min(DEFAULT_NEXT_UP_LIMIT, summary.track.total - summary.track.done));
      }),
    );
  });

  it("make the track the sum of its top-level nodes, and each parent the sum of its children", () => {
    fc.assert(
      fc.property(caseArb, ({ nodes, states, skipped }) => {
        const summary = summarizeProgress(nodes, states, skipped);
        const leaves = new Set(leafKeys(nodes));
        // A leaf's own counts: the summary of the leaf with just its ancestors (which keeps
        // any skip or N/A above it).
        const countsOf = (key: string): Omit<Counts, "percent"> => {
          if (!leaves.has(key)) return summary.byNode.get(key)!;
          const alone = summarizeProgress(
            nodes.filter((node) => node.key === key || isAncestorOf(nodes, node.key, key)),
            states,
            skipped,
          );
          return alone.track;
        };
        const childrenOf = (parentKey: string | null) => nodes.filter((node) => node.parentKey === parentKey).map((node) => countsOf(node.key));
        const strip = ({ percent: _percent, ...rest }: Counts) => rest;
        expect(strip(sumCounts(childrenOf(null)))).toEqual(strip(summary.track));
        for (const [key, counts] of summary.byNode) expect(strip(sumCounts(childrenOf(key)))).toEqual(strip(counts));
      }),
    );
  });

  it("never increase a total by skipping one more node", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ nodes, states, skipped }, pick) => {
        fc.pre(nodes.length > 0);
        const key = nodes[pick % nodes.length]!.key;
        const before = summarizeProgress(nodes, states, skipped);
        const after = summarizeProgress(nodes, states, new Set([...skipped, key]));
        for (const [node, counts] of allCounts(after)) {
          const was = node === "track" ? before.track : before.byNode.get(node)!;
          expect(counts.total).toBeLessThanOrEqual(was.total);
          expect(counts.done).toBeLessThanOrEqual(was.done);
        }
      }),
    );
  });

  it("never decrease a percentage by marking one more leaf DONE", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ nodes, states, skipped }, pick) => {
        const leaves = leafKeys(nodes);
        fc.pre(leaves.length > 0);
        const key = leaves[pick % leaves.length]!;
        const before = summarizeProgress(nodes, states, skipped);
        const after = summarizeProgress(nodes, new Map([...states, [key, "DONE"]]), skipped);
        for (const [node, counts] of allCounts(after)) {
          const was = node === "track" ? before.track : before.byNode.get(node)!;
          expect(counts.percent).toBeGreaterThanOrEqual(was.percent);
        }
        if (before.complete) expect(after.complete).toBe(true);
      }),
    );
  });

  it("list next up as the first unfinished counted leaves, in tree order", () => {
    fc.assert(
      fc.property(caseArb, ({ nodes, states, skipped }) => {
        const all = summarizeProgress(nodes, states, skipped, { nextUpLimit: Infinity }).nextUp;
        const order = new Map(nodes.map((node, i) => [node.key, i]));
        for (let i = 1; i < all.length; i++) expect(order.get(all[i]!.key)!).toBeGreaterThan(order.get(all[i - 1]!.key)!);
        for (const next of all) expect(next.state === "IN_PROGRESS" || next.state === "NOT_STARTED").toBe(true);
        expect(summarizeProgress(nodes, states, skipped).nextUp).toEqual(all.slice(0, DEFAULT_NEXT_UP_LIMIT));
      }),
    );
  });
});

function isAncestorOf(nodes: readonly ProgressNode[], candidate: string, key: string): boolean {
  const parentOf = new Map(nodes.map((node) => [node.key, node.parentKey]));
  for (let at = parentOf.get(key) ?? null; at !== null; at = parentOf.get(at) ?? null) if (at === candidate) return true;
  return false;
}

describe("estimated minutes (decision 0030)", () => {
  it("counts the minutes of counted items done and left, and the items left without an estimate, only when asked", () => {
    const nodes: ProgressNode[] = [
      { key: "s", parentKey: null, kind: "SECTION", title: "S" },
      { key: "a", parentKey: "s", kind: "ITEM", title: "A", estimatedMinutes: 30 },
      { key: "b", parentKey: "s", kind: "ITEM", title: "B", estimatedMinutes: 45 },
      { key: "c", parentKey: "s", kind: "ITEM", title: "C", estimatedMinutes: null },
      { key: "d", parentKey: "s", kind: "ITEM", title: "D", estimatedMinutes: 60 },
      { key: "e", parentKey: "s", kind: "ITEM", title: "E", estimatedMinutes: 90 },
      { key: "f", parentKey: "s", kind: "ITEM", title: "F" },
      // A branch's own estimate does not count: only leaves do.
      { key: "g", parentKey: "s", kind: "ITEM", title: "G", estimatedMinutes: 500 },
      { key: "g1", parentKey: "g", kind: "ITEM", title: "G1", estimatedMinutes: 15 },
    ];
    const states = new Map<string, ProgressState>([
      ["a", "DONE"],
      ["b", "IN_PROGRESS"],
      ["d", "NOT_APPLICABLE"],
    ]);
    const summary = summarizeProgress(nodes, states, new Set(["e"]), { minutes: true });
    // Done: A (30). Left: B 45 + G1 15; C and F without an estimate. D (not applicable) and E (skipped) do not count.
    expect(summary.minutes).toEqual({ done: 30, remaining: 60, unestimated: 2 });
    expect(summarizeProgress(nodes, states, new Set(["e"])).minutes).toBeUndefined();
  });
});
