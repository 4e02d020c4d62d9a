import { getDb } from "@/lib/db/client";
import type { OrgContext } from "@/lib/http/handle";
import type { ProgressState } from "@/lib/progress/progress-math";
import { findAssignment } from "./read-assignment";

const HISTORY_LIMIT = 200;

interface ProgressPayload {
  key: string;
  from: ProgressState;
  to: ProgressState;
  noteChanged?: boolean;
  linksChanged?: boolean;
}

/**
 * An item's state history, read from the Event log (every progress.updated
 * carries the old and new state), newest first. Whoever may see the assignment
 * may read it; other ids are 404.
 */
export async function itemHistory(ctx: OrgContext, assignmentId: string, key: string) {
  const db = getDb();
  const assignment = await findAssignment(ctx, assignmentId, db);
  const events = await db.event.findMany({
    where: { organizationId: ctx.organization.id, subjectType: "assignment", subjectId: assignment.id, type: "progress.updated", payload: { path: ["key"], equals: key } },
    orderBy: { sequence: "desc" },
    take: HISTORY_LIMIT,
    select: { createdAt: true, payload: true, actor: { select: { id: true, name: true, email: true } } },
  });
  return {
    items: events.map((event) => {
      const payload = event.payload as unknown as ProgressPayload;
      return { at: event.createdAt, actor: event.actor, from: payload.from, to: payload.to, noteChanged: payload.noteChanged === true, linksChanged: payload.linksChanged === true };
    }),
  };
}
