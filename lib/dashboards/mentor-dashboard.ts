/**
 * The mentor's dashboard: each assignment the caller mentors (not archived), with
 * progress by track and section, what is in progress and since when, what waits
 * for review, the hire's last activity, and the flags (flags.ts). Progress and
 * last activity are the counts every write stores on the assignment
 * (progress-snapshot.ts, the manager's dashboard reads the same), so only the
 * items in progress are read, not every row. A constant number of statements
 * however many mentees: the organization, the assignments, their items in
 * progress, their attempts, and what is missing (trees not read yet, assignments
 * never counted).
 */
import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";
import { assignmentSelect, dayOf } from "@/lib/assignments/assignment-summary";
import { mentoredBy } from "@/lib/assignments/mentoring";
import { progressTrees } from "@/lib/progress/version-trees";
import { assignmentFlags } from "./flags";
import { readSnapshot, recountSnapshots, topSections } from "@/lib/progress/progress-snapshot";
import type { MenteeOut } from "./schema";

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export async function mentorDashboard(ctx: OrgContext, now = new Date()) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const [organization, rows] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { stuckAfterDays: true } }),
    db.assignment.findMany({
      where: { organizationId, status: { not: "ARCHIVED" }, ...mentoredBy(ctx.user.id) },
      select: { ...assignmentSelect, progressSnapshot: true, lastActivityAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const ids = rows.map((row) => row.id);
  const stale = rows.filter((row) => readSnapshot(row.progressSnapshot, row.versionId) === null);
  const runner = prismaRunner(db);
  const [trees, inProgressRows, attempts, recounted] = await Promise.all([
    progressTrees(runner, organizationId, rows.map((row) => row.versionId)),
    db.itemProgress.findMany({ where: { organizationId, assignmentId: { in: ids }, state: "IN_PROGRESS", archivedAt: null }, select: { assignmentId: true, stableKey: true, updatedAt: true } }),
    db.evidenceAttempt.findMany({
      where: { organizationId, assignmentId: { in: ids } },
      select: { id: true, assignmentId: true, stableKey: true, number: true, status: true, submittedAt: true },
      orderBy: [{ number: "desc" }],
    }),
    recountSnapshots(runner, organizationId, stale),
  ]);

  const inProgressOf = groupBy(inProgressRows, (item) => item.assignmentId);
  const attemptsOf = groupBy(attempts, (attempt) => attempt.assignmentId);
  const mentees: MenteeOut[] = rows.map((row) => {
    const tree = trees.get(row.versionId) ?? [];
    const titleOf = new Map(tree.map((node) => [node.key, node.title]));
    const snapshot = readSnapshot(row.progressSnapshot, row.versionId) ?? recounted.get(row.id)!;
    const tries = attemptsOf.get(row.id) ?? [];
    // The newest attempt of each item says where it stands.
    const newest = new Map<string, (typeof tries)[number]>();
    for (const attempt of tries) if (!newest.has(attempt.stableKey)) newest.set(attempt.stableKey, attempt);
    const inProgress = (inProgressOf.get(row.id) ?? [])
      .map((item) => ({ key: item.stableKey, title: titleOf.get(item.stableKey) ?? item.stableKey, since: item.updatedAt }))
      .sort((a, b) => a.since.getTime() - b.since.getTime());
    const pendingReviews = [...newest.values()]
      .filter((attempt) => attempt.status === "SUBMITTED")
      .map((attempt) => ({ attemptId: attempt.id, key: attempt.stableKey, title: titleOf.get(attempt.stableKey) ?? attempt.stableKey, number: attempt.number, submittedAt: attempt.submittedAt }))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const lastActivityAt = row.lastActivityAt;
    const dueDate = row.dueDate ? dayOf(row.dueDate) : null;
    return {
      assignment: { id: row.id, status: row.status, track: row.track, assignee: row.assignee, startDate: dayOf(row.startDate), dueDate, progress: snapshot.track },
      sections: topSections(tree).map((node, index) => {
        const [done, total, percent] = snapshot.sections[index]!;
        return { key: node.key, title: node.title, percent, done, total };
      }),
      lastActivityAt,
      inProgress,
      pendingReviews,
      flags: assignmentFlags({
        now,
        stuckAfterDays: organization.stuckAfterDays,
        status: row.status,
        dueDate,
        startDate: row.startDate,
        lastActivityAt,
        inProgressSince: inProgress.map((item) => item.since),
        unansweredChanges: [...newest.values()].filter((attempt) => attempt.status === "CHANGES_REQUESTED").length,
      }),
    };
  });
  // Who needs the mentor now comes first: flags and waiting reviews, then the rest by name.
  const weight = (mentee: MenteeOut) => Number(mentee.flags.stuck) + Number(mentee.flags.overdue) + Number(mentee.flags.unanswered) + Number(mentee.pendingReviews.length > 0);
  const nameOf = (mentee: MenteeOut) => mentee.assignment.assignee.name ?? mentee.assignment.assignee.email;
  mentees.sort((a, b) => weight(b) - weight(a) || nameOf(a).localeCompare(nameOf(b)));
  return { stuckAfterDays: organization.stuckAfterDays, mentees };
}
