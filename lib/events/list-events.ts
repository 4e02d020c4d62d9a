import { AUDIT_ONLY_TYPES } from "@/lib/audit/event-catalog";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
import { isManagerRole, memberAssignmentIds } from "@/lib/realtime/rooms";
import { toWireEvent } from "@/lib/realtime/wire-event";
import { REPLAY_MAX } from "./schema";

/**
 * The replay a reconnecting client asks for: filtered by the same rule as the
 * socket rooms (lib/realtime/rooms.ts). The organization's counter is read first:
 * every event up to it is committed (a writer holds the counter's row until it
 * commits), so the page is complete up to latestSequence.
 */
export async function listEvents(ctx: OrgContext, after: number | undefined) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const { eventSequence } = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { eventSequence: true } });
  const latestSequence = Number(eventSequence);
  if (after === undefined || after >= latestSequence) return { items: [], latestSequence, resync: false };

  const visible: Prisma.EventWhereInput = isManagerRole(ctx.membership.role)
    ? {}
    : { subjectType: "assignment", subjectId: { in: await memberAssignmentIds(organizationId, ctx.user.id) } };
  const rows = await db.event.findMany({
    // The audit log's own types never go live (event-relay.ts), so they are not replayed either.
    where: { organizationId, sequence: { gt: BigInt(after), lte: eventSequence }, type: { notIn: [...AUDIT_ONLY_TYPES] }, ...visible },
    orderBy: { sequence: "asc" },
    take: REPLAY_MAX + 1,
    select: { sequence: true, type: true, subjectType: true, subjectId: true, actorId: true, payload: true, createdAt: true },
  });
  if (rows.length > REPLAY_MAX) return { items: [], latestSequence, resync: true };
  return { items: rows.map(toWireEvent), latestSequence, resync: false };
}
