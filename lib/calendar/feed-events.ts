/**
 * What a person's calendar feed holds (decision 0030): for each of their ACTIVE assignments in an
 * organization where they are still an active member, the assignment's due date, and each section
 * or item with a relative due of its own that still has something open (counted and not done),
 * on its day (the earlier of its own and its ancestors', lib/assignments/pacing.ts). Only that
 * person's assignments: the query starts from their user id, and a suspension or removal takes
 * an organization out at the next fetch. A handful of statements whatever the number of items.
 */
import { progressStates } from "@/lib/progress/progress-states";
import { dueDayOf } from "@/lib/assignments/pacing";
import { progressTrees } from "@/lib/progress/version-trees";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import { summarizeProgress } from "@/lib/progress/progress-math";
import type { RelativeDue } from "@/lib/outline/due-marker";
import type { AllDayEvent } from "./ics";

/** Bounds the answer: a calendar app downloads it every few hours. */
export const MAX_FEED_EVENTS = 2000;
const MAX_ASSIGNMENTS = 100;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const appUrl = (path: string) => new URL(path, getConfig().NEXTAUTH_URL).toString();

export async function feedEvents(userId: string): Promise<AllDayEvent[]> {
  const db = getDb();
  const assignments = await db.assignment.findMany({
    where: { assigneeId: userId, status: "ACTIVE", organization: { memberships: { some: { userId, status: "ACTIVE" } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_ASSIGNMENTS,
    select: {
      id: true,
      organizationId: true,
      versionId: true,
      startDate: true,
      dueDate: true,
      skippedKeys: true,
      track: { select: { title: true } },
      organization: { select: { slug: true, name: true } },
    },
  });
  if (assignments.length === 0) return [];

  const versionIds = [...new Set(assignments.map((assignment) => assignment.versionId))];
  const dueRows = await db.trackNode.findMany({
    where: { versionId: { in: versionIds }, dueUnit: { not: null } },
    select: { versionId: true, stableKey: true, dueUnit: true, dueCount: true },
  });
  const duesByVersion = new Map<string, Map<string, RelativeDue>>();
  for (const row of dueRows) {
    if (row.dueUnit === null || row.dueCount === null) continue;
    const dues = duesByVersion.get(row.versionId) ?? new Map<string, RelativeDue>();
    dues.set(row.stableKey, { unit: row.dueUnit === "DAY" ? "day" : "week", count: row.dueCount });
    duesByVersion.set(row.versionId, dues);
  }

  const events: AllDayEvent[] = [];
  const byOrganization = Map.groupBy(assignments, (assignment) => assignment.organizationId);
  for (const [organizationId, group] of byOrganization) {
    const runner = prismaRunner(db);
    const withDues = group.filter((assignment) => duesByVersion.has(assignment.versionId));
    const trees = await progressTrees(runner, organizationId, [...new Set(withDues.map((assignment) => assignment.versionId))]);
    const states = await progressStates(runner, organizationId, withDues.map((assignment) => assignment.id));
    for (const assignment of group) {
      const where = `${assignment.track.title} · ${assignment.organization.name}`;
      const roadmap = `/o/${assignment.organization.slug}/assignments/${assignment.id}`;
      if (assignment.dueDate) {
        events.push({ uid: `assignment-${assignment.id}@cairn`, day: dayOf(assignment.dueDate), summary: `${assignment.track.title} due`, description: `The whole track, in ${assignment.organization.name}.`, url: appUrl(roadmap) });
      }
      const dues = duesByVersion.get(assignment.versionId);
      const tree = trees.get(assignment.versionId);
      if (!dues || !tree) continue;
      const own = states.get(assignment.id) ?? new Map();
      const summary = summarizeProgress(tree, own, new Set(assignment.skippedKeys), { nextUpLimit: 0 });
      const start = dayOf(assignment.startDate);
      const skipped = new Set(assignment.skippedKeys);
      const dayByKey = new Map<string, string | null>();
      // Skipped or not applicable, itself or above: nothing under it counts (lib/progress).
      const excluded = new Map<string, boolean>();
      const childCount = new Map<string, number>();
      for (const node of tree) if (node.parentKey !== null) childCount.set(node.parentKey, (childCount.get(node.parentKey) ?? 0) + 1);
      for (const node of tree) {
        const due = dues.get(node.key);
        const ownDay = due ? dueDayOf(start, due) : null;
        const inherited = node.parentKey === null ? null : (dayByKey.get(node.parentKey) ?? null);
        const day = ownDay === null ? inherited : inherited === null || ownDay < inherited ? ownDay : inherited;
        dayByKey.set(node.key, day);
        const out = (node.parentKey !== null && excluded.get(node.parentKey) === true) || skipped.has(node.key) || own.get(node.key) === "NOT_APPLICABLE";
        excluded.set(node.key, out);
        if (!due || day === null || out) continue;
        const branch = summary.byNode.get(node.key);
        const isLeaf = node.kind === "ITEM" && !childCount.has(node.key);
        // Open: a counted item not done, or a branch with such items.
        const open = isLeaf ? own.get(node.key) !== "DONE" : branch !== undefined && branch.total > branch.done;
        if (!open) continue;
        events.push({ uid: `item-${assignment.id}-${node.key}@cairn`, day, summary: node.title, description: where, url: appUrl(`${roadmap}?item=${encodeURIComponent(node.key)}`) });
        if (events.length >= MAX_FEED_EVENTS) return events;
      }
    }
  }
  return events.slice(0, MAX_FEED_EVENTS);
}
