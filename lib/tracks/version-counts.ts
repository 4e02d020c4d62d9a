import type { DbClient } from "@/lib/db/client";
import type { NodeCounts } from "@/lib/progress/count-words";

export type { NodeCounts };

/**
 * Sections, topics and items of each version, in one grouped query (for lists and summaries), by
 * the one definition (lib/progress/count-words.ts, decision 0040): an item is an ITEM node without
 * children, a topic one with children. The child probe uses the (versionId, parentId, …) index.
 */
export async function versionCounts(db: DbClient, organizationId: string, versionIds: string[]): Promise<Map<string, NodeCounts>> {
  const counts = new Map<string, NodeCounts>(versionIds.map((id) => [id, { sections: 0, topics: 0, items: 0 }]));
  if (versionIds.length === 0) return counts;
  const rows = await db.$queryRaw<Array<{ versionId: string; sections: number; topics: number; items: number }>>`
    SELECT n."versionId",
           count(*) FILTER (WHERE n.kind = 'SECTION')::int AS sections,
           count(*) FILTER (WHERE n.kind = 'ITEM' AND n.parent)::int AS topics,
           count(*) FILTER (WHERE n.kind = 'ITEM' AND NOT n.parent)::int AS items
    FROM (
      SELECT t."versionId", t.kind,
             EXISTS (SELECT 1 FROM "TrackNode" c WHERE c."versionId" = t."versionId" AND c."parentId" = t.id) AS parent
      FROM "TrackNode" t
      WHERE t."organizationId" = ${organizationId} AND t."versionId" = ANY(${versionIds})
    ) n
    GROUP BY n."versionId"`;
  for (const row of rows) counts.set(row.versionId, { sections: row.sections, topics: row.topics, items: row.items });
  return counts;
}
