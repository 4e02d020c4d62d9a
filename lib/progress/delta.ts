/**
 * One item's change applied to an assignment's stored counts (its progress
 * snapshot) instead of counting all its items again: the one-item write's fast
 * path (docs/decisions/0036-progress-write-by-delta.md). The answer is the same
 * as summarizeProgress over the new states (progress-math.ts states the rules; a
 * property test holds the two together), for the change that happens most: a
 * leaf item moving between states.
 *
 * Only a leaf changes one count at a time. A parent item's NOT_APPLICABLE
 * excludes its whole subtree, so a change of a non-leaf is not a delta: for it
 * `applyLeafChange` answers null and the caller counts everything again. A leaf
 * excluded by a skipped branch or by a NOT_APPLICABLE ancestor item changes
 * nothing, whatever its own state.
 */
import { percentOf } from "./progress-math";
import type { Counts, ProgressNode, ProgressState } from "./progress-math";

/** The stored counts a delta updates: the snapshot's shape (progress-snapshot.ts), without its version tag. */
export interface StoredCounts {
  track: Counts;
  sections: Array<[done: number, total: number, percent: number]>;
  minutes: [done: number, remaining: number, unestimated: number];
}

/** Where a leaf sits: what a delta needs from the tree, found once per (cached) tree. */
interface LeafPlace {
  /** The leaf and its ancestors' keys (a skip of any of them excludes it). */
  lineage: string[];
  /** Its ancestors that are ITEMs: a NOT_APPLICABLE one excludes it. */
  ancestorItems: string[];
  /** The index of its top-level section in the snapshot's `sections`, or -1 when it is under none. */
  section: number;
  estimatedMinutes: number | null;
}

const places = new WeakMap<readonly ProgressNode[], Map<string, LeafPlace>>();

/** Each leaf's place in a tree in pre-order; kept as long as the tree is (trees of published versions are cached). */
export function leafPlaces(tree: readonly ProgressNode[]): Map<string, LeafPlace> {
  const known = places.get(tree);
  if (known) return known;
  const byKey = new Map(tree.map((node) => [node.key, node]));
  const parents = new Set<string>();
  for (const node of tree) if (node.parentKey !== null) parents.add(node.parentKey);
  const sectionIndex = new Map<string, number>();
  for (const node of tree) if (node.parentKey === null && node.kind === "SECTION") sectionIndex.set(node.key, sectionIndex.size);

  const found = new Map<string, LeafPlace>();
  for (const node of tree) {
    if (node.kind !== "ITEM" || parents.has(node.key)) continue;
    const lineage = [node.key];
    const ancestorItems: string[] = [];
    let top = node;
    for (let parent = node.parentKey === null ? undefined : byKey.get(node.parentKey); parent; parent = parent.parentKey === null ? undefined : byKey.get(parent.parentKey)) {
      lineage.push(parent.key);
      if (parent.kind === "ITEM") ancestorItems.push(parent.key);
      top = parent;
    }
    found.set(node.key, { lineage, ancestorItems, section: sectionIndex.get(top.key) ?? -1, estimatedMinutes: node.estimatedMinutes ?? null });
  }
  places.set(tree, found);
  return found;
}

export interface LeafChange {
  key: string;
  from: ProgressState;
  to: ProgressState;
}

export interface Exclusions {
  /** The assignment's skipped branches. */
  skipped: ReadonlySet<string>;
  /** The items currently NOT_APPLICABLE (only their ancestors' role matters here). */
  notApplicable: ReadonlySet<string>;
}

/**
 * The counts after one leaf's change, or null when `change.key` is not a leaf of
 * `tree` (count everything again). `counts` is not changed.
 */
export function applyLeafChange(counts: StoredCounts, tree: readonly ProgressNode[], change: LeafChange, exclusions: Exclusions): StoredCounts | null {
  const place = leafPlaces(tree).get(change.key);
  if (!place) return null;
  const next: StoredCounts = { track: { ...counts.track }, sections: counts.sections.map((entry) => [...entry]), minutes: [...counts.minutes] };
  const excluded = place.lineage.some((key) => exclusions.skipped.has(key)) || place.ancestorItems.some((key) => exclusions.notApplicable.has(key));
  if (excluded || change.from === change.to) return next;

  const section = place.section >= 0 ? next.sections[place.section] : undefined;
  const move = (state: ProgressState, sign: 1 | -1) => {
    if (state === "NOT_APPLICABLE") {
      next.track.notApplicable += sign;
      return;
    }
    next.track.total += sign;
    if (section) section[1] += sign;
    if (state === "DONE") {
      next.track.done += sign;
      if (section) section[0] += sign;
      next.minutes[0] += sign * (place.estimatedMinutes ?? 0);
    } else {
      if (state === "IN_PROGRESS") next.track.inProgress += sign;
      if (place.estimatedMinutes === null) next.minutes[2] += sign;
      else next.minutes[1] += sign * place.estimatedMinutes;
    }
  };
  move(change.from, -1);
  move(change.to, 1);

  next.track.percent = percentOf(next.track);
  // A section holding this leaf has at least one leaf: with nothing counted, all of them are excluded (100).
  if (section) section[2] = section[1] > 0 ? Math.floor((section[0] * 100) / section[1]) : 100;
  return next;
}
