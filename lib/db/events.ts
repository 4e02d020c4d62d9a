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
import { randomBytes } from "node:crypto";
import { eventTokenStamp } from "@/lib/api-tokens/request-token";
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeTraceParent } from "@/lib/observability/trace-context";
import { sql } from "./sql";
import type { SqlRunner, Statement } from "./sql";

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
      payload: stampedPayload(event.payload),
      traceParent: activeTraceParent(),
    },
  });
}

/**
 * Several events of one organization in one statement, in the given order: the
 * counter moves by their number and the rows go in with the sequences it gave,
 * so the counter's row lock is taken by the transaction's last statement but
 * one (callers record last) and held only until the commit. Ids are made here
 * (random, like the others: nothing orders by them). `runner` is a transaction's
 * (withTransaction, or prismaRunner(tx)).
 */
export async function recordEvents(runner: SqlRunner, organizationId: string, events: ReadonlyArray<Omit<NewEvent, "organizationId">>): Promise<void> {
  if (events.length === 0) return;
  await runner.rows(sql`WITH ${eventCtes(organizationId, events)} SELECT 1`, "events.record");
}

/**
 * recordEvents' work as two CTEs (`event_counter`, `recorded_events`), for a write
 * whose last statement records its events along with its own change (the
 * one-item progress write): PostgreSQL takes data-modifying CTEs only at the top
 * level of a statement, so they are handed over as CTEs, not as a statement.
 * `onlyIf`, a boolean SQL expression over the statement's other CTEs, records the
 * events only when it holds (the write's guard matched).
 */
export function eventCtes(organizationId: string, events: ReadonlyArray<Omit<NewEvent, "organizationId">>, onlyIf?: Statement): Statement {
  const count = events.length;
  const column = <T>(pick: (event: Omit<NewEvent, "organizationId">) => T) => events.map(pick);
  // With `onlyIf` false the counter does not move and no event is recorded: the sequence stays gap-free.
  const condition = onlyIf ? sql` AND ${onlyIf}` : sql``;
  return sql`
    event_counter AS (
      UPDATE "Organization" SET "eventSequence" = "eventSequence" + ${count}::int WHERE id = ${organizationId}${condition} RETURNING "eventSequence"
    ),
    recorded_events AS (
      INSERT INTO "Event" ("id", "organizationId", "sequence", "type", "actorId", "subjectType", "subjectId", "payload", "createdAt", "traceParent")
      SELECT event.id, ${organizationId}, event_counter."eventSequence" - ${count}::int + event.ordinality, event.type, event.actor_id, event.subject_type, event.subject_id, event.payload,
             date_trunc('milliseconds', now() AT TIME ZONE 'UTC'), ${activeTraceParent()}::text
      FROM event_counter, unnest(
        ${column(() => `e${randomBytes(16).toString("base64url")}`)}::text[],
        ${column((event) => event.type)}::text[],
        ${column((event) => event.actorId)}::text[],
        ${column((event) => event.subjectType)}::text[],
        ${column((event) => event.subjectId)}::text[],
        ${column((event) => JSON.stringify(stampedPayload(event.payload)))}::jsonb[]
      ) WITH ORDINALITY AS event(id, type, actor_id, subject_type, subject_id, payload, ordinality)
    )`;
}

/**
 * An event recorded by a request an API token made carries the token (`apiToken`:
 * id, name, kind), so the audit log names it (decision 0032).
 */
function stampedPayload(payload: Prisma.InputJsonObject | undefined): Prisma.InputJsonObject {
  const token = eventTokenStamp();
  return token ? { ...payload, apiToken: token } : (payload ?? {});
}

/** Events of one organization after a sequence number, in order (replay after reconnect). */
export function eventsAfter(db: DbClient, organizationId: string, after: bigint, limit: number) {
  return db.event.findMany({
    where: { organizationId, sequence: { gt: after } },
    orderBy: { sequence: "asc" },
    take: limit,
  });
}
