/**
 * Stored track nodes → trees keyed by stable key: the one conversion that the
 * version-tree cache (version-trees.ts), the assignment read, the track editor's
 * layout writes (lib/tracks/apply-layout.ts) and the assign form's skip options
 * (components/assignments/skip-options.ts) all use.
 *
 * The database and the API name a node's parent by row id; progress, skips and
 * tree edits name nodes by stable key, which survives versions. Pure (it imports
 * only progress-math.ts) so client components use it too: anything that reads the
 * database stays out of this file (eslint.config.mjs enforces it).
 */
import { ProgressTreeError } from "./progress-math";
import type { ProgressNode } from "./progress-math";

/** The link fields of a stored node: its row id, its parent's row id, its stable key. */
export interface LinkedNodeRow {
  id: string;
  parentId: string | null;
  stableKey: string;
}

/**
 * Each row shaped by `shape`, given the stable key of its parent (null at the
 * top), in the rows' order. A parent id that names no row in `rows` is refused
 * (ProgressTreeError): the rows are always a whole version, so that is a broken tree.
 */
export function withParentKeys<Row extends LinkedNodeRow, Node>(rows: readonly Row[], shape: (row: Row, parentKey: string | null) => Node): Node[] {
  const keyOf = new Map(rows.map((row) => [row.id, row.stableKey]));
  return rows.map((row) => {
    if (row.parentId === null) return shape(row, null);
    const parentKey = keyOf.get(row.parentId);
    if (parentKey === undefined) throw new ProgressTreeError(`The parent of ${row.stableKey} is not in the tree.`);
    return shape(row, parentKey);
  });
}

/** A stored node with what progress reads of it; the optional fields are copied when present. */
export interface ProgressNodeRow extends LinkedNodeRow {
  kind: ProgressNode["kind"];
  title: string;
  evidenceRequired?: boolean;
  estimatedMinutes?: number | null;
}

/** Stored nodes in pre-order → the tree summarizeProgress takes (progress-math.ts). */
export function toProgressNodes(rows: readonly ProgressNodeRow[]): ProgressNode[] {
  return withParentKeys(rows, (row, parentKey) => ({
    key: row.stableKey,
    parentKey,
    kind: row.kind,
    title: row.title,
    ...(row.evidenceRequired !== undefined && { evidenceRequired: row.evidenceRequired }),
    ...(row.estimatedMinutes !== undefined && { estimatedMinutes: row.estimatedMinutes }),
  }));
}
