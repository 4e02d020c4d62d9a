/**
 * An assignment's progress counts as the dashboards read them: the track's counts
 * and each top-level section's, from the same progress math as everything else.
 * Every progress write stores them on the assignment in its own transaction
 * (countAfterWrite, progress-write.ts), so the manager's dashboard reads 1,000
 * hires' progress as 1,000 small JSON values instead of counting 700,000 rows
 * (docs/decisions/0012-dashboard-counters.md); lib/dashboards only reads them. An assignment whose snapshot is
 * missing (made before the column, or written by the demo seed) or of an older
 * shape is counted on read and saved then.
 */
import { sql } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import { summarizeProgress } from "./progress-math";
import type { Counts, ProgressNode, ProgressSummary } from "./progress-math";
import { progressStates } from "./progress-states";
import { progressTrees } from "./version-trees";

/** Bumped when the shape changes: snapshots of another version are counted again on read. */
export const SNAPSHOT_VERSION = 2 as const;

export interface ProgressSnapshot {
  v: typeof SNAPSHOT_VERSION;
  /** The version counted: `sections` follows its top-level sections, in order. */
  versionId: string;
  track: Counts;
  /**
   * [done, total, percent] of each top-level section, without keys: the dashboard
   * reads a thousand of these per request, and the version's tree (kept in memory)
   * names them.
   */
  sections: Array<[done: number, total: number, percent: number]>;
  /** Estimated minutes of the counted items done and left, and how many left have no estimate (v2). */
  minutes: [done: number, remaining: number, unestimated: number];
}

/** A version's top-level sections, in order: what a snapshot's `sections` follows. */
export function topSections<Node extends Pick<ProgressNode, "parentKey" | "kind">>(tree: readonly Node[]): Node[] {
  return tree.filter((node) => node.parentKey === null && node.kind === "SECTION");
}

/** The counts worth keeping from a summary: the track's and each top-level section's. */
export function snapshotOf(versionId: string, tree: readonly ProgressNode[], summary: ProgressSummary): ProgressSnapshot {
  return {
    v: SNAPSHOT_VERSION,
    versionId,
    track: summary.track,
    minutes: summary.minutes ? [summary.minutes.done, summary.minutes.remaining, summary.minutes.unestimated] : [0, 0, 0],
    sections: topSections(tree).map((node) => {
      const counts = summary.byNode.get(node.key)!;
      return [counts.done, counts.total, counts.percent];
    }),
  };
}

/**
 * A stored snapshot if it is of the current shape and counts the assignment's
 * version, else null (count again). Only those are checked: Cairn alone writes the
 * column, always through snapshotOf, and the dashboard reads a thousand per request.
 */
export function readSnapshot(value: unknown, versionId: string): ProgressSnapshot | null {
  const snapshot = value as Partial<ProgressSnapshot> | null;
  return typeof snapshot === "object" && snapshot !== null && snapshot.v === SNAPSHOT_VERSION && snapshot.versionId === versionId ? (snapshot as ProgressSnapshot) : null;
}

/**
 * Counts the given assignments from their progress rows and saves the snapshots:
 * two statements however many (the states, then one UPDATE), plus the version
 * trees the process has not read yet.
 */
export async function recountSnapshots(
  runner: SqlRunner,
  organizationId: string,
  assignments: ReadonlyArray<{ id: string; versionId: string; skippedKeys: string[] }>,
): Promise<Map<string, ProgressSnapshot>> {
  const counted = new Map<string, ProgressSnapshot>();
  if (assignments.length === 0) return counted;
  const ids = assignments.map((assignment) => assignment.id);
  // One after the other: a tree-cache miss reads on this runner's connection too.
  const trees = await progressTrees(runner, organizationId, assignments.map((assignment) => assignment.versionId));
  const states = await progressStates(runner, organizationId, ids);
  for (const assignment of assignments) {
    const tree = trees.get(assignment.versionId) ?? [];
    const summary = summarizeProgress(tree, states.get(assignment.id) ?? new Map(), new Set(assignment.skippedKeys), { nextUpLimit: 0, minutes: true });
    counted.set(assignment.id, snapshotOf(assignment.versionId, tree, summary));
  }
  await runner.rows(sql`
    UPDATE "Assignment" a SET "progressSnapshot" = counted.snapshot
    FROM unnest(${ids}::text[], ${ids.map((id) => JSON.stringify(counted.get(id)))}::jsonb[]) AS counted(id, snapshot)
    WHERE a.id = counted.id AND a."organizationId" = ${organizationId}
      -- A write that committed meanwhile saved newer counts: keep them.
      AND (a."progressSnapshot" IS NULL OR (a."progressSnapshot" ->> 'v') IS DISTINCT FROM ${String(SNAPSHOT_VERSION)}
           OR (a."progressSnapshot" ->> 'versionId') IS DISTINCT FROM a."versionId")`);
  return counted;
}
