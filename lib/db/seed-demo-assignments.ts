/**
 * The demo organization's track and assignments: the built-in Python Backend
 * Roadmap, published, with about twenty items that require evidence (where a pull
 * request or notes make sense, across the sections: DEMO_EVIDENCE_ITEMS), assigned
 * to the three demo hires with the demo mentor and
 * different, realistic progress (one skips the Django branch, one has items that
 * do not apply, one is overdue). Deterministic, and each step only runs when its
 * rows are missing, so it also fills in a demo database seeded by an older Cairn.
 */
import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { parseOutline } from "@/lib/outline";
import { insertNodes } from "@/lib/tracks/insert-nodes";
import { libraryTrack } from "@/lib/tracks/library";
import { nodeRows } from "@/lib/tracks/node-rows";
import type { DemoHandle } from "./seed-demo";
import { DEMO_EVIDENCE_ITEMS } from "./seed-demo-evidence";

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoPlan {
  hire: DemoHandle;
  /** Share of the counted items done, in pre-order. */
  done: number;
  inProgress: number;
  startedDaysAgo: number;
  dueInDays: number;
  /** Titles (prefix) of branches skipped for this hire. */
  skip: string[];
  /** Titles (prefix) of items marked not applicable, with why. */
  notApplicable: Array<{ title: string; reason: string }>;
}

const PLANS: DemoPlan[] = [
  { hire: "noah.hire", done: 0.35, inProgress: 2, startedDaysAgo: 21, dueInDays: 40, skip: [], notApplicable: [] },
  { hire: "lena.hire", done: 0.12, inProgress: 3, startedDaysAgo: 45, dueInDays: -3, skip: ["Django track"], notApplicable: [] },
  {
    hire: "sam.hire",
    done: 0.7,
    inProgress: 1,
    startedDaysAgo: 60,
    dueInDays: 20,
    skip: ["FastAPI track"],
    notApplicable: [{ title: "GraphQL", reason: "Our services are REST only." }],
  },
];

const day = (offsetDays: number) => new Date(`${new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`);

export async function seedDemoTrack(tx: DbClient, organizationId: string, ownerId: string): Promise<void> {
  if ((await tx.track.count({ where: { organizationId } })) > 0) return;
  const { title, text } = libraryTrack("python-backend-roadmap");
  const parsed = parseOutline(text);
  if (!parsed.ok) throw new Error("the built-in roadmap does not parse");
  const track = await tx.track.create({ data: { organizationId, title } });
  const version = await tx.trackVersion.create({
    data: { organizationId, trackId: track.id, number: 1, status: "PUBLISHED", publishedAt: new Date(), createdById: ownerId },
  });
  const scope = { organizationId, versionId: version.id };
  const rows = nodeRows(parsed.document, scope).map((row) => (row.kind === "ITEM" && DEMO_EVIDENCE_ITEMS.includes(row.title) ? { ...row, evidenceRequired: true } : row));
  await insertNodes(tx, scope, rows);
  await recordEvent(tx, { organizationId, type: "track.created", actorId: ownerId, subjectType: "track", subjectId: track.id, payload: { title, library: "python-backend-roadmap" } });
  await recordEvent(tx, { organizationId, type: "track.published", actorId: ownerId, subjectType: "track", subjectId: track.id, payload: { trackId: track.id, number: 1 } });
}

export async function seedDemoAssignments(tx: DbClient, organizationId: string, managerId: string, mentorId: string, emailOf: (handle: DemoHandle) => string): Promise<void> {
  if ((await tx.assignment.count({ where: { organizationId } })) > 0) return;
  const version = await tx.trackVersion.findFirst({ where: { organizationId, status: "PUBLISHED" }, orderBy: { createdAt: "asc" }, select: { id: true, trackId: true } });
  if (!version) return;
  const nodes = await tx.trackNode.findMany({ where: { versionId: version.id }, orderBy: { ordinal: "asc" }, select: { id: true, parentId: true, stableKey: true, kind: true, title: true } });
  const hasChildren = new Set(nodes.map((node) => node.parentId));

  for (const plan of PLANS) {
    const hire = await tx.user.findUnique({ where: { email: emailOf(plan.hire) }, select: { id: true } });
    if (!hire) continue;
    const skipped = nodes.filter((node) => plan.skip.some((prefix) => node.title.startsWith(prefix)));
    const notApplicable = new Map<string, string>();
    for (const { title, reason } of plan.notApplicable) {
      for (const node of nodes) if (node.kind === "ITEM" && node.title.startsWith(title)) notApplicable.set(node.stableKey, reason);
    }
    // Leaves in pre-order outside the skipped and not-applicable branches: what the hire works through.
    const outside = new Set(nodes.filter((node) => outsideRoot(node, skipped, notApplicable)).map((node) => node.id));
    const workable = nodes.filter((node) => {
      if (node.parentId !== null && outside.has(node.parentId)) outside.add(node.id);
      return node.kind === "ITEM" && !hasChildren.has(node.id) && !outside.has(node.id);
    });
    const doneCount = Math.round(workable.length * plan.done);

    const assignment = await tx.assignment.create({
      data: {
        organizationId,
        trackId: version.trackId,
        versionId: version.id,
        assigneeId: hire.id,
        startDate: day(-plan.startedDaysAgo),
        dueDate: day(plan.dueInDays),
        skippedKeys: skipped.map((node) => node.stableKey),
        createdById: managerId,
        // The progress below is the hire's own; its counts are made on the first dashboard read.
        lastActivityAt: new Date(),
      },
      select: { id: true },
    });
    await tx.assignmentMentor.create({ data: { organizationId, assignmentId: assignment.id, mentorId } });
    await recordEvent(tx, {
      organizationId,
      type: "assignment.created",
      actorId: managerId,
      subjectType: "assignment",
      subjectId: assignment.id,
      payload: { assignmentId: assignment.id, trackId: version.trackId, versionNumber: 1, assigneeId: hire.id, mentorIds: [mentorId] },
    });
    const progress = [
      ...workable.slice(0, doneCount).map((leaf) => ({ stableKey: leaf.stableKey, state: "DONE" as const, notApplicableReason: null })),
      ...workable.slice(doneCount, doneCount + plan.inProgress).map((leaf) => ({ stableKey: leaf.stableKey, state: "IN_PROGRESS" as const, notApplicableReason: null })),
      ...[...notApplicable].map(([stableKey, reason]) => ({ stableKey, state: "NOT_APPLICABLE" as const, notApplicableReason: reason })),
    ];
    await tx.itemProgress.createMany({ data: progress.map((row) => ({ ...row, organizationId, assignmentId: assignment.id, updatedById: hire.id })) });
  }
}

function outsideRoot(node: { stableKey: string }, skipped: ReadonlyArray<{ stableKey: string }>, notApplicable: ReadonlyMap<string, string>): boolean {
  return notApplicable.has(node.stableKey) || skipped.some((root) => root.stableKey === node.stableKey);
}
