/**
 * Progress math, in one place: the server, the UI, the dashboards and the emails
 * all derive their numbers from summarizeProgress, so they always agree.
 *
 * The input is a track version's nodes in pre-order (a parent before its
 * children, siblings in order), the hire's states by node key, and the keys of
 * the branches the manager skipped. The rules:
 *
 * - Only leaves count: a leaf is an ITEM with no children. A SECTION never counts
 *   by itself, so an empty section has a total of 0.
 * - Every leaf lands in exactly one bucket, checked in this order:
 *   1. skipped: the leaf or one of its ancestors is in `skipped` (the manager's
 *      decision wins over anything the hire marked);
 *   2. notApplicable: the leaf or one of its ancestor ITEMs has the state
 *      NOT_APPLICABLE (marking a parent item N/A excludes its whole subtree);
 *   3. counted (in `total`), and then DONE, IN_PROGRESS or NOT_STARTED. A key
 *      missing from `states` is NOT_STARTED.
 *   So for any node: total + notApplicable + skipped = the leaves under it.
 * - States of SECTIONs are ignored, and so are states of non-leaf items other than
 *   NOT_APPLICABLE: a parent is done when its leaves are.
 * - Evidence-required leaves count like any other leaf; they reach DONE only
 *   through an approved review, which is enforced where states are written.
 * - percent is floor(100 · done / total), so it never shows 100 before every
 *   counted leaf is DONE. With nothing counted (total 0) it is 100 when there were
 *   leaves and all of them were skipped or not applicable (nothing is left to
 *   do), and 0 when there are no leaves at all (an empty section or track: there
 *   is nothing to be done, so nothing to be complete about).
 * - complete is exactly `percent === 100` for the whole track: every counted leaf
 *   is DONE and there is at least one leaf; an assignment whose every leaf was
 *   skipped or marked N/A is complete, one whose track has no items is not.
 *
 * Keys in `states` or `skipped` that are not in the tree are ignored (a skip may
 * name a branch of an older version). The work is linear in the number of nodes.
 */

export type ProgressState = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "NOT_APPLICABLE";

export interface ProgressNode {
  key: string;
  parentKey: string | null;
  kind: "SECTION" | "ITEM";
  title: string;
  evidenceRequired?: boolean;
  /** The manager's estimate for an item, in minutes; absent or null when unknown. */
  estimatedMinutes?: number | null;
}

/**
 * Estimated minutes of the counted items (neither skipped nor not applicable): of the done ones,
 * of the rest, and how many of the rest carry no estimate (decision 0030: the forecast's pace).
 */
export interface MinuteCounts {
  done: number;
  remaining: number;
  unestimated: number;
}

/**
 * Counts over the leaves under a node (or the whole track). `total` is the counted
 * leaves (neither skipped nor not applicable); `done` and `inProgress` are among
 * them; `percent` is an integer 0–100, rounded down.
 */
export interface Counts {
  total: number;
  done: number;
  inProgress: number;
  notApplicable: number;
  skipped: number;
  percent: number;
}

export interface NextUpItem {
  key: string;
  title: string;
  /** The nearest SECTION above the item, or null when the track has no sections. */
  sectionKey: string | null;
  /** IN_PROGRESS or NOT_STARTED. */
  state: ProgressState;
}

export interface ProgressSummary {
  /** The whole assignment. */
  track: Counts;
  /** For every SECTION and every ITEM with children: the counts over the leaves under it. */
  byNode: Map<string, Counts>;
  /** The first unfinished counted leaves in tree order, IN_PROGRESS and NOT_STARTED alike. */
  nextUp: NextUpItem[];
  /** Every counted leaf is DONE and the track has at least one leaf: `track.percent === 100`. */
  complete: boolean;
  /** Estimated minutes over the whole assignment's counted leaves; only when asked (`options.minutes`). */
  minutes?: MinuteCounts;
}

export interface SummarizeOptions {
  /** How many items nextUp lists at most; 5 when omitted. */
  nextUpLimit?: number;
  /** Also count the estimated minutes (`summary.minutes`). */
  minutes?: boolean;
}

export const DEFAULT_NEXT_UP_LIMIT = 5;

