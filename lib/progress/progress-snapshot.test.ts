import { describe, expect, it } from "vitest";
import { summarizeProgress } from "./progress-math";
import type { ProgressNode } from "./progress-math";
import { SNAPSHOT_VERSION, readSnapshot, snapshotOf, topSections } from "./progress-snapshot";

const TREE: ProgressNode[] = [
  { key: "basics", parentKey: null, kind: "SECTION", title: "Basics" },
  { key: "variables", parentKey: "basics", kind: "ITEM", title: "Variables", estimatedMinutes: 10 },
  { key: "loops", parentKey: "basics", kind: "ITEM", title: "Loops" },
  { key: "loose", parentKey: null, kind: "ITEM", title: "A root item" },
  { key: "web", parentKey: null, kind: "SECTION", title: "Web" },
  { key: "http", parentKey: "web", kind: "ITEM", title: "HTTP", estimatedMinutes: 20 },
];

describe("progress snapshots", () => {
  it("keep the track's counts, each top-level section's [done, total, percent] in order, and the minutes", () => {
    const summary = summarizeProgress(TREE, new Map([["variables", "DONE"]]), new Set(["web"]), { minutes: true });
    expect(topSections(TREE).map((node) => node.key)).toEqual(["basics", "web"]);
    expect(snapshotOf("v1", TREE, summary)).toEqual({
      v: SNAPSHOT_VERSION,
      versionId: "v1",
      track: { total: 3, done: 1, inProgress: 0, notApplicable: 0, skipped: 1, percent: 33 },
      sections: [
        [1, 2, 50],
        [0, 0, 100],
      ],
      minutes: [10, 0, 2],
    });
  });

  it("are read back only when of the current shape and of the assignment's version", () => {
    const snapshot = snapshotOf("v1", TREE, summarizeProgress(TREE, new Map(), new Set(), { minutes: true }));
    const stored: unknown = JSON.parse(JSON.stringify(snapshot));
    expect(readSnapshot(stored, "v1")).toEqual(snapshot);
    expect(readSnapshot(stored, "v2")).toBeNull();
    expect(readSnapshot({ ...snapshot, v: SNAPSHOT_VERSION - 1 }, "v1")).toBeNull();
    expect(readSnapshot(null, "v1")).toBeNull();
    expect(readSnapshot("not a snapshot", "v1")).toBeNull();
  });
});
