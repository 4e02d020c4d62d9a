/**
 * Reads the audit log: one organization's events matching the filters, newest
 * first, a batch at a time from below a sequence (keyset: the page and the export
 * both walk `sequence < before`, never OFFSET), each with its sentence. A batch is
 * three or four statements whatever its size: the events, then the people, tracks
 * and assignments they mention (audit-names.ts).
 */
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadAuditNames } from "./audit-names";
import { describeEvent } from "./describe-event";
import { AUDIT_EVENT_TYPES, isAuditEventType } from "./event-catalog";
import type { AuditEntry, AuditFilters } from "./schema";

const DAY_MS = 24 * 3600_000;

/** The filters as a where clause, always scoped to the organization. */
export function auditWhere(organizationId: string, filters: AuditFilters): Prisma.EventWhereInput {
  return {
    organizationId,
    ...(filters.type?.length ? { type: { in: filters.type } } : {}),
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    ...(filters.subjectId ? { subjectId: filters.subjectId } : {}),
    // createdAt holds UTC without a zone (Prisma's convention); a day runs from its UTC midnight to the next.
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
            ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
          },
        }
      : {}),
  };
}

export interface AuditBatch {
  entries: AuditEntry[];
  /** The sequence to continue below, or null when this batch was the last. */
  nextBefore: bigint | null;
}

/**
 * Up to `limit` entries below `before` (and at or below `upTo`, an export's snapshot
 * of where the log stood when it began). One row more than asked says whether
 * another batch exists without counting.
 */
export async function readAuditBatch(
  organizationId: string,
  filters: AuditFilters,
  { before, upTo, limit }: { before?: bigint | null; upTo?: bigint; limit: number },
): Promise<AuditBatch> {
  const sequence = { ...(before ? { lt: before } : {}), ...(upTo !== undefined ? { lte: upTo } : {}) };
  const rows = await getDb().event.findMany({
    where: { ...auditWhere(organizationId, filters), ...(Object.keys(sequence).length ? { sequence } : {}) },
    orderBy: { sequence: "desc" },
    take: limit + 1,
    select: { id: true, sequence: true, type: true, actorId: true, subjectType: true, subjectId: true, payload: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  const events = page.map((row) => ({ ...row, payload: (row.payload ?? {}) as Record<string, unknown> }));
  const names = await loadAuditNames(organizationId, events);
  const entries = events.map((event) => {
    const actor = event.actorId ? names.people.get(event.actorId) : undefined;
    return {
      id: event.id,
      sequence: Number(event.sequence),
      type: event.type,
      category: isAuditEventType(event.type) ? AUDIT_EVENT_TYPES[event.type].category : "other",
      at: event.createdAt,
      actor: event.actorId && actor ? { id: event.actorId, name: actor.name, email: actor.email } : null,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      description: describeEvent(event, names),
      payload: event.payload,
    };
  });
  return { entries, nextBefore: rows.length > limit ? page.at(-1)!.sequence : null };
}
