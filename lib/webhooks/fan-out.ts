/**
 * Turns an organization's new events into deliveries, one row per event per
 * endpoint that chose its type, in sequence order (decision 0033). Each endpoint
 * remembers the last sequence it considered (`afterSequence`); its row is locked
 * while the rows are written and the mark moves, so two runs at once (two
 * instances, a retried job) write each delivery once — and the unique
 * (endpointId, eventSequence) key would refuse a second anyway.
 *
 * Only committed events are read: the organization's counter is read first, and
 * every event up to it has committed (lib/events/event-log.ts).
 */
import { getDb } from "@/lib/db/client";
import { isAuditOnlyType } from "@/lib/audit/event-catalog";
import { toWireEvent } from "@/lib/realtime/wire-event";
import { scheduleDeliveries, scheduleFanOut } from "./schedule";

/** Events read per endpoint per run; more waits for the next run (enqueued at once). */
export const FAN_OUT_BATCH = 500;

interface LockedEndpoint {
  id: string;
  enabled: boolean;
  eventTypes: string[];
  afterSequence: bigint;
  nextPosition: bigint;
}

export async function fanOutEvents(organizationId: string): Promise<{ created: number; endpoints: string[] }> {
  const db = getDb();
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { eventSequence: true } });
  if (!organization) return { created: 0, endpoints: [] };
  const latest = organization.eventSequence;
  let created = 0;
  let more = false;
  const touched: string[] = [];

  await db.$transaction(
    async (tx) => {
      const endpoints = await tx.$queryRaw<LockedEndpoint[]>`
        SELECT id, enabled, "eventTypes", "afterSequence", "nextPosition" FROM "WebhookEndpoint"
        WHERE "organizationId" = ${organizationId} AND "afterSequence" < ${latest}
        ORDER BY id FOR UPDATE`;
      for (const endpoint of endpoints) {
        // Read again under the lock: a run that held it before may have moved the mark.
        if (endpoint.afterSequence >= latest) continue;
        const types = endpoint.eventTypes.filter((type) => !isAuditOnlyType(type));
        // A disabled endpoint skips what happens meanwhile (re-enabling does not replay it).
        const rows = !endpoint.enabled || types.length === 0 ? [] : await tx.event.findMany({
          where: { organizationId, sequence: { gt: endpoint.afterSequence, lte: latest }, type: { in: types } },
          orderBy: { sequence: "asc" },
          take: FAN_OUT_BATCH,
          select: { sequence: true, type: true, subjectType: true, subjectId: true, actorId: true, payload: true, createdAt: true },
        });
        const full = rows.length === FAN_OUT_BATCH;
        more ||= full;
        if (rows.length > 0) {
          const inserted = await tx.webhookDelivery.createMany({
            data: rows.map((row, index) => ({
              organizationId,
              endpointId: endpoint.id,
              position: endpoint.nextPosition + BigInt(index),
              eventSequence: row.sequence,
              eventType: row.type,
              event: JSON.parse(JSON.stringify(toWireEvent(row))),
            })),
            skipDuplicates: true,
          });
          created += inserted.count;
          touched.push(endpoint.id);
        }
        await tx.webhookEndpoint.update({
          where: { id: endpoint.id },
          data: { afterSequence: full ? rows.at(-1)!.sequence : latest, nextPosition: endpoint.nextPosition + BigInt(rows.length) },
        });
      }
    },
    { timeout: 30_000 },
  );

  if (touched.length > 0) await scheduleDeliveries(touched);
  if (more) await scheduleFanOut(organizationId);
  return { created, endpoints: touched };
}
