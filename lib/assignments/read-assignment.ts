import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { latestEvidenceByItem } from "@/lib/evidence/latest-evidence";
import { toProgressNodes } from "@/lib/progress/node-tree";
import { summarizeProgress } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { versionNodes } from "@/lib/tracks/read-version";
import { visibleAssignments } from "./access";
import { assignmentSelect, toAssignmentSummary } from "./assignment-summary";
import type { ItemProgressOut } from "./schema";
import { parseUpgradeNotice } from "./upgrade-notice";

/** An assignment the caller may see (access.ts), or a 404 as if it did not exist. */
export async function findAssignment(ctx: OrgContext, assignmentId: string, db: DbClient = getDb()) {
  const row = await db.assignment.findFirst({ where: { AND: [{ id: assignmentId }, visibleAssignments(ctx)] }, select: assignmentSelect });
  if (!row) throw notFound("assignment");
  return row;
}

export const progressSelect = { stableKey: true, state: true, notApplicableReason: true, note: true, links: true, updatedAt: true, archivedAt: true } as const;

export function toItemProgress(row: { stableKey: string; state: ProgressState; notApplicableReason: string | null; note: string | null; links: unknown; updatedAt: Date; archivedAt: Date | null }): ItemProgressOut {
  const { archivedAt, links, ...rest } = row;
  return { ...rest, links: Array.isArray(links) ? (links as ItemProgressOut["links"]) : [], archived: archivedAt !== null };
}

/**
 * An assignment with its version's tree, every progress row, each item's latest
 * evidence status and the counts: four queries after the gate (the assignment, then
 * the nodes, the progress rows and the evidence side by side), however many items,
 * progress rows and attempts there are.
 */
export async function readAssignment(ctx: OrgContext, assignmentId: string) {
  const db = getDb();
  // findAssignment's query, with the upgrade notice and the track's latest published version (only this read needs them).
  const found = await db.assignment.findFirst({
    where: { AND: [{ id: assignmentId }, visibleAssignments(ctx)] },
    select: {
      ...assignmentSelect,
      upgradeNotice: true,
      track: { select: { ...assignmentSelect.track.select, versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, take: 1, select: { number: true } } } },
    },
  });
  if (!found) throw notFound("assignment");
  const { upgradeNotice, track: { versions: [latest], ...track }, ...rest } = found;
  const row = { ...rest, track };
  const [nodes, progress, evidence] = await Promise.all([
    versionNodes(ctx.organization.id, row.versionId, db),
    db.itemProgress.findMany({ where: { organizationId: ctx.organization.id, assignmentId: row.id }, select: progressSelect, orderBy: { stableKey: "asc" } }),
    latestEvidenceByItem(ctx.organization.id, row.id),
  ]);
  const tree = toProgressNodes(nodes);
  const archivedItems = await archivedItemTitles(db, ctx.organization.id, row.track.id, progress.filter((item) => item.archivedAt !== null).map((item) => item.stableKey));
  const states = new Map(progress.filter((item) => item.archivedAt === null).map((item) => [item.stableKey, item.state]));
  const summary = summarizeProgress(tree, states, new Set(row.skippedKeys));
  // Notes are private to the hire and their mentors: a manager who is neither sees the states, not the notes.
  const seesNotes = row.assigneeId === ctx.user.id || row.mentors.some((entry) => entry.mentor.id === ctx.user.id);
  return {
    assignment: toAssignmentSummary(row, summary),
    nodes,
    progress: progress.map((item) => toItemProgress(seesNotes ? item : { ...item, note: null })),
    evidence,
    sections: nodes.filter((node) => node.kind === "SECTION").map((node) => ({ key: node.stableKey, counts: summary.byNode.get(node.stableKey)! })),
    nextUp: summary.nextUp.map(({ key, title, state }) => ({ key, title, state })),
    archivedItems,
    // The notice is the hire's: others see what changed in the activity feed.
    upgradeNotice: row.assigneeId === ctx.user.id ? parseUpgradeNotice(upgradeNotice) : null,
    newerVersion: latest && latest.number > row.version.number ? { number: latest.number } : null,
  };
}

/**
 * The titles of items whose progress is archived (gone from the assignment's version
 * after an upgrade), from the latest version of the track that had each. A query only
 * when there are some.
 */
async function archivedItemTitles(db: DbClient, organizationId: string, trackId: string, keys: string[]) {
  if (keys.length === 0) return [];
  const nodes = await db.trackNode.findMany({
    where: { organizationId, stableKey: { in: keys }, version: { trackId } },
    select: { stableKey: true, title: true },
    orderBy: { version: { number: "desc" } },
  });
  const titleOf = new Map<string, string>();
  for (const node of nodes) if (!titleOf.has(node.stableKey)) titleOf.set(node.stableKey, node.title);
  return keys.map((stableKey) => ({ stableKey, title: titleOf.get(stableKey) ?? stableKey }));
}
