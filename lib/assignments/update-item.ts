import { getDb } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { canTransition, transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { assertAssignee } from "./access";
import { archivedAssignment, findAssignmentForWrite, settleCompletion } from "./progress-write";
import { toItemProgress } from "./read-assignment";
import { progressTree } from "./version-trees";
import type { UpdateItemInput } from "./schema";

type ProgressRow = Parameters<typeof toItemProgress>[0];

const invalidState = (message: string, details?: Record<string, unknown>) => invalidInput("body.state", message, details);

/**
 * The hire changes one item: its state (along the allowed transitions), its
 * note or links. One transaction: the progress row upsert, the counts (the
 * version's tree and the assignment's states) that answer the request and complete
 * or reopen the assignment when a state changed, and last its events:
 * progress.updated (with the old and new state), and assignment.completed.
 */
export async function updateItem(ctx: OrgContext, assignmentId: string, key: string, input: UpdateItemInput) {
  const organizationId = ctx.organization.id;
  const db = getDb();
  const assignment = await findAssignmentForWrite(ctx, assignmentId, db);
  assertAssignee(ctx, assignment);
  if (assignment.status === "ARCHIVED") throw archivedAssignment();

  const node = (await progressTree(db, organizationId, assignment.versionId)).find((candidate) => candidate.key === key);
  if (!node) throw notFound("item");
  if (node.kind !== "ITEM") throw invalidState("Sections have no state of their own; mark their items.");

  return db.$transaction(async (tx) => {
    // The assignment row locked (one writer per assignment: the state read here is the one the write replaces) and the item's current row, in one statement.
    const [locked] = await tx.$queryRaw<Array<{ status: "ACTIVE" | "COMPLETED" | "ARCHIVED"; state: ProgressState | null; notApplicableReason: string | null; archivedAt: Date | null }>>`
      SELECT a.status::text AS status, p.state::text AS state, p."notApplicableReason", p."archivedAt"
      FROM "Assignment" a LEFT JOIN "ItemProgress" p ON p."assignmentId" = a.id AND p."stableKey" = ${key}
      WHERE a.id = ${assignmentId} AND a."organizationId" = ${organizationId}
      FOR UPDATE OF a`;
    if (!locked) throw notFound("assignment");
    if (locked.status === "ARCHIVED") throw archivedAssignment();
    const from: ProgressState = locked.state !== null && locked.archivedAt === null ? locked.state : "NOT_STARTED";
    const to = input.state ?? from;
    if (to !== from && !canTransition(from, to, { evidenceRequired: node.evidenceRequired === true })) {
      const allowed = transitionsFrom(from, { evidenceRequired: node.evidenceRequired === true });
      const why = to === "DONE" && node.evidenceRequired === true ? " This item needs evidence: it is done when a mentor approves it." : "";
      throw invalidState(`“${node.title}” cannot go from ${from} to ${to}.${why}`, { from, to, allowed });
    }
    if (to === "NOT_APPLICABLE" && !input.notApplicableReason && !(from === "NOT_APPLICABLE" && locked.notApplicableReason)) {
      throw invalidInput("body.notApplicableReason", "Say why this item does not apply.");
    }
    const reason = to === "NOT_APPLICABLE" ? (input.notApplicableReason ?? locked.notApplicableReason ?? null) : null;
    // Plain SQL on the hot path: Prisma's query compiler costs more CPU than the upsert itself (bench/README.md).
    const [row] = await tx.$queryRaw<ProgressRow[]>`
      INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", "state", "notApplicableReason", "note", "links", "updatedById", "createdAt", "updatedAt")
      VALUES (${organizationId}, ${assignmentId}, ${key}, ${to}::"ProgressState", ${reason}, ${input.note ?? null}, ${JSON.stringify(input.links ?? [])}::jsonb, ${ctx.user.id},
              now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      ON CONFLICT ("assignmentId", "stableKey") DO UPDATE SET
        state = EXCLUDED.state,
        "notApplicableReason" = EXCLUDED."notApplicableReason",
        note = CASE WHEN ${input.note !== undefined}::boolean THEN EXCLUDED.note ELSE "ItemProgress".note END,
        links = CASE WHEN ${input.links !== undefined}::boolean THEN EXCLUDED.links ELSE "ItemProgress".links END,
        "updatedById" = EXCLUDED."updatedById",
        "archivedAt" = NULL,
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "stableKey", state::text AS state, "notApplicableReason", note, links, "updatedAt", "archivedAt"`;
    const { status, summary, events } = await settleCompletion(tx, ctx, { ...assignment, status: locked.status }, from !== to);
    const updated = {
      type: "progress.updated",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignmentId,
      payload: { assignmentId, key, from, to, ...(input.note !== undefined && { noteChanged: true }), ...(input.links !== undefined && { linksChanged: true }) },
    };
    await recordEvents(tx, organizationId, [updated, ...events]);
    return { item: toItemProgress(row!), assignment: { id: assignmentId, status, progress: summary.track } };
  });
}

