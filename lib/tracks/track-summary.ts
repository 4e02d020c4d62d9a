import type { Prisma } from "@/lib/generated/prisma/client";
import type { NodeCounts } from "./version-counts";
import { nodeCounts } from "@/lib/progress/count-words";
import type { TrackNodeOut, TrackSummary } from "./schema";

export const versionSummarySelect = { id: true, number: true, status: true, publishedAt: true, createdAt: true } as const satisfies Prisma.TrackVersionSelect;

type VersionRow = Prisma.TrackVersionGetPayload<{ select: typeof versionSummarySelect }>;
type TrackRow = Prisma.TrackGetPayload<{ select: { id: true; title: true; description: true; createdAt: true; updatedAt: true; archivedAt: true } }>;

const NO_NODES: NodeCounts = { sections: 0, topics: 0, items: 0 };

/** A version's sections, topics and items from its nodes as the API returns them (parents by row id). */
export function countsOfNodes(nodes: readonly Pick<TrackNodeOut, "id" | "parentId" | "kind">[]): NodeCounts {
  return nodeCounts(nodes.map((node) => ({ key: node.id, parentKey: node.parentId, kind: node.kind })));
}

export function toVersionSummary(row: VersionRow, counts: Map<string, NodeCounts>) {
  return { ...row, counts: counts.get(row.id) ?? NO_NODES };
}

export function toTrackSummary(track: TrackRow, latest: VersionRow | undefined, counts: Map<string, NodeCounts>): TrackSummary {
  const { id, title, description, createdAt, updatedAt, archivedAt } = track;
  return { id, title, description, createdAt, updatedAt, archivedAt, latestVersion: latest ? toVersionSummary(latest, counts) : null };
}
