/**
 * Counting and flattening a parsed roadmap: the figures an import preview shows, and the rows
 * that become TrackNodes (parent, position, depth, title, kind, optional flag, description).
 */
import type { RelativeDue } from "./due-marker";
import type { OutlineDocument, OutlineItem, OutlineResource } from "./types";

type Tree = Pick<OutlineDocument, "sections" | "items">;

/** Every item in document order (pre-order: a parent before its children). */
export function* walkItems(document: Tree): Generator<OutlineItem> {
  const stack: OutlineItem[] = [];
  const roots = [...document.sections.flatMap((section) => section.items), ...document.items];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i] as OutlineItem);
  while (stack.length > 0) {
    const item = stack.pop() as OutlineItem;
    yield item;
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as OutlineItem);
  }
}

export function countSections(document: Tree): number {
  return document.sections.length;
}

/** Every item node, topics included: the size the parser's limits (MAX_OUTLINE_ITEMS) are about. */
export function countItems(document: Tree): number {
  let count = 0;
  for (const _item of walkItems(document)) count++;
  return count;
}

/** Items per indentation level: `histogram[d]` items at depth `d`. */
export function depthHistogram(document: Tree): number[] {
  const histogram: number[] = [];
  for (const item of walkItems(document)) {
    while (histogram.length <= item.depth) histogram.push(0);
    histogram[item.depth] = (histogram[item.depth] ?? 0) + 1;
  }
  return histogram;
}

/** Deepest item depth (0 = left margin); -1 when there are no items. */
export function maxDepth(document: Tree): number {
  return depthHistogram(document).length - 1;
}

export interface OutlineStats {
  sections: number;
  /** Items with children: they group items below a section and never count (decision 0040). */
  topics: number;
  /** Items without children (leaves): what a hire marks and what progress counts. */
  items: number;
  optionalItems: number;
  /** -1 when there are no items. */
  maxDepth: number;
  depthHistogram: number[];
}

export function outlineStats(document: Tree): OutlineStats {
  const histogram = depthHistogram(document);
  let topics = 0;
  let items = 0;
  let optionalItems = 0;
  for (const item of walkItems(document)) {
    if (item.children.length > 0) topics++;
    else items++;
    if (item.optional) optionalItems++;
  }
  return { sections: countSections(document), topics, items, optionalItems, maxDepth: histogram.length - 1, depthHistogram: histogram };
}

export interface FlatOutlineNode {
  /** Index of this row in the returned array. */
  index: number;
  /** Index of the parent row; null for sections, and for top-level items of a file without sections. */
  parentIndex: number | null;
  /** 0-based position among its siblings. */
  position: number;
  /** Depth in the tree: sections are 0 and their items start at 1; without sections, items start at 0. */
  depth: number;
  kind: "section" | "item";
  title: string;
  optional: boolean;
  /** The node's own due (due-marker.ts); null without one. */
  due: RelativeDue | null;
  description: string | null;
  /** The item's links; empty for sections and for text-format items. */
  resources: OutlineResource[];
  /** 1-based source line (the title line for a section). */
  line: number;
}

/** The tree as rows in pre-order, so every parent comes before its children. */
export function flattenOutline(document: Tree): FlatOutlineNode[] {
  const rows: FlatOutlineNode[] = [];
  const addItems = (items: readonly OutlineItem[], parentIndex: number | null, depth: number) => {
    items.forEach((item, position) => {
      const index = rows.length;
      rows.push({
        index,
        parentIndex,
        position,
        depth,
        kind: "item",
        title: item.title,
        optional: item.optional,
        due: item.due ?? null,
        description: item.description ?? null,
        resources: item.resources ?? [],
        line: item.line,
      });
      addItems(item.children, index, depth + 1);
    });
  };
  document.sections.forEach((section, position) => {
    const index = rows.length;
    rows.push({ index, parentIndex: null, position, depth: 0, kind: "section", title: section.title, optional: section.optional, due: section.due ?? null, description: null, resources: [], line: section.line });
    addItems(section.items, index, 1);
  });
  addItems(document.items, null, 0);
  return rows;
}
