/**
 * The branches a manager may skip when assigning a track: every section, every
 * top item (a section's child, or a root item in a track without sections), and
 * any item marked optional deeper down. Each option sits under its nearest
 * ancestor that is also an option, so the form can show them as a short tree
 * rather than the whole roadmap (hundreds of items).
 */
import { toProgressNodes } from "@/lib/progress/node-tree";
import { summarizeProgress } from "@/lib/progress/progress-math";
import type { Counts } from "@/lib/progress/progress-math";

/** The fields of a stored node (GET …/versions/{n}) that this needs, in pre-order. */
export interface VersionNode {
  id: string;
  parentId: string | null;
  stableKey: string;
  kind: "SECTION" | "ITEM";
  title: string;
  optional: boolean;
}

export interface SkipOption {
  key: string;
  title: string;
  kind: "SECTION" | "ITEM";
  optional: boolean;
  /** Items that count towards progress under it (itself, for a leaf item). */
  items: number;
  children: SkipOption[];
}

export function skipOptions(nodes: readonly VersionNode[]): SkipOption[] {
  const byKey = summarizeProgress(toProgressNodes(nodes), new Map(), new Set()).byNode;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  // The option each node belongs under (itself when it is one), filled in pre-order.
  const optionOf = new Map<string, SkipOption | null>();
  const roots: SkipOption[] = [];

  for (const node of nodes) {
    const parent = node.parentId === null ? null : (byId.get(node.parentId) ?? null);
    const isTop = node.kind === "SECTION" || parent === null || parent.kind === "SECTION";
    const above = parent === null ? null : (optionOf.get(parent.id) ?? null);
    if (!isTop && !node.optional) {
      optionOf.set(node.id, above);
      continue;
    }
    const option: SkipOption = {
      key: node.stableKey,
      title: node.title,
      kind: node.kind,
      optional: node.optional,
      // Nodes with children have counts; a lone item is one item, an empty section none.
      items: byKey.get(node.stableKey)?.total ?? (node.kind === "ITEM" ? 1 : 0),
      children: [],
    };
    (above ? above.children : roots).push(option);
    optionOf.set(node.id, option);
  }
  return roots;
}

/**
 * The keys to send as skippedKeys: the chosen options that are not already
 * inside another chosen one (skipping a branch skips everything under it), in
 * tree order.
 */
export function skippedKeysOf(options: readonly SkipOption[], chosen: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  const visit = (list: readonly SkipOption[]) => {
    for (const option of list) {
      if (chosen.has(option.key)) keys.push(option.key);
      else visit(option.children);
    }
  };
  visit(options);
  return keys;
}

/** What the hire is left with: the same counts the server will compute for a new assignment. */
export function countsAfterSkipping(nodes: readonly VersionNode[], skippedKeys: readonly string[]): Counts {
  return summarizeProgress(toProgressNodes(nodes), new Map(), new Set(skippedKeys)).track;
}
