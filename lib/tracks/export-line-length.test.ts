import { describe, expect, it } from "vitest";
import { MAX_LINE_LENGTH, parseOutline } from "@/lib/outline";
import { MAX_NODE_DESCRIPTION, MAX_NODE_TITLE } from "./edit-schema";
import { exportText } from "./export-version";
import type { TrackNodeOut } from "./schema";
import { MAX_ITEM_LEVELS } from "./tree-edit";

const node = (index: number, fields: Partial<TrackNodeOut>): TrackNodeOut => ({
  id: `n${index}`,
  parentId: index === 0 ? null : `n${index - 1}`,
  stableKey: `key-${index}-xxxx`,
  ordinal: index,
  position: 0,
  depth: index,
  kind: "ITEM",
  title: `Item ${index}`,
  description: null,
  optional: false,
  evidenceRequired: false,
  verificationRequired: false,
  estimatedMinutes: null,
  due: null,
  resources: [],
  ...fields,
});

describe("the line limit and the editor's limits", () => {
  it("an exported version with the longest title and description the editor allows, at the deepest level, imports again", () => {
    const nodes = [node(0, { kind: "SECTION", title: "Section" })];
    for (let level = 1; level <= MAX_ITEM_LEVELS; level++) nodes.push(node(level, {}));
    const deepest = nodes.at(-1)!;
    deepest.title = "t".repeat(MAX_NODE_TITLE);
    deepest.description = "d".repeat(MAX_NODE_DESCRIPTION);
    const text = exportText("Track", nodes);
    const longest = Math.max(...text.split("\n").map((line) => line.length));
    expect(longest).toBeGreaterThan(MAX_NODE_DESCRIPTION);
    expect(longest).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    const result = parseOutline(text);
    expect(result.ok).toBe(true);
  });
});
