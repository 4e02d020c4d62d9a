/**
 * Assignment rows → the API's summaries, with each one's progress counted by the
 * one progress module (lib/progress) so every page shows the same numbers. A page
 * of summaries costs three queries whatever its size: the rows, the trees of the
 * versions they use (each read once), and their progress rows.
 */
import type { DbClient } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { summarizeProgress } from "@/lib/progress/progress-math";
import type { ProgressSummary } from "@/lib/progress/progress-math";
import { progressStates } from "@/lib/progress/progress-states";
import { progressTrees } from "@/lib/progress/version-trees";
import { currentMentorLinks } from "./mentoring";
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
