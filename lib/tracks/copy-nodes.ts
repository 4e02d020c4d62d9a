/**
 * Copies every node of one version into another in one statement: the same
 * stable keys, tree, ordinals and per-item fields, under new ids. The new ids are
 * made here (node-rows.ts) and passed as one array beside the old ones, so a
 * node's parent maps through the same pairs and stays within the new version,
 * as the composite foreign key requires.
 */
import type { DbClient } from "@/lib/db/client";
import { newNodeId } from "./node-rows";

export async function copyNodes(tx: DbClient, scope: { organizationId: string; fromVersionId: string; toVersionId: string }): Promise<number> {
  const { organizationId, fromVersionId, toVersionId } = scope;
  const sources = await tx.trackNode.findMany({ where: { organizationId, versionId: fromVersionId }, select: { id: true } });
  if (sources.length === 0) return 0;
  const oldIds = sources.map((node) => node.id);
  const newIds = oldIds.map(() => newNodeId());
  const copied = await tx.$executeRaw`
    INSERT INTO "TrackNode" ("organizationId", "versionId", "id", "parentId", "position", "depth", "ordinal", "kind", "title", "description", "optional", "evidenceRequired", "estimatedMinutes", "dueUnit", "dueCount", "stableKey", "resources", "verificationRequired")
    SELECT src."organizationId", ${toVersionId}, ids.new_id, parent_ids.new_id, src."position", src."depth", src."ordinal", src."kind", src."title",
           src."description", src."optional", src."evidenceRequired", src."estimatedMinutes", src."dueUnit", src."dueCount", src."stableKey", src."resources", src."verificationRequired"
    FROM "TrackNode" src
    JOIN unnest(${oldIds}::text[], ${newIds}::text[]) AS ids(old_id, new_id) ON ids.old_id = src."id"
    LEFT JOIN unnest(${oldIds}::text[], ${newIds}::text[]) AS parent_ids(old_id, new_id) ON parent_ids.old_id = src."parentId"
    WHERE src."versionId" = ${fromVersionId} AND src."organizationId" = ${organizationId}`;
  if (copied !== oldIds.length) throw new Error(`copyNodes: copied ${copied} of ${oldIds.length} nodes`);
  return copied;
}
