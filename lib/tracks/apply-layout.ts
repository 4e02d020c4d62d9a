/**
 * Writes the result of a tree edit (tree-edit.ts) to a draft's rows with a fixed
 * number of statements whatever the size of the tree: delete what left, renumber
 * what moved, insert what arrived.
 */
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withParentKeys } from "@/lib/progress/node-tree";
import { insertNodes } from "./insert-nodes";
import type { Placed, TreeNode } from "./tree-edit";

/** A stored node as the tree operations see it, with its row id. */
export interface SkeletonNode extends TreeNode {
  id: string;
}

/** The draft's tree in pre-order, parents named by stable key. */
export async function readSkeleton(tx: DbClient, scope: { organizationId: string; versionId: string }): Promise<Placed<SkeletonNode>[]> {
  const rows = await tx.trackNode.findMany({
    where: scope,
    orderBy: { ordinal: "asc" },
    select: { id: true, stableKey: true, parentId: true, kind: true, position: true, depth: true, ordinal: true },
  });
  return withParentKeys(rows, (row, parentKey) => ({
    id: row.id,
    key: row.stableKey,
    parentKey,
    kind: row.kind,
    position: row.position,
    depth: row.depth,
    ordinal: row.ordinal,
  }));
}

/**
 * `after` is the whole tree once edited; nodes in it that `before` lacks must have
 * a row in `added`. The ordinal column is unique per version and checked row by
 * row, so nodes whose place changes first park on negative ordinals (free by
 * construction) and then take their final ones.
 */
export async function applyLayout(
  tx: DbClient,
  scope: { organizationId: string; versionId: string },
  before: readonly Placed<SkeletonNode>[],
  after: readonly Placed<SkeletonNode>[],
  added: ReadonlyMap<string, Prisma.TrackNodeCreateManyInput>,
): Promise<void> {
  const { versionId } = scope;
  const beforeByKey = new Map(before.map((node) => [node.key, node]));
  const afterKeys = new Set(after.map((node) => node.key));
  const idOf = new Map(after.map((node) => [node.key, node.id]));

  const removed = before.filter((node) => !afterKeys.has(node.key)).map((node) => node.key);
  if (removed.length > 0) {
    await tx.$executeRaw`DELETE FROM "TrackNode" WHERE "versionId" = ${versionId} AND "stableKey" = ANY(${removed}::text[])`;
  }

  const moved = after.filter((node) => {
    const old = beforeByKey.get(node.key);
    return old !== undefined && (old.parentKey !== node.parentKey || old.position !== node.position || old.depth !== node.depth || old.ordinal !== node.ordinal);
  });
  if (moved.length > 0) {
    const keys = moved.map((node) => node.key);
    await tx.$executeRaw`UPDATE "TrackNode" SET ordinal = -1 - ordinal WHERE "versionId" = ${versionId} AND "stableKey" = ANY(${keys}::text[])`;
    await tx.$executeRaw`
      UPDATE "TrackNode" AS node
      SET "parentId" = placed.parent_id, position = placed.position, depth = placed.depth, ordinal = placed.ordinal
      FROM unnest(
        ${keys}::text[],
        ${moved.map((node) => (node.parentKey === null ? null : idOf.get(node.parentKey)!))}::text[],
        ${moved.map((node) => node.position)}::int[],
        ${moved.map((node) => node.depth)}::int[],
        ${moved.map((node) => node.ordinal)}::int[]
      ) AS placed(key, parent_id, position, depth, ordinal)
      WHERE node."versionId" = ${versionId} AND node."stableKey" = placed.key`;
  }

  const inserted = after
    .filter((node) => !beforeByKey.has(node.key))
    .map((node) => ({
      ...added.get(node.key)!,
      parentId: node.parentKey === null ? null : idOf.get(node.parentKey)!,
      position: node.position,
      depth: node.depth,
      ordinal: node.ordinal,
    }));
  await insertNodes(tx, scope, inserted);
}
