/**
 * The hire's states as progress reads them: the current (not archived) rows that
 * left NOT_STARTED, by stable key. A missing key is NOT_STARTED (progress-math.ts).
 */
import { sql } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import type { ProgressState } from "./progress-math";

/** Current (not archived) states of each assignment's items, by stable key. */
export async function progressStates(runner: SqlRunner, organizationId: string, assignmentIds: string[]): Promise<Map<string, Map<string, ProgressState>>> {
  const states = new Map<string, Map<string, ProgressState>>(assignmentIds.map((id) => [id, new Map()]));
  if (assignmentIds.length === 0) return states;
  // Plain SQL: this runs inside every progress write.
  const rows = await runner.rows<{ assignmentId: string; stableKey: string; state: ProgressState }>(sql`
    SELECT "assignmentId", "stableKey", state::text AS state FROM "ItemProgress"
    WHERE "organizationId" = ${organizationId} AND "assignmentId" = ANY(${assignmentIds}::text[]) AND "archivedAt" IS NULL AND state <> 'NOT_STARTED'`);
  for (const row of rows) states.get(row.assignmentId)!.set(row.stableKey, row.state);
  return states;
}
