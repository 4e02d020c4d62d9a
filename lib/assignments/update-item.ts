import { eventCtes } from "@/lib/db/events";
import { sql, withTransaction } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { getMetrics } from "@/lib/observability/metrics";
import { canTransition, summarizeProgress, transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressNode, ProgressState } from "@/lib/progress/progress-math";
import { assertAssignee, visibleAssignmentSql } from "./access";
import { applyLeafChange } from "@/lib/progress/delta";
import type { LeafChange } from "@/lib/progress/delta";
import { SNAPSHOT_VERSION, readSnapshot, snapshotOf } from "@/lib/progress/progress-snapshot";
import { progressStates } from "@/lib/progress/progress-states";
import { archivedAssignment, settleCounts } from "@/lib/progress/progress-write";
import { toItemProgress } from "./read-assignment";
import { progressTree } from "@/lib/progress/version-trees";
import type { UpdateItemInput } from "./schema";

type ProgressRow = Parameters<typeof toItemProgress>[0];

const invalidState = (message: string, details?: Record<string, unknown>) => invalidInput("body.state", message, details);

/**
 * The hire changes one item: its state (along the allowed transitions), its
 * note or links. Plain SQL on the pool (the hot path, decision 0010), two
 * statements and no transaction around them (decision 0036):
 * 1. a read of the assignment (who may see it, its status, its stored counts and
 *    revision, the items marked not applicable) with the item's current row;
 * 2. the counts changed by this item (by delta, lib/progress/delta.ts: no read or
 *    count of the other items) are written in ONE statement with the progress row
 *    upsert and the events (progress.updated with the old and new state, and
 *    assignment.completed): atomic as any statement is, and guarded by the
 *    revision read in 1, so it writes nothing at all if another write came in
 *    between. Then the write is made again, this time holding the assignment's row
 *    from the read to the write (a transaction: BEGIN, the read FOR UPDATE, the
 *    write, COMMIT), so writers racing on one assignment never starve each other.
 * `runner` is the pool's, or with an Idempotency-Key the transaction of
 * idempotentSql (lib/http/idempotency.ts), which also stores the answer in it.
 */
export async function updateItem(runner: SqlRunner, ctx: OrgContext, assignmentId: string, key: string, input: UpdateItemInput) {
  const written = await tryUpdateItem(runner, ctx, assignmentId, key, input, false);
  if (written) return written;
  getMetrics().progressWriteRetries.inc();
  const locked = (tx: SqlRunner) => tryUpdateItem(tx, ctx, assignmentId, key, input, true);
  const again = await (runner.inTransaction ? locked(runner) : withTransaction(locked));
  // With the row held from the read on, no other write can come in between.
  if (!again) throw new Error("A progress write holding its assignment's row found it changed.");
  return again;
}