/** A refused input: duplicate keys, or a parent that does not come before its child. */
export class ProgressTreeError extends Error {
  override name = "ProgressTreeError";
}

/** Whether a node counts for progress: an ITEM with no children. Sections never do. */
export function isLeaf(node: Pick<ProgressNode, "kind">, hasChildren: boolean): boolean {
  return node.kind === "ITEM" && !hasChildren;
}

/** The keys of the leaves of a tree, in pre-order. */
export function leafKeys(nodes: readonly Pick<ProgressNode, "key" | "parentKey" | "kind">[]): string[] {
  const parents = new Set<string>();
  for (const node of nodes) if (node.parentKey !== null) parents.add(node.parentKey);
  return nodes.filter((node) => isLeaf(node, parents.has(node.key))).map((node) => node.key);
}

/**
 * The percentage for some counts, by the one rule used everywhere: floor(100 · done / total);
 * with nothing counted, 100 if some leaves were skipped or not applicable, otherwise 0.
 */
export function percentOf(counts: Omit<Counts, "percent">): number {
  if (counts.total > 0) return Math.floor((counts.done * 100) / counts.total);
  return counts.notApplicable + counts.skipped > 0 ? 100 : 0;
}

/** Whether counts are finished: the same as `percentOf(counts) === 100`. */
export function isComplete(counts: Omit<Counts, "percent">): boolean {
  return percentOf(counts) === 100;
}

/** Adds up counts (e.g. several assignments on a dashboard) and recomputes the percentage. */
export function sumCounts(list: Iterable<Omit<Counts, "percent">>): Counts {
  const sum = { total: 0, done: 0, inProgress: 0, notApplicable: 0, skipped: 0 };
  for (const counts of list) {
    sum.total += counts.total;
    sum.done += counts.done;
    sum.inProgress += counts.inProgress;
    sum.notApplicable += counts.notApplicable;
    sum.skipped += counts.skipped;
  }
  return { ...sum, percent: percentOf(sum) };
}

const COUNTED = 0;
const SKIPPED = 1;
const NOT_APPLICABLE = 2;
type Exclusion = typeof COUNTED | typeof SKIPPED | typeof NOT_APPLICABLE;

