import { eventCtes } from "@/lib/db/events";
import { sql } from "@/lib/db/sql";
import type { SqlRunner } from "@/lib/db/sql";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { canTransition, transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { isManagerRole } from "@/lib/authz/policy";
import { assertAssignee } from "./access";
import { CURRENT_MENTOR_LINKS } from "./mentoring";
import { archivedAssignment, countAfterWrite } from "@/lib/progress/progress-write";
import { toItemProgress } from "./read-assignment";
import { progressTree } from "@/lib/progress/version-trees";
import type { UpdateItemInput } from "./schema";

type ProgressRow = Parameters<typeof toItemProgress>[0];

const invalidState = (message: string, details?: Record<string, unknown>) => invalidInput("body.state", message, details);

/**
 * The hire changes one item: its state (along the allowed transitions), its
 * note or links. One transaction on the pool in plain SQL (the hot path:
 * docs/decisions/0010-hot-path-sql.md) of two statements: the assignment locked
 * with the item's current row and every state; then, counted in between, one
 * statement with the progress row upsert, the assignment's counts (completing or
 * reopening it when a state changed) and its events: progress.updated (with the
 * old and new state), and assignment.completed. `runner` is the transaction's:
 * idempotentSql's (lib/http/idempotency.ts), which with an Idempotency-Key also
 * stores the answer in it.
 */
export async function updateItem(runner: SqlRunner, ctx: OrgContext, assignmentId: string, key: string, input: UpdateItemInput) {
  const organizationId = ctx.organization.id;
  // One writer per assignment (the state read here is the one the write replaces); who may see it is decided from the same row.
  const [locked] = await runner.rows<LockedItem>(sql`
    SELECT a.status::text AS status, a."assigneeId", a."versionId", a."skippedKeys",
           EXISTS (SELECT 1 FROM ${CURRENT_MENTOR_LINKS} m WHERE m."assignmentId" = a.id AND m."mentorId" = ${ctx.user.id}) AS "isMentor",
           p.state::text AS state, p."notApplicableReason", p."archivedAt",
           -- Every current state, read with the lock: the count after the write needs no second read.
           (SELECT coalesce(json_agg(json_build_array(q."stableKey", q.state::text)), '[]'::json) FROM "ItemProgress" q
            WHERE q."assignmentId" = a.id AND q."archivedAt" IS NULL AND q.state <> 'NOT_STARTED') AS states
    FROM "Assignment" a LEFT JOIN "ItemProgress" p ON p."assignmentId" = a.id AND p."stableKey" = ${key}
    WHERE a.id = ${assignmentId} AND a."organizationId" = ${organizationId}
    FOR UPDATE OF a`, "progress.lock-item");
  // Outside the caller's view, it does not exist (access.ts); inside it, only the assignee writes.
  if (!locked || (locked.assigneeId !== ctx.user.id && !isManagerRole(ctx.membership.role) && !locked.isMentor)) throw notFound("assignment");
  assertAssignee(ctx, locked);
  if (locked.status === "ARCHIVED") throw archivedAssignment();

  const node = (await progressTree(runner, organizationId, locked.versionId)).find((candidate) => candidate.key === key);
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
  // The counts after the write are known before it (the states read with the lock, changed by this item),
  // so the assignment's UPDATE (counts, last activity, a changed status) rides in the upsert's statement, and so do the events.
  const states = new Map(locked.states);
  if (to === "NOT_STARTED") states.delete(key);
  else states.set(key, to);
  const assignment = { id: assignmentId, versionId: locked.versionId, skippedKeys: locked.skippedKeys, status: locked.status };
  const { status, summary, events, update } = await countAfterWrite(runner, ctx, assignment, from !== to, states);
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
  return { item: toItemProgress(row!), assignment: { id: assignmentId, status, progress: summary.track } };
}

interface LockedItem {
  status: "ACTIVE" | "COMPLETED" | "ARCHIVED";
  assigneeId: string;
  versionId: string;
  skippedKeys: string[];
  isMentor: boolean;
  state: ProgressState | null;
  notApplicableReason: string | null;
  archivedAt: Date | null;
  /** [stableKey, state] of every current row that left NOT_STARTED. */
  states: Array<[string, ProgressState]>;
}