/** One attempt: the answer, or null when the assignment changed since it was read (nothing was written). `lock` holds its row from the read on. */
async function tryUpdateItem(runner: SqlRunner, ctx: OrgContext, assignmentId: string, key: string, input: UpdateItemInput, lock: boolean) {
  const organizationId = ctx.organization.id;
  const [read] = await runner.rows<ReadItem>(sql`
    SELECT a.xmin::text AS revision, a.status::text AS status, a."assigneeId", a."versionId", a."skippedKeys",
           ${visibleAssignmentSql(ctx, sql`a`)} AS visible,
           p.state::text AS state, p."notApplicableReason", p."archivedAt", a."progressSnapshot" AS snapshot,
           -- The items marked not applicable (a few, by a partial index): one of them above this item excludes it from the counts.
           ARRAY(SELECT q."stableKey" FROM "ItemProgress" q
                 WHERE q."assignmentId" = a.id AND q.state = 'NOT_APPLICABLE' AND q."archivedAt" IS NULL) AS "notApplicable"
    FROM "Assignment" a LEFT JOIN "ItemProgress" p ON p."assignmentId" = a.id AND p."stableKey" = ${key}
    WHERE a.id = ${assignmentId} AND a."organizationId" = ${organizationId}${lock ? sql` FOR UPDATE OF a` : sql``}`, lock ? "progress.lock-item" : "progress.read-item");
  // Outside the caller's view, it does not exist (access.ts); inside it, only the assignee writes.
  if (!read?.visible) throw notFound("assignment");
  assertAssignee(ctx, read);
  if (read.status === "ARCHIVED") throw archivedAssignment();

  const tree = await progressTree(runner, organizationId, read.versionId);
  const node = tree.find((candidate) => candidate.key === key);
  if (!node) throw notFound("item");
  if (node.kind !== "ITEM") throw invalidState("Sections have no state of their own; mark their items.");
  const from: ProgressState = read.state !== null && read.archivedAt === null ? read.state : "NOT_STARTED";
  const to = input.state ?? from;
  if (to !== from && !canTransition(from, to, { evidenceRequired: node.evidenceRequired === true })) {
    const allowed = transitionsFrom(from, { evidenceRequired: node.evidenceRequired === true });
    const why = to === "DONE" && node.evidenceRequired === true ? " This item needs evidence: it is done when a mentor approves it." : "";
    throw invalidState(`“${node.title}” cannot go from ${from} to ${to}.${why}`, { from, to, allowed });
  }
  if (to === "NOT_APPLICABLE" && !input.notApplicableReason && !(from === "NOT_APPLICABLE" && read.notApplicableReason)) {
    throw invalidInput("body.notApplicableReason", "Say why this item does not apply.");
  }
  const reason = to === "NOT_APPLICABLE" ? (input.notApplicableReason ?? read.notApplicableReason ?? null) : null;
  // The counts after the write are known before it (the stored ones, changed by this item), so the
  // assignment's UPDATE (counts, last activity, a changed status) rides in the upsert's statement, and so do the events.
  const assignment = { id: assignmentId, versionId: read.versionId, skippedKeys: read.skippedKeys, status: read.status };
  const stored = readSnapshot(read.snapshot, read.versionId);
  const exclusions = { skipped: new Set(read.skippedKeys), notApplicable: new Set(read.notApplicable) };
  const change = { key, from, to };
  const counts = (stored && applyLeafChange(stored, tree, change, exclusions)) ?? (await countAgain(runner, organizationId, assignment, tree, change));
  const { status, events, update } = settleCounts(ctx, assignment, from !== to, { ...counts, v: SNAPSHOT_VERSION, versionId: read.versionId }, read.revision);
  const updated = {
    type: "progress.updated",
    actorId: ctx.user.id,
    subjectType: "assignment",
    subjectId: assignmentId,
    payload: { assignmentId, key, from, to, ...(input.note !== undefined && { noteChanged: true }), ...(input.links !== undefined && { linksChanged: true }) },
  };
  // Every part happens only if the assignment is still at the revision read (`counts` then holds its row):
  // the organization's event counter moves only then, so its sequence stays gap-free (lib/db/events.ts).
  const [row] = await runner.rows<ProgressRow>(sql`
    WITH counts AS (${update}), ${eventCtes(organizationId, [updated, ...events], sql`EXISTS (SELECT 1 FROM counts)`)}
    INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", "state", "notApplicableReason", "note", "links", "updatedById", "createdAt", "updatedAt")
    SELECT ${organizationId}::text, counts.id, ${key}::text, ${to}::"ProgressState", ${reason}::text, ${input.note ?? null}::text, ${JSON.stringify(input.links ?? [])}::jsonb, ${ctx.user.id}::text,
           date_trunc('milliseconds', now() AT TIME ZONE 'UTC'), date_trunc('milliseconds', now() AT TIME ZONE 'UTC')
    FROM counts
    ON CONFLICT ("assignmentId", "stableKey") DO UPDATE SET
      state = EXCLUDED.state,
      "notApplicableReason" = EXCLUDED."notApplicableReason",
      note = CASE WHEN ${input.note !== undefined}::boolean THEN EXCLUDED.note ELSE "ItemProgress".note END,
      links = CASE WHEN ${input.links !== undefined}::boolean THEN EXCLUDED.links ELSE "ItemProgress".links END,
      "updatedById" = EXCLUDED."updatedById",
      "archivedAt" = NULL,
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "stableKey", state::text AS state, "notApplicableReason", note, links, "updatedAt", "archivedAt"`, "progress.write-item");
  if (!row) return null;
  return { item: toItemProgress(row), assignment: { id: assignmentId, status, progress: counts.track } };
}

/**
 * The slow path, for what a delta cannot do: a parent item's change (its NOT_APPLICABLE
 * excludes a subtree), or an assignment without stored counts of the current shape
 * (lib/progress/progress-snapshot.ts). Reads every state and counts them all, as
 * every write did before decision 0036; one statement more. The write's guard covers
 * this read too: a state that changes after it moves the assignment's revision.
 */
async function countAgain(runner: SqlRunner, organizationId: string, assignment: { id: string; versionId: string; skippedKeys: string[] }, tree: ProgressNode[], change: LeafChange) {
  const states = (await progressStates(runner, organizationId, [assignment.id])).get(assignment.id) ?? new Map<string, ProgressState>();
  if (change.to === "NOT_STARTED") states.delete(change.key);
  else states.set(change.key, change.to);
  const { track, sections, minutes } = snapshotOf(assignment.versionId, tree, summarizeProgress(tree, states, new Set(assignment.skippedKeys), { nextUpLimit: 0, minutes: true }));
  return { track, sections, minutes };
}

interface ReadItem {
  /** The row's xmin: what the write's guard compares (lib/progress/progress-write.ts, countsUpdate). */
  revision: string;
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
