import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TrackNodeOut } from "./schema";
import { diffVersions, longestIncreasingSubsequence } from "./version-diff";

interface Spec {
  key: string;
  title: string;
  kind?: TrackNodeOut["kind"];
  children?: Spec[];
  fields?: Partial<Pick<TrackNodeOut, "description" | "optional" | "evidenceRequired" | "estimatedMinutes" | "resources">>;
}

const section = (key: string, title: string, children: Spec[] = []): Spec => ({ key, title, kind: "SECTION", children });
const item = (key: string, title: string, children: Spec[] = [], fields: Spec["fields"] = {}): Spec => ({ key, title, children, fields });

/** A version's nodes as the API returns them: pre-order, ids unique to the version, keys shared. */
function version(name: string, specs: Spec[]): TrackNodeOut[] {
  const nodes: TrackNodeOut[] = [];
  const walk = (list: Spec[], parentId: string | null, depth: number) =>
    list.forEach((spec, position) => {
      const id = `${name}-${spec.key}`;
      nodes.push({
        id,
        parentId,
        stableKey: spec.key,
        ordinal: nodes.length,
        position,
        depth,
        kind: spec.kind ?? "ITEM",
        title: spec.title,
        description: null,
        optional: false,
        evidenceRequired: false,
        verificationRequired: false,
        estimatedMinutes: null,
        due: null,
        resources: [],
        ...spec.fields,
      });
      walk(spec.children ?? [], id, depth + 1);
    });
  walk(specs, null, 0);
  return nodes;
}

const basics = (...items: Spec[]) => section("s1", "Basics", items);
const letters = (...keys: string[]) => keys.map((key) => item(key, key.toUpperCase()));
const movedKeys = (diff: ReturnType<typeof diffVersions>) => diff.moved.map((entry) => entry.stableKey);

const EMPTY_COUNTS = { added: 0, removed: 0, renamed: 0, moved: 0, changed: 0 };

