/**
 * The Event log: one append-only row per domain change, written in the same
 * transaction as the change it records.
 *
 * Delivery order is fixed at commit: the per-organization counter on
 * Organization.eventSequence is incremented inside the writing transaction, so
 * the row lock makes writers of one organization take turns and a sequence
 * becomes visible only once every smaller one has committed (or rolled back and
 * been reused). A reader following `sequence > lastSeen` therefore never skips an
 * event. The cost — one row lock per organization per write — is measured in
 * bench/ (see docs/decisions/0005-event-log-ordering.md).
 */
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface NewEvent {
  organizationId: string;
  type: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  payload?: Prisma.InputJsonObject;
}

/** Must be called with a transaction client (inside db.$transaction). */
export async function recordEvent(tx: DbClient, event: NewEvent) {
  const { eventSequence } = await tx.organization.update({
    where: { id: event.organizationId },
    data: { eventSequence: { increment: 1 } },
    select: { eventSequence: true },
  });
  return tx.event.create({
    data: {
      organizationId: event.organizationId,
      sequence: eventSequence,
      type: event.type,
      actorId: event.actorId,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      payload: event.payload ?? {},
    },
  });
}

/**
 * Several events of one organization in one go (a bulk change): the counter moves
 * by their number in one update and the rows go in one insert, in the given order.
 */
export async function recordEvents(tx: DbClient, organizationId: string, events: ReadonlyArray<Omit<NewEvent, "organizationId">>): Promise<void> {
  if (events.length === 0) return;
  const { eventSequence } = await tx.organization.update({
    where: { id: organizationId },
    data: { eventSequence: { increment: events.length } },
    select: { eventSequence: true },
  });
  const first = eventSequence - BigInt(events.length) + 1n;
  await tx.event.createMany({
    data: events.map((event, index) => ({
      organizationId,
      sequence: first + BigInt(index),
      type: event.type,
      actorId: event.actorId,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      payload: event.payload ?? {},
    })),
  });
}

/** Events of one organization after a sequence number, in order (replay after reconnect). */
export function eventsAfter(db: DbClient, organizationId: string, after: bigint, limit: number) {
  return db.event.findMany({
    where: { organizationId, sequence: { gt: after } },
    orderBy: { sequence: "asc" },
    take: limit,
  });
}
