/**
 * The organization's event log, a page at a time, in sequence order, for readers
 * that want all of it (the audit page, integrations). The live client's replay
 * (list-events.ts) answers `resync` past REPLAY_MAX because a client that far
 * behind should reload what it shows; a log reader instead pages on, and this
 * never answers resync. Who sees which events is the replay's rule
 * (visibleEvents, as the socket rooms: lib/realtime/rooms.ts).
 */
import { getDb } from "@/lib/db/client";
import { invalidInput } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { toWireEvent } from "@/lib/realtime/wire-event";
import { encodeEventLogCursor } from "./event-log-cursor";
import type { EventLogPosition } from "./event-log-cursor";
import { visibleEvents } from "./list-events";

export interface EventLogQuery {
  after?: number;
  cursor?: EventLogPosition;
  limit: number;
}

export async function listEventLog(ctx: OrgContext, query: EventLogQuery) {
  const organizationId = ctx.organization.id;
  if (query.cursor && query.cursor.organizationId !== organizationId) {
    throw invalidInput("query.cursor", "This cursor belongs to another organization's log; use the nextCursor of a page of this one.");
  }
  const after = query.cursor?.sequence ?? query.after ?? 0;
  const db = getDb();
  // Read first: every event up to it is committed (list-events.ts), so no page skips one committing later.
  const { eventSequence } = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { eventSequence: true } });
  const latestSequence = Number(eventSequence);
  if (after >= latestSequence) return { items: [], nextCursor: null, latestSequence };

  const rows = await db.event.findMany({
    where: { organizationId, sequence: { gt: BigInt(after), lte: eventSequence }, ...(await visibleEvents(ctx)) },
    orderBy: { sequence: "asc" },
    take: query.limit + 1,
    select: { sequence: true, type: true, subjectType: true, subjectId: true, actorId: true, payload: true, createdAt: true },
  });
  const items = rows.slice(0, query.limit).map(toWireEvent);
  const more = rows.length > query.limit;
  return { items, nextCursor: more ? encodeEventLogCursor({ organizationId, sequence: items.at(-1)!.sequence }) : null, latestSequence };
}
