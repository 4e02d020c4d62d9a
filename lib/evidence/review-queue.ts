import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCreatedAtCursor } from "@/lib/http/cursor";
import type { OrgContext } from "@/lib/http/handle";
import { isManagerRole } from "@/lib/authz/policy";
import { mentoredBy } from "@/lib/assignments/mentoring";
import { progressTrees } from "@/lib/progress/version-trees";
import type { ProgressNode } from "@/lib/progress/progress-math";
import { overdueCutoff, workingDaysBetween } from "@/lib/time/working-days";
import { withCurrentAttemptHtml } from "./attempt-html";
import { attemptSelect, toAttemptOut } from "./attempt-out";
import type { ReviewQueueEntry, ReviewQueueQuery } from "./schema";

/**
 * What waits for the caller's review, oldest first: attempts still SUBMITTED on
 * active (not archived) assignments they may review (owners and admins: all;
 * mentors: their mentees'), never their own. Filters by hire, track and section
 * (by stable key, in whichever version each assignment is on) and, with `overdue`,
 * to the attempts waiting longer than the organization's review target (working
 * days, lib/time/working-days.ts). Queries: the target, the versions involved, the
 * page, the two counts, and the trees of new versions.
 */
export async function listReviewQueue(ctx: OrgContext, query: ReviewQueueQuery) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const reviewable: Prisma.EvidenceAttemptWhereInput = {
    organizationId,
    status: "SUBMITTED",
    submittedById: { not: ctx.user.id },
    assignment: {
      status: { not: "ARCHIVED" },
      ...(isManagerRole(ctx.membership.role) ? {} : mentoredBy(ctx.user.id)),
      ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
      ...(query.trackId ? { trackId: query.trackId } : {}),
    },
  };
  const versions = await db.assignment.findMany({ where: { organizationId, evidence: { some: reviewable } }, distinct: ["versionId"], select: { versionId: true } });
  const trees = await progressTrees(prismaRunner(db), organizationId, versions.map((row) => row.versionId));
  const filtered: Prisma.EvidenceAttemptWhereInput = query.sectionKey ? { ...reviewable, stableKey: { in: keysUnder(trees.values(), query.sectionKey) } } : reviewable;
  const { reviewTargetDays } = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { reviewTargetDays: true } });
  const now = new Date();
  const overdueWhere: Prisma.EvidenceAttemptWhereInput = { ...filtered, submittedAt: { lt: overdueCutoff(now, reviewTargetDays) } };
  const where = query.overdue ? overdueWhere : filtered;

  const after = query.cursor;
  const [rows, total, overdueCount] = await Promise.all([
    db.evidenceAttempt.findMany({
      where: after ? { AND: [where, { OR: [{ submittedAt: { gt: after.createdAt } }, { submittedAt: after.createdAt, id: { gt: after.id } }] }] } : where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: {
        ...attemptSelect,
        assignment: { select: { id: true, versionId: true, track: { select: { id: true, title: true } }, assignee: { select: { id: true, name: true, email: true } } } },
      },
    }),
    db.evidenceAttempt.count({ where }),
    db.evidenceAttempt.count({ where: overdueWhere }),
  ]);
  const page = await withCurrentAttemptHtml(ctx, rows.slice(0, query.limit));
  const places = new Map([...trees].map(([versionId, tree]) => [versionId, placesOf(tree)]));
  const items: ReviewQueueEntry[] = page.map(({ assignment, ...attempt }) => {
    const place = places.get(assignment.versionId)?.get(attempt.stableKey);
    return {
      attempt: toAttemptOut(attempt, ctx.organization.slug),
      assignment: { id: assignment.id, track: assignment.track, assignee: assignment.assignee },
      // An item gone from the version since (an upgrade) keeps its attempt in the queue, named by its key.
      item: { key: attempt.stableKey, title: place?.title ?? attempt.stableKey, section: place?.section ?? null },
      waiting: waitingFor(attempt.submittedAt, now, reviewTargetDays),
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCreatedAtCursor({ createdAt: last.submittedAt, id: last.id }) : null, total, reviewTargetDays, overdueCount };
}

/** How long an attempt has waited against the review target. */
export function waitingFor(submittedAt: Date, now: Date, reviewTargetDays: number) {
  const workingDays = workingDaysBetween(submittedAt, now);
  return { workingDays, overdue: workingDays > reviewTargetDays };
}

/** Every stable key under `sectionKey` (itself included) in any of the trees. */
export function keysUnder(trees: Iterable<ProgressNode[]>, sectionKey: string): string[] {
  const keys = new Set<string>();
  for (const tree of trees) {
    const inside = new Set<string>();
    for (const node of tree) {
      // Pre-order: a node's parent comes before it.
      if (node.key === sectionKey || (node.parentKey !== null && inside.has(node.parentKey))) {
        inside.add(node.key);
        keys.add(node.key);
      }
    }
  }
  return [...keys];
}

/** Each node's title and the top-level section it is in. */
function placesOf(tree: ProgressNode[]): Map<string, { title: string; section: { key: string; title: string } | null }> {
  const places = new Map<string, { title: string; section: { key: string; title: string } | null }>();
  for (const node of tree) {
    const parent = node.parentKey === null ? undefined : places.get(node.parentKey);
    const section = parent ? parent.section : node.kind === "SECTION" ? { key: node.key, title: node.title } : null;
    places.set(node.key, { title: node.title, section });
  }
  return places;
}
