/**
 * What changed between two versions of a track, node by node. Nodes are matched
 * by stableKey (ids differ per version), so a renamed or moved node is the same
 * node, not a removal plus an addition. Pure: both trees are read in memory.
 */
import type { DiffField, VersionDiff } from "./diff-schema";
import type { TrackNodeOut } from "./schema";

type Node = TrackNodeOut;

interface Indexed {
  byKey: Map<string, Node>;
  /** null for a top-level node. */
  parentKey: Map<string, string | null>;
  /** Child keys of each parent key ("" for the top level), in sibling order. */
  children: Map<string, string[]>;
  path: (key: string) => string[];
}

const TOP = "";

function index(nodes: readonly Node[]): Indexed {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const byKey = new Map(nodes.map((node) => [node.stableKey, node]));
  const parentKey = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  const sorted = [...nodes].sort((a, b) => a.position - b.position || a.ordinal - b.ordinal);
  for (const node of sorted) {
    const parent = node.parentId === null ? null : (byId.get(node.parentId)?.stableKey ?? null);
    parentKey.set(node.stableKey, parent);
    const siblings = children.get(parent ?? TOP) ?? [];
    siblings.push(node.stableKey);
    children.set(parent ?? TOP, siblings);
  }
  const paths = new Map<string, string[]>();
  const path = (key: string): string[] => {
    const known = paths.get(key);
    if (known) return known;
    const parent = parentKey.get(key) ?? null;
    const result = parent === null ? [] : [...path(parent), byKey.get(parent)!.title];
    paths.set(key, result);
    return result;
  };
  return { byKey, parentKey, children, path };
}

/** Nodes of `nodes` missing from `other`, as subtree tops with how many missing nodes sit below each. */
function onlyIn(nodes: readonly Node[], own: Indexed, other: Indexed) {
  const missing = (key: string) => !other.byKey.has(key);
  const below = new Map<string, number>();
  const tops: Node[] = [];
  for (const node of [...nodes].sort((a, b) => a.ordinal - b.ordinal)) {
    if (!missing(node.stableKey)) continue;
    // The nearest ancestor that is also missing, following missing parents only.
    let top = node.stableKey;
    for (let parent = own.parentKey.get(top) ?? null; parent !== null && missing(parent); parent = own.parentKey.get(parent) ?? null) top = parent;
    if (top === node.stableKey) tops.push(node);
    else below.set(top, (below.get(top) ?? 0) + 1);
  }
  return tops.map((node) => ({ stableKey: node.stableKey, kind: node.kind, title: node.title, path: own.path(node.stableKey), descendants: below.get(node.stableKey) ?? 0 }));
}

/**
 * Indexes (into `sequence`) of one longest strictly increasing subsequence, by
 * patience sorting in O(n log n). Siblings outside it are the fewest that must
 * have moved to turn one order into the other.
 */
export function longestIncreasingSubsequence(sequence: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: index of the smallest tail of an increasing run of length k + 1
  const previous: number[] = new Array<number>(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]!]! < sequence[i]!) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) kept.add(i);
  return kept;
}

/** Keys of the siblings shared by both versions under each parent whose relative order changed. */
function reordered(from: Indexed, to: Indexed): Set<string> {
  const moved = new Set<string>();
  for (const [parent, toSiblings] of to.children) {
    const fromSiblings = from.children.get(parent);
    if (!fromSiblings) continue;
    const fromRank = new Map(fromSiblings.map((key, rank) => [key, rank]));
    const common = toSiblings.filter((key) => fromRank.has(key));
    const kept = longestIncreasingSubsequence(common.map((key) => fromRank.get(key)!));
    common.forEach((key, i) => {
      if (!kept.has(i)) moved.add(key);
    });
  }
  return moved;
}

const sameResources = (a: Node["resources"], b: Node["resources"]) =>
  a.length === b.length && a.every((resource, i) => resource.url === b[i]!.url && (resource.title ?? null) === (b[i]!.title ?? null));

function changedFields(a: Node, b: Node): DiffField[] {
  const fields: DiffField[] = [];
  if (a.kind !== b.kind) fields.push("kind");
  if (a.description !== b.description) fields.push("description");
  if (a.optional !== b.optional) fields.push("optional");
  if (a.evidenceRequired !== b.evidenceRequired) fields.push("evidenceRequired");
  if (a.verificationRequired !== b.verificationRequired) fields.push("verificationRequired");
  if (a.estimatedMinutes !== b.estimatedMinutes) fields.push("estimatedMinutes");
  if (a.due?.unit !== b.due?.unit || a.due?.count !== b.due?.count) fields.push("due");
  if (!sameResources(a.resources, b.resources)) fields.push("resources");
  return fields;
}

/**
 * The changes that turn version `from` into version `to`. Entries follow the
 * pre-order of the version they are listed from (`to`, except removals).
 */
export function diffVersions(from: readonly Node[], to: readonly Node[]): VersionDiff {
  const a = index(from);
  const b = index(to);
  const added = onlyIn(to, b, a);
  const removed = onlyIn(from, a, b);
  const inOrder = reordered(a, b);

  const renamed: VersionDiff["renamed"] = [];
  const moved: VersionDiff["moved"] = [];
  const changed: VersionDiff["changed"] = [];
  for (const node of [...to].sort((x, y) => x.ordinal - y.ordinal)) {
    const before = a.byKey.get(node.stableKey);
    if (!before) continue;
    const key = node.stableKey;
    const entry = { stableKey: key, kind: node.kind, title: node.title };
    if (before.title !== node.title) renamed.push({ ...entry, fromTitle: before.title, toTitle: node.title, path: b.path(key) });
    const parentMoved = a.parentKey.get(key) !== b.parentKey.get(key);
    if (parentMoved || inOrder.has(key)) {
      moved.push({ ...entry, reason: parentMoved ? "parent" : "order", fromPath: a.path(key), toPath: b.path(key), fromPosition: before.position, toPosition: node.position });
    }
    const fields = changedFields(before, node);
    if (fields.length > 0) changed.push({ ...entry, path: b.path(key), fields });
  }

  const total = (entries: ReadonlyArray<{ descendants: number }>) => entries.reduce((sum, entry) => sum + 1 + entry.descendants, 0);
  return {
    counts: { added: total(added), removed: total(removed), renamed: renamed.length, moved: moved.length, changed: changed.length },
    added,
    removed,
    renamed,
    moved,
    changed,
  };
}
