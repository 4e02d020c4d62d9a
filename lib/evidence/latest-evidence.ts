/**
 * Each item's latest evidence status on one assignment, for the roadmap's rows and
 * filters ("waiting", "changes requested", "approved"). The roadmap is the hire's
 * hot path, so it is one statement however many items and attempts there are, on
 * the pool like the other hot reads (decision 0010), served by the unique index
 * (assignmentId, stableKey, number); org-scoped like every query (decision 0041).
 */
import { queryRows, sql } from "@/lib/db/sql";
import type { EvidenceStatus } from "@/lib/generated/prisma/enums";

export async function latestEvidenceByItem(organizationId: string, assignmentId: string): Promise<Record<string, EvidenceStatus>> {
  const rows = await queryRows<{ stableKey: string; status: EvidenceStatus }>(
    sql`SELECT DISTINCT ON ("stableKey") "stableKey", status::text AS status
      FROM "EvidenceAttempt"
      WHERE "organizationId" = ${organizationId} AND "assignmentId" = ${assignmentId}
      ORDER BY "stableKey", number DESC`,
    "evidence.latest-by-item",
  );
  const out: Record<string, EvidenceStatus> = {};
  for (const row of rows) out[row.stableKey] = row.status;
  return out;
}
