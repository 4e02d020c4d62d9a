/**
 * Writes a version's nodes in one statement. Prisma's createMany sends every
 * value as its own parameter (12 × 718 for the seed) and spends most of the
 * import building that query; `unnest` over one array per column carries the same
 * rows in 13 parameters. Measured in bench/tracks.ts. The editor's additions use
 * it too, so every column a node can carry is written here.
 */
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function insertNodes(tx: DbClient, scope: { organizationId: string; versionId: string }, rows: Prisma.TrackNodeCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: Prisma.TrackNodeCreateManyInput) => T) => rows.map(pick);
  await tx.$executeRaw`
    INSERT INTO "TrackNode" ("organizationId", "versionId", "id", "parentId", "position", "depth", "ordinal", "kind", "title", "description", "optional", "evidenceRequired", "estimatedMinutes", "dueUnit", "dueCount", "resources", "stableKey", "verificationRequired")
    SELECT ${scope.organizationId}, ${scope.versionId}, node.*
    FROM unnest(
      ${column((row) => row.id!)}::text[],
      ${column((row) => row.parentId ?? null)}::text[],
      ${column((row) => row.position)}::int[],
      ${column((row) => row.depth)}::int[],
      ${column((row) => row.ordinal)}::int[],
      ${column((row) => row.kind)}::"TrackNodeKind"[],
      ${column((row) => row.title)}::text[],
      ${column((row) => row.description ?? null)}::text[],
      ${column((row) => row.optional ?? false)}::boolean[],
      ${column((row) => row.evidenceRequired ?? false)}::boolean[],
      ${column((row) => row.estimatedMinutes ?? null)}::int[],
      ${column((row) => row.dueUnit ?? null)}::"DueUnit"[],
      ${column((row) => row.dueCount ?? null)}::int[],
      ${column((row) => JSON.stringify(row.resources ?? []))}::jsonb[],
      ${column((row) => row.stableKey)}::text[],
      ${column((row) => row.verificationRequired ?? false)}::boolean[]
    ) AS node`;
}