/** Summarizes one assignment's progress. Throws ProgressTreeError when `nodes` is not a tree in pre-order. */
export function summarizeProgress(
  nodes: readonly ProgressNode[],
  states: ReadonlyMap<string, ProgressState>,
  skipped: ReadonlySet<string>,
  options: SummarizeOptions = {},
): ProgressSummary {
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  const parentIndex = new Int32Array(n);
  const hasChildren = new Uint8Array(n);
  const exclusion = new Uint8Array(n);
  const sectionOf: (string | null)[] = new Array<string | null>(n);

  // Forward: index the nodes, and inherit exclusions and sections from the parent.
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    if (indexOf.has(node.key)) throw new ProgressTreeError(`Two nodes have the key ${node.key}.`);
    let parent = -1;
    if (node.parentKey !== null) {
      const found = indexOf.get(node.parentKey);
      if (found === undefined) throw new ProgressTreeError(`The parent of ${node.key} does not come before it.`);
      parent = found;
      hasChildren[parent] = 1;
    }
    indexOf.set(node.key, i);
    parentIndex[i] = parent;

    const inherited: Exclusion = parent < 0 ? COUNTED : (exclusion[parent] as Exclusion);
    let own: Exclusion = inherited;
    if (inherited !== SKIPPED && skipped.has(node.key)) own = SKIPPED;
    else if (inherited === COUNTED && node.kind === "ITEM" && states.get(node.key) === "NOT_APPLICABLE") own = NOT_APPLICABLE;
    exclusion[i] = own;

    sectionOf[i] = node.kind === "SECTION" ? node.key : parent < 0 ? null : sectionOf[parent]!;
  }

  // Backward: children come after their parent, so each node's counts are complete
  // when it is reached and can be added to its parent's.
  const total = new Int32Array(n);
  const done = new Int32Array(n);
  const inProgress = new Int32Array(n);
  const notApplicable = new Int32Array(n);
  const skippedLeaves = new Int32Array(n);
  const track = { total: 0, done: 0, inProgress: 0, notApplicable: 0, skipped: 0 };
  const minutes: MinuteCounts = { done: 0, remaining: 0, unestimated: 0 };
  const byNode = new Map<string, Counts>();
  const entries: [string, Counts][] = [];

  for (let i = n - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (isLeaf(node, hasChildren[i] === 1)) {
      const why = exclusion[i];
      if (why === SKIPPED) skippedLeaves[i] = 1;
      else if (why === NOT_APPLICABLE) notApplicable[i] = 1;
      else {
        total[i] = 1;
        const state = states.get(node.key);
        if (state === "DONE") done[i] = 1;
        else if (state === "IN_PROGRESS") inProgress[i] = 1;
        const estimate = node.estimatedMinutes ?? null;
        if (state === "DONE") minutes.done += estimate ?? 0;
        else if (estimate === null) minutes.unestimated += 1;
        else minutes.remaining += estimate;
      }
    } else if (node.kind === "SECTION" || hasChildren[i] === 1) {
      const counts = { total: total[i]!, done: done[i]!, inProgress: inProgress[i]!, notApplicable: notApplicable[i]!, skipped: skippedLeaves[i]! };
      entries.push([node.key, { ...counts, percent: percentOf(counts) }]);
    }
    const parent = parentIndex[i]!;
    if (parent >= 0) {
      total[parent]! += total[i]!;
      done[parent]! += done[i]!;
      inProgress[parent]! += inProgress[i]!;
      notApplicable[parent]! += notApplicable[i]!;
      skippedLeaves[parent]! += skippedLeaves[i]!;
    } else {
      track.total += total[i]!;
      track.done += done[i]!;
      track.inProgress += inProgress[i]!;
      track.notApplicable += notApplicable[i]!;
      track.skipped += skippedLeaves[i]!;
    }
  }
  // The map iterates in pre-order, like the nodes.
  for (let e = entries.length - 1; e >= 0; e--) byNode.set(entries[e]![0], entries[e]![1]);

  const limit = nextUpLimitOf(options.nextUpLimit);
  const nextUp: NextUpItem[] = [];
  for (let i = 0; i < n && nextUp.length < limit; i++) {
    const node = nodes[i]!;
    if (total[i] !== 1 || done[i] === 1 || !isLeaf(node, hasChildren[i] === 1)) continue;
    nextUp.push({ key: node.key, title: node.title, sectionKey: sectionOf[i]!, state: inProgress[i] === 1 ? "IN_PROGRESS" : "NOT_STARTED" });
  }

  const trackCounts: Counts = { ...track, percent: percentOf(track) };
  return { track: trackCounts, byNode, nextUp, complete: trackCounts.percent === 100, ...(options.minutes && { minutes }) };
}

function nextUpLimitOf(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_NEXT_UP_LIMIT;
  if (Number.isNaN(limit) || limit <= 0) return 0;
  return Math.floor(limit);
}

const TRANSITIONS: Readonly<Record<ProgressState, readonly ProgressState[]>> = {
  NOT_STARTED: ["IN_PROGRESS", "DONE", "NOT_APPLICABLE"],
  IN_PROGRESS: ["NOT_STARTED", "DONE", "NOT_APPLICABLE"],
  DONE: ["IN_PROGRESS", "NOT_STARTED"],
  NOT_APPLICABLE: ["NOT_STARTED", "IN_PROGRESS"],
};

/**
 * The states the hire may move an item to directly from `state`. An evidence-required
 * item never moves to DONE directly: it gets there when a reviewer approves its evidence.
 */
export function transitionsFrom(state: ProgressState, opts: { evidenceRequired: boolean }): ProgressState[] {
  const targets = TRANSITIONS[state];
  return opts.evidenceRequired ? targets.filter((target) => target !== "DONE") : [...targets];
}

/** Whether the hire may move an item from `from` to `to` directly (see transitionsFrom). */
export function canTransition(from: ProgressState, to: ProgressState, opts: { evidenceRequired: boolean }): boolean {
  return transitionsFrom(from, opts).includes(to);
}
