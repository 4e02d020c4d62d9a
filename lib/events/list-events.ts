import { AUDIT_ONLY_TYPES } from "@/lib/audit/event-catalog";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
import { isManagerRole } from "@/lib/authz/policy";
import { memberAssignmentIds } from "@/lib/realtime/rooms";
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

  const rows = await db.event.findMany({
    where: { organizationId, sequence: { gt: BigInt(after), lte: eventSequence }, ...(await visibleEvents(ctx)) },
    orderBy: { sequence: "asc" },
    take: REPLAY_MAX + 1,
    select: { sequence: true, type: true, subjectType: true, subjectId: true, actorId: true, payload: true, createdAt: true },
  });
  if (rows.length > REPLAY_MAX) return { items: [], latestSequence, resync: true };
  return { items: rows.map(toWireEvent), latestSequence, resync: false };
}

/**
 * The events the caller hears on their socket (lib/realtime/rooms.ts), as a filter: the replay's and the log's.
 * The audit log's own types (sign-ins, exports) never go live (event-relay.ts), so neither reads them.
 */
export async function visibleEvents(ctx: OrgContext): Promise<Prisma.EventWhereInput> {
  const notAuditOnly: Prisma.EventWhereInput = { type: { notIn: [...AUDIT_ONLY_TYPES] } };
  if (isManagerRole(ctx.membership.role)) return notAuditOnly;
  return { ...notAuditOnly, subjectType: "assignment", subjectId: { in: await memberAssignmentIds(ctx) } };
}
