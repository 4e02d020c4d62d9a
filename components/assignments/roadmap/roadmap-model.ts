/**
 * An assignment's tree as the roadmap page reads it: nodes by stable key (the API
 * links parents by row id), each with what the page asks of it again and again
 * (children, leaf or not, skipped, its section), built once per version and kept
 * while only progress changes.
 */
import type { ProgressNode, ProgressState } from "@/lib/progress/progress-math";
import type { AssignmentDetailJson, ItemProgressJson, TrackNodeJson } from "./types";

export interface RoadmapNode {
  key: string;
  parentKey: string | null;
  kind: "SECTION" | "ITEM";
  title: string;
  /** The title in lower case, for the search box. */
  searchText: string;
  /** 0 at the top. */
  depth: number;
  /** Where its subtree ends in pre-order: its descendants are the nodes at (index, end). */
  end: number;
  childCount: number;
  /** Counts for progress: an ITEM with no children (lib/progress). */
  leaf: boolean;
  /** The manager skipped it or a branch above it. */
  skipped: boolean;
  /** The nearest SECTION at or above it. */
  sectionKey: string | null;
  source: TrackNodeJson;
}

export interface RoadmapModel {
  nodes: RoadmapNode[];
  indexOf: ReadonlyMap<string, number>;
  /** The same tree as summarizeProgress takes it. */
  progressNodes: ProgressNode[];
  skipped: ReadonlySet<string>;
}

export function buildRoadmapModel(source: readonly TrackNodeJson[], skippedKeys: readonly string[]): RoadmapModel {
  const keyOfId = new Map(source.map((node) => [node.id, node.stableKey]));
  const skipped = new Set(skippedKeys);
  const indexOf = new Map<string, number>();
  const nodes: RoadmapNode[] = [];
  for (const node of source) {
    const parentKey = node.parentId === null ? null : (keyOfId.get(node.parentId) ?? null);
    const parentIndex = parentKey === null ? undefined : indexOf.get(parentKey);
    const parent = parentIndex === undefined ? null : nodes[parentIndex]!;
    if (parent) parent.childCount += 1;
    indexOf.set(node.stableKey, nodes.length);
    nodes.push({
      key: node.stableKey,
      parentKey,
      kind: node.kind,
      title: node.title,
      searchText: node.title.toLowerCase(),
      depth: parent ? parent.depth + 1 : 0,
      end: nodes.length + 1,
      childCount: 0,
      leaf: false,
      skipped: skipped.has(node.stableKey) || (parent?.skipped ?? false),
      sectionKey: node.kind === "SECTION" ? node.stableKey : (parent?.sectionKey ?? null),
      source: node,
    });
  }
  // Backward, children before parents: each subtree's end is the furthest end below it.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    node.leaf = node.kind === "ITEM" && node.childCount === 0;
    const parentIndex = node.parentKey === null ? undefined : indexOf.get(node.parentKey);
    if (parentIndex !== undefined) nodes[parentIndex]!.end = Math.max(nodes[parentIndex]!.end, node.end);
  }
  const progressNodes = nodes.map((node) => ({ key: node.key, parentKey: node.parentKey, kind: node.kind, title: node.title, evidenceRequired: node.source.evidenceRequired }));
  return { nodes, indexOf, progressNodes, skipped };
}

const models = new WeakMap<readonly TrackNodeJson[], { skippedKeys: readonly string[]; model: RoadmapModel }>();

/**
 * The model of a detail, built once: optimistic updates keep the `nodes` and
 * `skippedKeys` arrays of the cached detail, so every change reuses it.
 */
export function roadmapModelOf(detail: Pick<AssignmentDetailJson, "nodes"> & { assignment: { skippedKeys: readonly string[] } }): RoadmapModel {
  const cached = models.get(detail.nodes);
  if (cached && cached.skippedKeys === detail.assignment.skippedKeys) return cached.model;
  const model = buildRoadmapModel(detail.nodes, detail.assignment.skippedKeys);
  models.set(detail.nodes, { skippedKeys: detail.assignment.skippedKeys, model });
  return model;
}

/** The hire's states by key, as the server counts them: archived rows (items no longer in the version) are left out. */
export function statesOf(progress: readonly ItemProgressJson[]): Map<string, ProgressState> {
  const states = new Map<string, ProgressState>();
  for (const row of progress) if (!row.archived) states.set(row.stableKey, row.state);
  return states;
}

/**
 * What a node shows and filters by: SKIPPED (the manager's decision wins),
 * NOT_APPLICABLE (its own or an item's above it, which leaves the whole
 * subtree out), or its own state.
 */
export type EffectiveState = ProgressState | "SKIPPED";

export function effectiveStates(model: RoadmapModel, states: ReadonlyMap<string, ProgressState>): EffectiveState[] {
  const out: EffectiveState[] = new Array<EffectiveState>(model.nodes.length);
  model.nodes.forEach((node, index) => {
    const parentIndex = node.parentKey === null ? undefined : model.indexOf.get(node.parentKey);
    const inherited = parentIndex === undefined ? null : out[parentIndex]!;
    const own = node.kind === "ITEM" ? (states.get(node.key) ?? "NOT_STARTED") : "NOT_STARTED";
    if (node.skipped) out[index] = "SKIPPED";
    else if (inherited === "NOT_APPLICABLE" || own === "NOT_APPLICABLE") out[index] = "NOT_APPLICABLE";
    else out[index] = own;
  });
  return out;
}

/** The keys of the nodes above one, nearest first. */
export function ancestorsOf(model: RoadmapModel, key: string): string[] {
  const out: string[] = [];
  let at = model.nodes[model.indexOf.get(key) ?? -1]?.parentKey ?? null;
  while (at !== null) {
    out.push(at);
    at = model.nodes[model.indexOf.get(at)!]!.parentKey;
  }
  return out;
}
