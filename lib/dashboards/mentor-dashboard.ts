/**
 * The mentor's dashboard: each assignment the caller mentors (not archived), with
 * progress by track and section, what is in progress and since when, what waits
 * for review, the hire's last activity, and the flags (flags.ts). A constant
 * number of statements however many mentees: the organization, the assignments,
 * their progress rows, their attempts, and (once per process) the version trees.
 */
import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";
import { assignmentSelect, dayOf, toAssignmentSummary } from "@/lib/assignments/assignment-summary";
import { progressTrees } from "@/lib/assignments/version-trees";
import { summarizeProgress } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { assignmentFlags } from "./flags";
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

const latest = (dates: readonly Date[]) => (dates.length === 0 ? null : new Date(Math.max(...dates.map((date) => date.getTime()))));

export async function mentorDashboard(ctx: OrgContext, now = new Date()) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const [organization, rows] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { stuckAfterDays: true } }),
    db.assignment.findMany({
      where: { organizationId, status: { not: "ARCHIVED" }, mentors: { some: { mentorId: ctx.user.id } } },
      select: assignmentSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const ids = rows.map((row) => row.id);
  const [trees, progress, attempts] = await Promise.all([
    progressTrees(prismaRunner(db), organizationId, rows.map((row) => row.versionId)),
    db.itemProgress.findMany({ where: { organizationId, assignmentId: { in: ids }, archivedAt: null }, select: { assignmentId: true, stableKey: true, state: true, updatedAt: true, updatedById: true } }),
    db.evidenceAttempt.findMany({
      where: { organizationId, assignmentId: { in: ids } },
      select: { id: true, assignmentId: true, stableKey: true, number: true, status: true, submittedAt: true, submittedById: true },
      orderBy: [{ number: "desc" }],
    }),
  ]);

  const progressOf = groupBy(progress, (item) => item.assignmentId);
  const attemptsOf = groupBy(attempts, (attempt) => attempt.assignmentId);
  const mentees: MenteeOut[] = rows.map((row) => {
    const tree = trees.get(row.versionId) ?? [];
    const titleOf = new Map(tree.map((node) => [node.key, node.title]));
    const own = progressOf.get(row.id) ?? [];
    const states = new Map<string, ProgressState>(own.map((item) => [item.stableKey, item.state]));
    const summary = summarizeProgress(tree, states, new Set(row.skippedKeys), { nextUpLimit: 0 });
    const tries = attemptsOf.get(row.id) ?? [];
    // The newest attempt of each item says where it stands.
    const newest = new Map<string, (typeof tries)[number]>();
    for (const attempt of tries) if (!newest.has(attempt.stableKey)) newest.set(attempt.stableKey, attempt);
    const inProgress = own
      .filter((item) => item.state === "IN_PROGRESS")
      .map((item) => ({ key: item.stableKey, title: titleOf.get(item.stableKey) ?? item.stableKey, since: item.updatedAt }))
      .sort((a, b) => a.since.getTime() - b.since.getTime());
    const pendingReviews = [...newest.values()]
      .filter((attempt) => attempt.status === "SUBMITTED")
      .map((attempt) => ({ attemptId: attempt.id, key: attempt.stableKey, title: titleOf.get(attempt.stableKey) ?? attempt.stableKey, number: attempt.number, submittedAt: attempt.submittedAt }))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const lastActivityAt = latest([
      ...own.filter((item) => item.updatedById === row.assigneeId).map((item) => item.updatedAt),
      ...tries.filter((attempt) => attempt.submittedById === row.assigneeId).map((attempt) => attempt.submittedAt),
    ]);
    const assignment = toAssignmentSummary(row, summary, dayOf(now));
    return {
      assignment: { id: row.id, status: row.status, track: row.track, assignee: row.assignee, startDate: assignment.startDate, dueDate: assignment.dueDate, progress: summary.track },
      sections: tree
        .filter((node) => node.parentKey === null && node.kind === "SECTION")
        .map((node) => {
          const counts = summary.byNode.get(node.key)!;
          return { key: node.key, title: node.title, percent: counts.percent, done: counts.done, total: counts.total };
        }),
      lastActivityAt,
      inProgress,
      pendingReviews,
      flags: assignmentFlags({
        now,
        stuckAfterDays: organization.stuckAfterDays,
        status: row.status,
        dueDate: assignment.dueDate,
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
