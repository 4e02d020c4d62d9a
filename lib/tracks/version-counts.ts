import type { DbClient } from "@/lib/db/client";

export interface NodeCounts {
  sections: number;
  items: number;
}

/** Sections and items of each version, in one grouped query (for lists and summaries). */
export async function versionCounts(db: DbClient, organizationId: string, versionIds: string[]): Promise<Map<string, NodeCounts>> {
  const counts = new Map<string, NodeCounts>(versionIds.map((id) => [id, { sections: 0, items: 0 }]));
  if (versionIds.length === 0) return counts;
  const groups = await db.trackNode.groupBy({ by: ["versionId", "kind"], where: { organizationId, versionId: { in: versionIds } }, _count: { _all: true } });
  for (const group of groups) {
    const entry = counts.get(group.versionId)!;
    if (group.kind === "SECTION") entry.sections = group._count._all;
    else entry.items = group._count._all;
  }
  return counts;
}
