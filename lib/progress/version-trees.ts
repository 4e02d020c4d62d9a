/**
 * Version trees as the progress module reads them, cached (server only: the
 * pure conversion from stored rows is node-tree.ts, which the browser uses too).
 * Assignments point at published versions, which never change, so their trees are kept in memory
 * (a small LRU per process, keyed by organization and version): counting an
 * assignment after each progress write then needs no read of its 700 nodes.
 * Drafts are read every time and never kept. A miss is read with the caller's
 * runner: inside a write's transaction, on its connection (asking the pool for a
 * second one while holding the first can deadlock under load).
 */
import { sql } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import { toProgressNodes } from "./node-tree";
import type { ProgressNode } from "./progress-math";

const MAX_TREES = 32;
const cache = new Map<string, ProgressNode[]>();

const cacheKey = (organizationId: string, versionId: string) => `${organizationId}:${versionId}`;

function remember(key: string, tree: ProgressNode[]): void {
  cache.delete(key);
  cache.set(key, tree);
  // A Map iterates in insertion order: the first key is the least recently used.
  if (cache.size > MAX_TREES) cache.delete(cache.keys().next().value!);
}

/** Each version's tree in pre-order; versions of another organization come back empty. */
export async function progressTrees(runner: SqlRunner, organizationId: string, versionIds: string[]): Promise<Map<string, ProgressNode[]>> {
  const trees = new Map<string, ProgressNode[]>();
  const misses: string[] = [];
  for (const versionId of new Set(versionIds)) {
    const cached = cache.get(cacheKey(organizationId, versionId));
    if (cached) {
      remember(cacheKey(organizationId, versionId), cached);
      trees.set(versionId, cached);
    } else {
      trees.set(versionId, []);
      misses.push(versionId);
    }
  }
  if (misses.length === 0) return trees;

  const published = new Set(
    (await runner.rows<{ id: string }>(sql`SELECT id FROM "TrackVersion" WHERE "organizationId" = ${organizationId} AND id = ANY(${misses}::text[]) AND status = 'PUBLISHED'`)).map(
      (version) => version.id,
    ),
  );
  const rows = await runner.rows<{ versionId: string; id: string; parentId: string | null; stableKey: string; kind: "SECTION" | "ITEM"; title: string; evidenceRequired: boolean; estimatedMinutes: number | null }>(sql`
    SELECT "versionId", id, "parentId", "stableKey", kind::text AS kind, title, "evidenceRequired", "estimatedMinutes" FROM "TrackNode"
    WHERE "organizationId" = ${organizationId} AND "versionId" = ANY(${misses}::text[])
    ORDER BY "versionId", ordinal`);
  // One conversion for all the versions read: a parent is always in its child's version.
  const nodes = toProgressNodes(rows);
  rows.forEach((row, index) => trees.get(row.versionId)!.push(nodes[index]!));
  for (const versionId of misses) if (published.has(versionId)) remember(cacheKey(organizationId, versionId), trees.get(versionId)!);
  return trees;
}

/** One version's tree (see progressTrees). */
export async function progressTree(runner: SqlRunner, organizationId: string, versionId: string): Promise<ProgressNode[]> {
  return (await progressTrees(runner, organizationId, [versionId])).get(versionId)!;
}
