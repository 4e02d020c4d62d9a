/**
 * The words for counts, in one place (decision 0040), so that every screen, the CSV and the
 * emails say the same thing about the same assignment or version:
 *
 * - an **item** is a leaf (an ITEM with no children): the only thing a hire marks and counts;
 * - a **topic** is an ITEM with children: it groups items below a section and never counts;
 * - a **section** is a top-level SECTION node.
 *
 * An assignment's totals say which set of items they are out of: "380 counted · 23 skipped · 1 not
 * applicable" (counted: what the percentage is out of; skipped: branches taken out at assignment;
 * not applicable: marked by the hire). Pure: the browser uses it too.
 */
import type { Counts, ProgressNode } from "./progress-math";
import { isLeaf } from "./progress-math";

/** How many sections, topics and items a tree has (see above); items + topics = the ITEM nodes. */
export interface NodeCounts {
  sections: number;
  topics: number;
  items: number;
}

/** "1 item", "380 items", "1,204 items". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** Sections, topics and items of a tree given in any order (each node's parent by key). */
export function nodeCounts(nodes: readonly Pick<ProgressNode, "key" | "parentKey" | "kind">[]): NodeCounts {
  const parents = new Set<string>();
  for (const node of nodes) if (node.parentKey !== null) parents.add(node.parentKey);
  const counts: NodeCounts = { sections: 0, topics: 0, items: 0 };
  for (const node of nodes) {
    if (node.kind === "SECTION") counts.sections += 1;
    else if (isLeaf(node, parents.has(node.key))) counts.items += 1;
    else counts.topics += 1;
  }
  return counts;
}

/** "15 sections · 299 topics · 404 items": sections and topics only when there are some; items always. */
export function nodeCountsText(counts: NodeCounts): string {
  return [
    counts.sections > 0 ? countOf(counts.sections, "section") : null,
    counts.topics > 0 ? countOf(counts.topics, "topic") : null,
    countOf(counts.items, "item"),
  ]
    .filter((part) => part !== null)
    .join(" · ");
}

/** "145 of 380 items done": the done items out of the counted ones, what the percentage is of. */
export function itemsDoneText(counts: Pick<Counts, "done" | "total">): string {
  return `${counts.done.toLocaleString("en")} of ${countOf(counts.total, "item")} done`;
}

/** "380 counted · 23 skipped · 1 not applicable": counted always, each exclusion only when there is one. */
export function countedText(counts: Pick<Counts, "total" | "skipped" | "notApplicable">): string {
  return [
    `${counts.total.toLocaleString("en")} counted`,
    counts.skipped > 0 ? `${counts.skipped.toLocaleString("en")} skipped` : null,
    counts.notApplicable > 0 ? `${counts.notApplicable.toLocaleString("en")} not applicable` : null,
  ]
    .filter((part) => part !== null)
    .join(" · ");
}

/** Whether some items are left out of the count, so a screen shows countedText beside itemsDoneText. */
export function hasExclusions(counts: Pick<Counts, "skipped" | "notApplicable">): boolean {
  return counts.skipped > 0 || counts.notApplicable > 0;
}
