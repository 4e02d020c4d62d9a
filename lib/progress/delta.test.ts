import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapshotOf } from "./progress-snapshot";
import { applyLeafChange, leafPlaces } from "./delta";
import type { StoredCounts } from "./delta";
import { leafKeys, summarizeProgress } from "./progress-math";
import type { ProgressNode, ProgressState } from "./progress-math";

const STATES: ProgressState[] = ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"];

/** The stored counts as a full count makes them (what every write stored before the delta). */
function fullCount(tree: ProgressNode[], states: ReadonlyMap<string, ProgressState>, skipped: ReadonlySet<string>): StoredCounts {
  const { track, sections, minutes } = snapshotOf("v", tree, summarizeProgress(tree, states, skipped, { nextUpLimit: 0, minutes: true }));
  return { track, sections, minutes };
}

const notApplicableOf = (states: ReadonlyMap<string, ProgressState>) => new Set([...states].filter(([, state]) => state === "NOT_APPLICABLE").map(([key]) => key));

/**
 * A random assignment: a tree in pre-order (each node under the node before it or one
 * of that node's ancestors), states, skipped branches and estimates, then a run of
 * changes to random nodes.
 */
const scenario = fc
  .record({
    shape: fc.array(fc.record({ climb: fc.nat(6), section: fc.boolean(), minutes: fc.option(fc.integer({ min: 0, max: 240 }), { nil: null }) }), { minLength: 1, maxLength: 30 }),
    states: fc.array(fc.constantFrom(...STATES), { maxLength: 30 }),
    skips: fc.array(fc.nat(29), { maxLength: 3 }),
    changes: fc.array(fc.record({ at: fc.nat(29), to: fc.constantFrom(...STATES) }), { minLength: 1, maxLength: 25 }),
  })
  .map(({ shape, states, skips, changes }) => {
    const tree: ProgressNode[] = [];
    let open: string[] = [];
    shape.forEach((spec, i) => {
      const depth = spec.climb % (open.length + 1);
      const parentKey = depth === 0 ? null : open[depth - 1]!;
      tree.push({ key: `k${i}`, parentKey, kind: parentKey === null && spec.section ? "SECTION" : "ITEM", title: `Item ${i}`, estimatedMinutes: spec.minutes });
      open = [...open.slice(0, depth), `k${i}`];
    });
    const keyAt = (n: number) => tree[n % tree.length]!.key;
    return {
      tree,
      states: new Map(states.map((state, i) => [keyAt(i), state] as const)),
      skipped: new Set(skips.map(keyAt)),
      changes: changes.map(({ at, to }) => ({ key: keyAt(at), to })),
    };
  });

describe("applyLeafChange", () => {
  it("gives the same counts as counting everything again, change after change", () => {
    fc.assert(
      fc.property(scenario, ({ tree, states, skipped, changes }) => {
        let counts = fullCount(tree, states, skipped);
        for (const { key, to } of changes) {
          const from = states.get(key) ?? "NOT_STARTED";
          const next = applyLeafChange(counts, tree, { key, from, to }, { skipped, notApplicable: notApplicableOf(states) });
          states.set(key, to);
          const expected = fullCount(tree, states, skipped);
          if (next === null) {
            // Only a change of a non-leaf is refused; the caller counts it all again.
            expect(leafKeys(tree)).not.toContain(key);
            counts = expected;
          } else {
            expect(next).toEqual(expected);
            counts = next;
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("leaves the counts it was given unchanged", () => {
    const tree: ProgressNode[] = [
      { key: "s", parentKey: null, kind: "SECTION", title: "S" },
      { key: "a", parentKey: "s", kind: "ITEM", title: "A", estimatedMinutes: 30 },
    ];
    const counts = fullCount(tree, new Map(), new Set());
    const before = structuredClone(counts);
    const next = applyLeafChange(counts, tree, { key: "a", from: "NOT_STARTED", to: "DONE" }, { skipped: new Set(), notApplicable: new Set() });
    expect(counts).toEqual(before);
    expect(next).toEqual({
      track: { total: 1, done: 1, inProgress: 0, notApplicable: 0, skipped: 0, percent: 100 },
      sections: [[1, 1, 100]],
      minutes: [30, 0, 0],
    });
  });

  it("answers null for a section, a parent item and an unknown key", () => {
    const tree: ProgressNode[] = [
      { key: "s", parentKey: null, kind: "SECTION", title: "S" },
      { key: "p", parentKey: "s", kind: "ITEM", title: "Parent" },
      { key: "c", parentKey: "p", kind: "ITEM", title: "Child" },
    ];
    const counts = fullCount(tree, new Map(), new Set());
    const none = { skipped: new Set<string>(), notApplicable: new Set<string>() };
    for (const key of ["s", "p", "gone"]) expect(applyLeafChange(counts, tree, { key, from: "NOT_STARTED", to: "NOT_APPLICABLE" }, none)).toBeNull();
  });

  it("finds each leaf's place once per tree", () => {
    const tree: ProgressNode[] = [{ key: "a", parentKey: null, kind: "ITEM", title: "A" }];
    expect(leafPlaces(tree)).toBe(leafPlaces(tree));
  });
});