describe("diffVersions", () => {
  it("finds nothing between a version and a copy of it under new ids", () => {
    const specs = [basics(item("a", "Variables", [item("b", "Types")]), item("c", "Loops")), section("s2", "Web", letters("d", "e"))];
    const diff = diffVersions(version("v1", specs), version("v2", specs));
    expect(diff).toEqual({ counts: EMPTY_COUNTS, added: [], removed: [], renamed: [], moved: [], changed: [] });
  });

  it("reports only the top of an added subtree, with how many nodes came with it and its path", () => {
    const from = version("v1", [basics(item("a", "Variables"))]);
    const to = version("v2", [basics(item("a", "Variables", [item("n1", "Generics", [item("n2", "Variance"), item("n3", "Bounds")])]), item("n4", "Loops")), section("n5", "Web")]);
    const diff = diffVersions(from, to);
    expect(diff.added).toEqual([
      { stableKey: "n1", kind: "ITEM", title: "Generics", path: ["Basics", "Variables"], descendants: 2 },
      { stableKey: "n4", kind: "ITEM", title: "Loops", path: ["Basics"], descendants: 0 },
      { stableKey: "n5", kind: "SECTION", title: "Web", path: [], descendants: 0 },
    ]);
    expect(diff.counts).toEqual({ ...EMPTY_COUNTS, added: 5 });
    // Inserting before nothing and after the last sibling reorders no one.
    expect(diff.moved).toEqual([]);
  });

  it("reports only the top of a removed subtree, with its path in the earlier version", () => {
    const from = version("v1", [basics(item("a", "Variables", [item("b", "Types", [item("c", "Unions")])]), item("d", "Loops"))]);
    const to = version("v2", [basics(item("d", "Loops"))]);
    const diff = diffVersions(from, to);
    expect(diff.removed).toEqual([{ stableKey: "a", kind: "ITEM", title: "Variables", path: ["Basics"], descendants: 2 }]);
    expect(diff.counts).toEqual({ ...EMPTY_COUNTS, removed: 3 });
  });

  it("reports a rename with both titles and the path in the later version", () => {
    const from = version("v1", [basics(item("a", "Variables", [item("b", "Types")]))]);
    const to = version("v2", [section("s1", "Foundations", [item("a", "Variables", [item("b", "Type hints")])])]);
    const diff = diffVersions(from, to);
    expect(diff.renamed).toEqual([
      { stableKey: "s1", kind: "SECTION", title: "Foundations", fromTitle: "Basics", toTitle: "Foundations", path: [] },
      { stableKey: "b", kind: "ITEM", title: "Type hints", fromTitle: "Types", toTitle: "Type hints", path: ["Foundations", "Variables"] },
    ]);
    expect(diff.counts).toEqual({ ...EMPTY_COUNTS, renamed: 2 });
  });

  it("reports a subtree moved under another parent by its root only, with both paths", () => {
    const from = version("v1", [basics(item("a", "Variables", [item("b", "Types", [item("c", "Unions")])])), section("s2", "Web", letters("d"))]);
    const to = version("v2", [basics(item("a", "Variables")), section("s2", "Web", [item("d", "D"), item("b", "Types", [item("c", "Unions")])])]);
    const diff = diffVersions(from, to);
    expect(diff.moved).toEqual([
      { stableKey: "b", kind: "ITEM", title: "Types", reason: "parent", fromPath: ["Basics", "Variables"], toPath: ["Web"], fromPosition: 0, toPosition: 1 },
    ]);
    expect(diff.counts).toEqual({ ...EMPTY_COUNTS, moved: 1 });
  });

  it("lists a node that was renamed and moved under both", () => {
    const from = version("v1", [basics(...letters("a", "b")), section("s2", "Web")]);
    const to = version("v2", [basics(item("a", "A")), section("s2", "Web", [item("b", "Routing")])]);
    const diff = diffVersions(from, to);
    expect(diff.renamed).toEqual([{ stableKey: "b", kind: "ITEM", title: "Routing", fromTitle: "B", toTitle: "Routing", path: ["Web"] }]);
    expect(diff.moved).toEqual([{ stableKey: "b", kind: "ITEM", title: "Routing", reason: "parent", fromPath: ["Basics"], toPath: ["Web"], fromPosition: 1, toPosition: 0 }]);
  });

  it("does not report the neighbours of a deleted or inserted sibling as moved", () => {
    const from = version("v1", [basics(...letters("a", "b", "c", "d", "e"))]);
    const deleted = diffVersions(from, version("v2", [basics(...letters("a", "b", "d", "e"))]));
    expect(deleted.moved).toEqual([]);
    expect(deleted.removed.map((entry) => entry.stableKey)).toEqual(["c"]);
    const inserted = diffVersions(from, version("v2", [basics(...letters("a", "x", "b", "c", "d", "e"))]));
    expect(inserted.moved).toEqual([]);
    expect(inserted.added.map((entry) => [entry.stableKey, entry.path])).toEqual([["x", ["Basics"]]]);
  });

  it("reports only the sibling that moved, whichever way it went", () => {
    const from = version("v1", [basics(...letters("a", "b", "c", "d", "e"))]);
    const down = diffVersions(from, version("v2", [basics(...letters("b", "c", "d", "e", "a"))]));
    expect(down.moved).toEqual([{ stableKey: "a", kind: "ITEM", title: "A", reason: "order", fromPath: ["Basics"], toPath: ["Basics"], fromPosition: 0, toPosition: 4 }]);
    expect(movedKeys(diffVersions(from, version("v2", [basics(...letters("e", "a", "b", "c", "d"))])))).toEqual(["e"]);
    expect(movedKeys(diffVersions(from, version("v2", [basics(...letters("a", "c", "d", "b", "e"))])))).toEqual(["b"]);
    // A swap moved one of the two; either explains it, but never both.
    expect(movedKeys(diffVersions(from, version("v2", [basics(...letters("b", "a", "c", "d", "e"))])))).toHaveLength(1);
    // Removing one sibling and moving another still reports just the move.
    expect(movedKeys(diffVersions(from, version("v2", [basics(...letters("d", "a", "c", "e"))])))).toEqual(["d"]);
  });

  it("reorders top-level sections like any siblings", () => {
    const from = version("v1", [section("s1", "One"), section("s2", "Two"), section("s3", "Three")]);
    const diff = diffVersions(from, version("v2", [section("s3", "Three"), section("s1", "One"), section("s2", "Two")]));
    expect(diff.moved).toEqual([{ stableKey: "s3", kind: "SECTION", title: "Three", reason: "order", fromPath: [], toPath: [], fromPosition: 2, toPosition: 0 }]);
  });

  it("lists which other fields changed", () => {
    const from = version("v1", [basics(item("a", "A", [], { resources: [{ title: "Docs", url: "https://docs.python.org" }] }), item("b", "B"), item("c", "C"))]);
    const to = version("v2", [
      basics(
        item("a", "A", [], { resources: [{ title: "Docs", url: "https://docs.python.org/3/" }], description: "Read the tutorial" }),
        item("b", "B", [], { optional: true, evidenceRequired: true, estimatedMinutes: 30 }),
        item("c", "C", [], { resources: [] }),
      ),
    ]);
    const diff = diffVersions(from, to);
    expect(diff.changed).toEqual([
      { stableKey: "a", kind: "ITEM", title: "A", path: ["Basics"], fields: ["description", "resources"] },
      { stableKey: "b", kind: "ITEM", title: "B", path: ["Basics"], fields: ["optional", "evidenceRequired", "estimatedMinutes"] },
    ]);
    expect(diff.counts).toEqual({ ...EMPTY_COUNTS, changed: 2 });
  });

  it("keeps an existing node out of an added subtree's count, and a kept child out of a removed one's", () => {
    // "a" leaves the section that is removed and goes into the section that is new.
    const from = version("v1", [section("old", "Old", [item("a", "A"), item("b", "B")])]);
    const to = version("v2", [section("new", "New", [item("a", "A"), item("c", "C")])]);
    const diff = diffVersions(from, to);
    expect(diff.added).toEqual([{ stableKey: "new", kind: "SECTION", title: "New", path: [], descendants: 1 }]);
    expect(diff.removed).toEqual([{ stableKey: "old", kind: "SECTION", title: "Old", path: [], descendants: 1 }]);
    expect(diff.moved).toEqual([{ stableKey: "a", kind: "ITEM", title: "A", reason: "parent", fromPath: ["Old"], toPath: ["New"], fromPosition: 0, toPosition: 0 }]);
    expect(diff.counts).toEqual({ added: 2, removed: 2, renamed: 0, moved: 1, changed: 0 });
  });

  it("reads nodes in any array order, by ordinal and position", () => {
    const from = version("v1", [basics(...letters("a", "b", "c"))]);
    const to = version("v2", [basics(...letters("a", "c", "b"))]);
    expect(diffVersions([...from].reverse(), [...to].reverse())).toEqual(diffVersions(from, to));
  });
});

