/**
 * The steps every progress write shares (one item, a bulk, an upgrade, evidence
 * submitted or approved): lock the assignment, set an item's state, then count it
 * again and settle whether it is complete. lib/assignments and lib/evidence call
 * these after deciding who may write (lib/assignments/access.ts); this module
 * decides nothing about people and imports none of those features (eslint.config.mjs).
 */
import type { DbClient } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { SqlRunner, Statement } from "@/lib/db/sql";
import type { NewEvent } from "@/lib/db/events";
import { AppError, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { summarizeProgress } from "./progress-math";
import type { ProgressState, ProgressSummary } from "./progress-math";
import { snapshotOf } from "./progress-snapshot";
import type { ProgressSnapshot } from "./progress-snapshot";
import { progressStates } from "./progress-states";
import { progressTree } from "./version-trees";

export type AssignmentEvent = Omit<NewEvent, "organizationId">;

export const archivedAssignment = () => new AppError("CONFLICT", "This assignment is archived; it no longer takes progress.");

export type AssignmentStatus = "ACTIVE" | "COMPLETED" | "ARCHIVED";

/**
 * Locks the assignment row for a progress write: one writer per assignment at a
 * time, so the state each write reads is the one it replaces. Archived ones take
 * no progress (409).
 */
export async function lockForProgress(tx: DbClient, organizationId: string, assignmentId: string): Promise<{ status: AssignmentStatus }> {
  const [locked] = await tx.$queryRaw<Array<{ status: AssignmentStatus }>>`
    SELECT status::text AS status FROM "Assignment" WHERE id = ${assignmentId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  if (!locked) throw notFound("assignment");
  if (locked.status === "ARCHIVED") throw archivedAssignment();
  return locked;
}

/** What a write does to the assignment once counted: its status, the counts, the event if it completed, and the UPDATE to save them. */
export interface CountedWrite {
  status: AssignmentStatus;
  summary: ProgressSummary;
  events: AssignmentEvent[];
  /** Saves the counts, the hire's last activity and a changed status: run it, or embed it in the write's own statement. */
  update: Statement;
}

/**
 * Counts the assignment as it is after a write and works out what follows: when a
 * state changed it moves ACTIVE → COMPLETED as the last counted item is done, or
 * back to ACTIVE when one is reopened. It returns the assignment.completed event
 * rather than recording it: callers record all their events last, in one go,
 * because recording locks the organization's event counter until commit
 * (lib/db/events.ts), and the shorter that lock is held the more writes an
 * organization takes per second.
 */
export async function countAfterWrite(
  runner: SqlRunner,
  ctx: OrgContext,
  assignment: { id: string; versionId: string; skippedKeys: string[]; status: AssignmentStatus },
  stateChanged: boolean,
  /** The assignment's states after the write, when the caller already has them (saves a read). */
  knownStates?: ReadonlyMap<string, ProgressState>,
): Promise<CountedWrite> {
  const organizationId = ctx.organization.id;
  const tree = await progressTree(runner, organizationId, assignment.versionId);
  const states = knownStates ?? (await progressStates(runner, organizationId, [assignment.id])).get(assignment.id)!;
  const summary = summarizeProgress(tree, states, new Set(assignment.skippedKeys), { minutes: true });
  return { summary, ...settleCounts(ctx, assignment, stateChanged, snapshotOf(assignment.versionId, tree, summary)) };
}

/**
 * What follows from an assignment's counts after a write (see countAfterWrite):
 * its status, the assignment.completed event if it completed, and the UPDATE
 * saving the counts. For a write that already has the new counts (the one-item
 * write updates the stored ones by delta, lib/progress/delta.ts).
 */
export function settleCounts(
  ctx: OrgContext,
  assignment: { id: string; status: AssignmentStatus },
  stateChanged: boolean,
  snapshot: ProgressSnapshot,
  /** Save only if the row is still at this revision (see countsUpdate). */
  revision?: string,
): Omit<CountedWrite, "summary"> {
  const complete = snapshot.track.percent === 100;
  let status = assignment.status;
  if (stateChanged && complete && status === "ACTIVE") status = "COMPLETED";
  else if (stateChanged && !complete && status === "COMPLETED") status = "ACTIVE";
  const update = countsUpdate(ctx.user.id, assignment.id, snapshot, status === assignment.status ? null : status, revision);
  if (status === "COMPLETED" && assignment.status !== "COMPLETED") {
    const completed = { type: "assignment.completed", actorId: ctx.user.id, subjectType: "assignment", subjectId: assignment.id, payload: { assignmentId: assignment.id, items: snapshot.track.total } };
    return { status, events: [completed], update };
  }
  return { status, events: [], update };
}

/** countAfterWrite, then its UPDATE: for writes whose statements are already made (a bulk, a review, an upgrade, a submission). */
export async function settleCompletion(...args: Parameters<typeof countAfterWrite>): Promise<Omit<CountedWrite, "update">> {
  const { update, ...counted } = await countAfterWrite(...args);
  await args[0].rows(update, "progress.assignment-counts");
  return counted;
}

/**
 * One UPDATE of the assignment after a progress write: its counts for the
 * dashboards (progress-snapshot.ts), the hire's last activity when
 * the hire made the change, and the new status (completed, stamped now, or back to
 * active) when it changed. Timestamps are UTC without a zone, as Prisma writes them.
 */
export function countsUpdate(actorId: string, assignmentId: string, snapshot: ProgressSnapshot, status: AssignmentStatus | null, revision?: string): Statement {
  // Every progress write saves the counts on the assignment's row, so its xmin (the transaction that last
  // wrote it) is a revision: a write that read the row at one revision updates it only if it is still there.
  const guard = revision === undefined ? sql`` : sql` AND xmin = ${revision}::xid RETURNING id`;
  return sql`
    UPDATE "Assignment" SET "progressSnapshot" = ${JSON.stringify(snapshot)}::jsonb,
      "lastActivityAt" = CASE WHEN "assigneeId" = ${actorId} THEN date_trunc('milliseconds', now() AT TIME ZONE 'UTC') ELSE "lastActivityAt" END,
      status = coalesce(${status}::"AssignmentStatus", status),
      "completedAt" = CASE WHEN ${status}::text IS NULL THEN "completedAt" WHEN ${status}::text = 'COMPLETED' THEN date_trunc('milliseconds', now() AT TIME ZONE 'UTC') END,
      "updatedAt" = CASE WHEN ${status}::text IS NULL THEN "updatedAt" ELSE date_trunc('milliseconds', now() AT TIME ZONE 'UTC') END
    WHERE id = ${assignmentId}${guard}`;
}

/**
 * Sets one item's state and nothing else (its note and links stay): evidence
 * moving an item along (a first attempt starts it, an approval finishes it).
 * Returns the row as it is now.
 */
export async function setItemState(
  runner: SqlRunner,
  ctx: OrgContext,
  target: { assignmentId: string; key: string; state: "IN_PROGRESS" | "DONE" },
): Promise<ItemProgressRow> {
  const [row] = await runner.rows<ItemProgressRow>(sql`
    INSERT INTO "ItemProgress" ("organizationId", "assignmentId", "stableKey", "state", "updatedById", "createdAt", "updatedAt")
    VALUES (${ctx.organization.id}, ${target.assignmentId}, ${target.key}, ${target.state}::"ProgressState", ${ctx.user.id},
            date_trunc('milliseconds', now() AT TIME ZONE 'UTC'), date_trunc('milliseconds', now() AT TIME ZONE 'UTC'))
    ON CONFLICT ("assignmentId", "stableKey") DO UPDATE SET
      state = EXCLUDED.state, "notApplicableReason" = NULL, "updatedById" = EXCLUDED."updatedById", "archivedAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "stableKey", state::text AS state, "notApplicableReason", note, links, "updatedAt", "archivedAt"`, "progress.set-item-state");
  return row!;
}

/** The item's current state: NOT_STARTED without a row or when its row is archived. */
export async function currentItemState(runner: SqlRunner, assignmentId: string, key: string): Promise<ProgressState> {
  const [row] = await runner.rows<{ state: ProgressState; archivedAt: Date | null }>(sql`
    SELECT state::text AS state, "archivedAt" FROM "ItemProgress" WHERE "assignmentId" = ${assignmentId} AND "stableKey" = ${key}`, "progress.current-state");
  return row && row.archivedAt === null ? row.state : "NOT_STARTED";
}

export interface ItemProgressRow {
  stableKey: string;
  state: ProgressState;
  notApplicableReason: string | null;
  note: string | null;
  links: unknown;
  updatedAt: Date;
  archivedAt: Date | null;
}
