/**
 * Assignment rows → the API's summaries, with each one's progress counted by the
 * one progress module (lib/progress) so every page shows the same numbers. A page
 * of summaries costs three queries whatever its size: the rows, the trees of the
 * versions they use (each read once), and their progress rows.
 */
import type { DbClient } from "@/lib/db/client";
import { prismaRunner, sql } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { summarizeProgress } from "@/lib/progress/progress-math";
import type { ProgressState, ProgressSummary } from "@/lib/progress/progress-math";
import { currentMentorLinks } from "./mentoring";
import { progressTrees } from "./version-trees";
import type { AssignmentSummary } from "./schema";

const personSelect = { id: true, name: true, email: true } as const;

export const assignmentSelect = {
  id: true,
  status: true,
  versionId: true,
  assigneeId: true,
  startDate: true,
  dueDate: true,
  skippedKeys: true,
  completedAt: true,
  archivedAt: true,
  createdAt: true,
  track: { select: { id: true, title: true } },
  version: { select: { id: true, number: true } },
  assignee: { select: personSelect },
  // Only the links that count (mentoring.ts): readAssignment decides who sees notes from them.
  mentors: { where: currentMentorLinks(), select: { mentor: { select: personSelect } }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.AssignmentSelect;

export type AssignmentRow = Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }>;

/** "2026-12-01": dates are calendar days, stored at UTC midnight. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function todayUtc(now = new Date()): string {
  return dayOf(now);
}

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

export function toAssignmentSummary(row: AssignmentRow, summary: ProgressSummary, today = todayUtc()): AssignmentSummary {
  const dueDate = row.dueDate ? dayOf(row.dueDate) : null;
  return {
    id: row.id,
    status: row.status,
    track: row.track,
    version: row.version,
    assignee: row.assignee,
    mentors: row.mentors.map((entry) => entry.mentor),
    startDate: dayOf(row.startDate),
    dueDate,
    overdue: row.status === "ACTIVE" && dueDate !== null && dueDate < today,
    skippedKeys: row.skippedKeys,
    completedAt: row.completedAt,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    progress: summary.track,
  };
}

export async function summarizeAssignments(db: DbClient, organizationId: string, rows: AssignmentRow[]): Promise<AssignmentSummary[]> {
  const trees = await progressTrees(prismaRunner(db), organizationId, [...new Set(rows.map((row) => row.versionId))]);
  const states = await progressStates(prismaRunner(db), organizationId, rows.map((row) => row.id));
  const today = todayUtc();
  return rows.map((row) => toAssignmentSummary(row, summarizeProgress(trees.get(row.versionId)!, states.get(row.id)!, new Set(row.skippedKeys)), today));
}
