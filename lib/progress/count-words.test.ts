import { describe, expect, it } from "vitest";
import { countOf, countedText, hasExclusions, itemsDoneText, nodeCounts, nodeCountsText } from "./count-words";
import type { ProgressNode } from "./progress-math";
import { summarizeProgress } from "./progress-math";

const node = (key: string, parentKey: string | null, kind: ProgressNode["kind"] = "ITEM"): ProgressNode => ({ key, parentKey, kind, title: key });

/**
 * S1            S2 (empty)   x (an item at the top, no section)
 *   t (topic)
 *     a
 *     b
 *   c
 */
const tree = [node("S1", null, "SECTION"), node("t", "S1"), node("a", "t"), node("b", "t"), node("c", "S1"), node("S2", null, "SECTION"), node("x", null)];

describe("nodeCounts", () => {
  it("counts sections, topics (items with children) and items (leaves)", () => {
    expect(nodeCounts(tree)).toEqual({ sections: 2, topics: 1, items: 4 });
  });

  it("agrees with the progress math on what counts: items are exactly the leaves summarizeProgress counts", () => {
    const counts = nodeCounts(tree);
    expect(summarizeProgress(tree, new Map(), new Set()).track.total).toBe(counts.items);
  });

  it("does not depend on the order of the nodes", () => {
    expect(nodeCounts([...tree].reverse())).toEqual({ sections: 2, topics: 1, items: 4 });
  });

  it("counts an empty tree as nothing", () => {
    expect(nodeCounts([])).toEqual({ sections: 0, topics: 0, items: 0 });
  });
});

describe("the words", () => {
  it("names a version's nodes, leaving out zero sections and topics but never the items", () => {
    expect(nodeCountsText({ sections: 15, topics: 299, items: 404 })).toBe("15 sections · 299 topics · 404 items");
    expect(nodeCountsText({ sections: 1, topics: 1, items: 1 })).toBe("1 section · 1 topic · 1 item");
    expect(nodeCountsText({ sections: 2, topics: 0, items: 5 })).toBe("2 sections · 5 items");
    expect(nodeCountsText({ sections: 0, topics: 0, items: 0 })).toBe("0 items");
  });

  it("says how many counted items are done, singular and plural", () => {
    expect(itemsDoneText({ done: 145, total: 380 })).toBe("145 of 380 items done");
    expect(itemsDoneText({ done: 0, total: 1 })).toBe("0 of 1 item done");
    expect(itemsDoneText({ done: 1200, total: 1204 })).toBe("1,200 of 1,204 items done");
  });

  it("says what is counted and each exclusion only when there is one", () => {
    expect(countedText({ total: 380, skipped: 23, notApplicable: 1 })).toBe("380 counted · 23 skipped · 1 not applicable");
    expect(countedText({ total: 404, skipped: 0, notApplicable: 0 })).toBe("404 counted");
    expect(countedText({ total: 403, skipped: 0, notApplicable: 1 })).toBe("403 counted · 1 not applicable");
    expect(countedText({ total: 0, skipped: 5, notApplicable: 0 })).toBe("0 counted · 5 skipped");
    expect(hasExclusions({ skipped: 0, notApplicable: 0 })).toBe(false);
    expect(hasExclusions({ skipped: 0, notApplicable: 2 })).toBe(true);
  });

  it("pluralizes a count with a given plural", () => {
    expect(countOf(1, "topic")).toBe("1 topic");
    expect(countOf(2, "person", "people")).toBe("2 people");
  });
});