describe("longestIncreasingSubsequence", () => {
  it.each([
    [[], []],
    [[0, 1, 2], [0, 1, 2]],
    [[1, 2, 3, 0], [0, 1, 2]],
    [[3, 0, 1, 2], [1, 2, 3]],
    [[2, 0, 3, 1, 4], [1, 3, 4]],
  ])("keeps one longest run of %j", (sequence, expected) => {
    expect([...longestIncreasingSubsequence(sequence)].sort((a, b) => a - b)).toEqual(expected);
  });
});

/** Nodes listed so that every parent comes before its children; list order is sibling order. */
function treeOf(name: string, entries: ReadonlyArray<{ key: string; parent: string | null; title: string }>): TrackNodeOut[] {
  const specs = new Map(entries.map((entry) => [entry.key, { key: entry.key, title: entry.title, children: [] as Spec[] }]));
  const roots: Spec[] = [];
  for (const entry of entries) (entry.parent === null ? roots : specs.get(entry.parent)!.children).push(specs.get(entry.key)!);
  return version(name, roots);
}

/** Each key hangs under the top level or under a key listed before it (so there are no cycles); titles come from a small set. */
function entriesOf(keys: readonly string[], picks: readonly number[], titles: readonly string[]) {
  return keys.map((key, i) => {
    const choice = picks[i]! % (i + 1);
    return { key, parent: choice === i ? null : keys[choice]!, title: titles[i]! };
  });
}

const TITLES = fc.constantFrom("A", "B", "C");
const keysArbitrary = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }).map((numbers) => numbers.map((n) => `k${n}`));
const treeArbitrary = keysArbitrary.chain((keys) =>
  fc.tuple(fc.array(fc.nat(), { minLength: keys.length, maxLength: keys.length }), fc.array(TITLES, { minLength: keys.length, maxLength: keys.length })).map(([picks, titles]) => entriesOf(keys, picks, titles)),
);

/**
 * A tree and an edit of it: some keys dropped, some added, a few swapped in the
 * list (reordering siblings), some nodes re-parented or re-titled. Most nodes keep
 * their parent, so reorders among shared siblings are common.
 */
