import { eventCtes } from "@/lib/db/events";
import { sql } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { canTransition, transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { assertAssignee, visibleAssignmentSql } from "./access";
import { applyLeafChange } from "@/lib/progress/delta";
import type { LeafChange } from "@/lib/progress/delta";
import { readSnapshot } from "@/lib/progress/progress-snapshot";
import { progressStates } from "@/lib/progress/progress-states";
import { archivedAssignment, countAfterWrite, settleCounts } from "@/lib/progress/progress-write";
import { toItemProgress } from "./read-assignment";
import { progressTree } from "@/lib/progress/version-trees";
import type { UpdateItemInput } from "./schema";

type ProgressRow = Parameters<typeof toItemProgress>[0];

const invalidState = (message: string, details?: Record<string, unknown>) => invalidInput("body.state", message, details);

/**
 * The hire changes one item: its state (along the allowed transitions), its
 * note or links. One transaction on the pool in plain SQL (the hot path:
 * docs/decisions/0010-hot-path-sql.md) of two statements: the assignment locked
 * with the item's current row, its stored counts and the items marked not
 * applicable; then, the counts changed by this item in between (by delta,
 * lib/progress/delta.ts, decision 0036: no read or count of the other items),
 * one statement with the progress row upsert, the assignment's counts
 * (completing or reopening it when a state changed) and its events:
 * progress.updated (with the old and new state), and assignment.completed. `runner` is the transaction's:
 * idempotentSql's (lib/http/idempotency.ts), which with an Idempotency-Key also
 * stores the answer in it.
 */
export async function updateItem(runner: SqlRunner, ctx: OrgContext, assignmentId: string, key: string, input: UpdateItemInput) {
  const organizationId = ctx.organization.id;
  // One writer per assignment (the state read here is the one the write replaces); who may see it is decided from the same row.
  const [locked] = await runner.rows<LockedItem>(sql`
    SELECT a.status::text AS status, a."assigneeId", a."versionId", a."skippedKeys",
           ${visibleAssignmentSql(ctx, sql`a`)} AS visible,
           p.state::text AS state, p."notApplicableReason", p."archivedAt", a."progressSnapshot" AS snapshot,
           -- The items marked not applicable (a few, by a partial index): one of them above this item excludes it from the counts.
           ARRAY(SELECT q."stableKey" FROM "ItemProgress" q
                 WHERE q."assignmentId" = a.id AND q.state = 'NOT_APPLICABLE' AND q."archivedAt" IS NULL) AS "notApplicable"
    FROM "Assignment" a LEFT JOIN "ItemProgress" p ON p."assignmentId" = a.id AND p."stableKey" = ${key}
    WHERE a.id = ${assignmentId} AND a."organizationId" = ${organizationId}
    FOR UPDATE OF a`, "progress.lock-item");
  // Outside the caller's view, it does not exist (access.ts); inside it, only the assignee writes.
  if (!locked?.visible) throw notFound("assignment");
  assertAssignee(ctx, locked);
  if (locked.status === "ARCHIVED") throw archivedAssignment();

  const tree = await progressTree(runner, organizationId, locked.versionId);
  const node = tree.find((candidate) => candidate.key === key);
  if (!node) throw notFound("item");
  if (node.kind !== "ITEM") throw invalidState("Sections have no state of their own; mark their items.");
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
  // The counts after the write are known before it (the stored ones, changed by this item: lib/progress/delta.ts),
  // so the assignment's UPDATE (counts, last activity, a changed status) rides in the upsert's statement, and so do the events.
  const assignment = { id: assignmentId, versionId: locked.versionId, skippedKeys: locked.skippedKeys, status: locked.status };
  const stored = readSnapshot(locked.snapshot, locked.versionId);
  const exclusions = { skipped: new Set(locked.skippedKeys), notApplicable: new Set(locked.notApplicable) };
  const counts = stored && applyLeafChange(stored, tree, { key, from, to }, exclusions);
  const { status, events, update, track } = counts
    ? { ...settleCounts(ctx, assignment, from !== to, { ...stored, ...counts }), track: counts.track }
    : await countAgain(runner, ctx, assignment, { key, from, to });
  const updated = {
    type: "progress.updated",
    actorId: ctx.user.id,
    subjectType: "assignment",
    subjectId: assignmentId,
    payload: { assignmentId, key, from, to, ...(input.note !== undefined && { noteChanged: true }), ...(input.links !== undefined && { linksChanged: true }) },
  };
  // The row, the assignment's counts and the events in one statement, the last before COMMIT: the
  // organization's event counter is locked from here to the commit, as when events go last (lib/db/events.ts).
  const [row] = await runner.rows<ProgressRow>(sql`
    WITH counts AS (${update}), ${eventCtes(organizationId, [updated, ...events])}
    INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", "state", "notApplicableReason", "note", "links", "updatedById", "createdAt", "updatedAt")
    VALUES (${organizationId}, ${assignmentId}, ${key}, ${to}::"ProgressState", ${reason}, ${input.note ?? null}, ${JSON.stringify(input.links ?? [])}::jsonb, ${ctx.user.id},
            date_trunc('milliseconds', now() AT TIME ZONE 'UTC'), date_trunc('milliseconds', now() AT TIME ZONE 'UTC'))
    ON CONFLICT ("assignmentId", "stableKey") DO UPDATE SET
      state = EXCLUDED.state,
      "notApplicableReason" = EXCLUDED."notApplicableReason",
      note = CASE WHEN ${input.note !== undefined}::boolean THEN EXCLUDED.note ELSE "ItemProgress".note END,
      links = CASE WHEN ${input.links !== undefined}::boolean THEN EXCLUDED.links ELSE "ItemProgress".links END,
      "updatedById" = EXCLUDED."updatedById",
      "archivedAt" = NULL,
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "stableKey", state::text AS state, "notApplicableReason", note, links, "updatedAt", "archivedAt"`, "progress.write-item");
  return { item: toItemProgress(row!), assignment: { id: assignmentId, status, progress: track } };
}

/**
 * The slow path, for what a delta cannot do: a parent item's change (its NOT_APPLICABLE
 * excludes a subtree), or an assignment without stored counts of the current shape
 * (lib/progress/progress-snapshot.ts). Reads every state and counts them all, as
 * every write did before decision 0036; one statement more.
 */
async function countAgain(runner: SqlRunner, ctx: OrgContext, assignment: Parameters<typeof countAfterWrite>[2], change: LeafChange) {
  const states = (await progressStates(runner, ctx.organization.id, [assignment.id])).get(assignment.id) ?? new Map<string, ProgressState>();
  if (change.to === "NOT_STARTED") states.delete(change.key);
  else states.set(change.key, change.to);
  const { summary, ...counted } = await countAfterWrite(runner, ctx, assignment, change.from !== change.to, states);
  return { ...counted, track: summary.track };
}

interface LockedItem {
  status: "ACTIVE" | "COMPLETED" | "ARCHIVED";
  assigneeId: string;
  versionId: string;
  skippedKeys: string[];
  /** The caller may see it (access.ts's rule, its SQL form). */
  visible: boolean;
  state: ProgressState | null;
  notApplicableReason: string | null;
  archivedAt: Date | null;
  /** The stored counts (a ProgressSnapshot when of the current shape). */
  snapshot: unknown;
  /** The keys of the items marked not applicable. */
  notApplicable: string[];
}