const editedPairArbitrary = treeArbitrary.chain((before) =>
  fc
    .record({
      kept: fc.subarray(before),
      added: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }).map((numbers) => numbers.map((n) => `n${n}`)),
      swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
      picks: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
      edits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 40, maxLength: 40 }),
      titles: fc.array(TITLES, { minLength: 40, maxLength: 40 }),
    })
    .map(({ kept, added, swaps, picks, edits, titles }) => {
      const order: Array<{ key: string; parent: string | null; title: string }> = kept.map((entry) => ({ ...entry }));
      added.forEach((key, i) => order.splice(picks[i]! % (order.length + 1), 0, { key, parent: null, title: titles[i]! }));
      for (const [i, j] of swaps) {
        if (order.length < 2) break;
        const [x, y] = [i % order.length, j % order.length];
        [order[x], order[y]] = [order[y]!, order[x]!];
      }
      const listed = new Set<string>();
      const after = order.map((entry, i) => {
        const keepsParent = entry.parent === null || (listed.has(entry.parent) && edits[i] !== 0);
        const choice = picks[i]! % (i + 1);
        listed.add(entry.key);
        return {
          key: entry.key,
          parent: keepsParent && !entry.key.startsWith("n") ? entry.parent : choice === i ? null : order[choice]!.key,
          title: edits[i] === 1 ? titles[i]! : entry.title,
        };
      });
      return [before, after] as const;
    }),
);

describe("diffVersions properties", () => {
  it("finds nothing between a tree and itself", () => {
    fc.assert(
      fc.property(treeArbitrary, (tree) => {
        const nodes = treeOf("v", tree);
        expect(diffVersions(nodes, treeOf("w", tree))).toEqual({ counts: EMPTY_COUNTS, added: [], removed: [], renamed: [], moved: [], changed: [] });
      }),
    );
  });

  it("counts as added and removed exactly the key-set differences, and keeps the order of the siblings it does not call moved", () => {
    // An edited tree, or two unrelated trees drawing keys from one pool.
    const pairs = fc.oneof(editedPairArbitrary, fc.tuple(treeArbitrary, treeArbitrary));
    fc.assert(
      fc.property(pairs, ([treeA, treeB]) => {
        const from = treeOf("v1", treeA);
        const to = treeOf("v2", treeB);
        const diff = diffVersions(from, to);
        const fromKeys = new Set(from.map((node) => node.stableKey));
        const toKeys = new Set(to.map((node) => node.stableKey));
        expect(diff.counts.added).toBe([...toKeys].filter((key) => !fromKeys.has(key)).length);
        expect(diff.counts.removed).toBe([...fromKeys].filter((key) => !toKeys.has(key)).length);
        for (const entry of diff.added) expect(fromKeys.has(entry.stableKey)).toBe(false);
        for (const entry of diff.removed) expect(toKeys.has(entry.stableKey)).toBe(false);
        const titleOf = new Map(from.map((node) => [node.stableKey, node.title]));
        expect(diff.renamed.map((entry) => entry.stableKey)).toEqual(to.filter((node) => titleOf.has(node.stableKey) && titleOf.get(node.stableKey) !== node.title).map((node) => node.stableKey));

        // Siblings that share a parent in both versions and are not reported keep their relative order.
        const moved = new Set(movedKeys(diff));
        const parentKey = (nodes: TrackNodeOut[]) => {
          const keyOf = new Map(nodes.map((node) => [node.id, node.stableKey]));
          return new Map(nodes.map((node) => [node.stableKey, node.parentId === null ? null : keyOf.get(node.parentId)!]));
        };
        const fromParent = parentKey(from);
        const toParent = parentKey(to);
        const stayed = (nodes: TrackNodeOut[]) =>
          nodes.filter((node) => fromKeys.has(node.stableKey) && toKeys.has(node.stableKey) && !moved.has(node.stableKey)).map((node) => node.stableKey);
        for (const key of stayed(to)) expect(fromParent.get(key)).toBe(toParent.get(key));
        const byParent = (nodes: TrackNodeOut[]) => {
          const groups = new Map<string | null, string[]>();
          for (const key of stayed(nodes)) groups.set(fromParent.get(key)!, [...(groups.get(fromParent.get(key)!) ?? []), key]);
          return groups;
        };
        expect(byParent(to)).toEqual(byParent(from));

        // And the reorders are the fewest possible: under each parent, the shared siblings
        // minus their longest common subsequence (dynamic programming, independent of the LIS).
        const shared = (nodes: TrackNodeOut[], parents: Map<string, string | null>, parent: string | null) =>
          nodes.filter((node) => parents.get(node.stableKey) === parent && fromParent.has(node.stableKey) && toParent.get(node.stableKey) === fromParent.get(node.stableKey)).map((node) => node.stableKey);
        let fewest = 0;
        for (const parent of new Set([...toParent.values()])) {
          const x = shared(from, fromParent, parent);
          const y = shared(to, toParent, parent);
          const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
          for (let i = 1; i <= x.length; i++) for (let j = 1; j <= y.length; j++) lcs[i]![j] = x[i - 1] === y[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
          fewest += x.length - lcs[x.length]![y.length]!;
        }
        expect(diff.moved.filter((entry) => entry.reason === "order")).toHaveLength(fewest);
      }),
    );
  });
});
