/** Events written straight into the log with chosen times, and the two activity routes, for the activity tests. */
import { GET as activityRoute } from "@/app/api/v1/o/[orgSlug]/activity/route";
import { GET as activityDaysRoute } from "@/app/api/v1/o/[orgSlug]/people/[userId]/activity-days/route";
import { getDb } from "@/lib/db/client";
import { prismaRunner, sql } from "@/lib/db/sql";
import { callRoute } from "../support/call-route";

export interface PlannedEvent {
  type: string;
  actorId: string | null;
  subjectId: string;
  subjectType?: string;
  payload?: Record<string, string>;
  /** An ISO instant; now when omitted. */
  at?: string;
}

/**
 * Inserts events the way recordEvents numbers them (the organization's counter
 * moves by their number in the same statement, so sequences stay unique and
 * gap-free), but with the given createdAt; the log refuses updates, not inserts.
 * Returns their sequences, in the order given.
 */
export async function insertEvents(organizationId: string, events: PlannedEvent[]): Promise<number[]> {
  const column = <T>(pick: (event: PlannedEvent) => T) => events.map(pick);
  const rows = await prismaRunner(getDb()).rows<{ sequence: number }>(sql`
    WITH counter AS (
      UPDATE "Organization" SET "eventSequence" = "eventSequence" + ${events.length}::int WHERE id = ${organizationId} RETURNING "eventSequence"
    )
    INSERT INTO "Event" ("id", "organizationId", "sequence", "type", "actorId", "subjectType", "subjectId", "payload", "createdAt")
    SELECT 'test' || md5(random()::text), ${organizationId}, counter."eventSequence" - ${events.length}::int + e.ordinality, e.type, e.actor_id, e.subject_type, e.subject_id, e.payload,
           coalesce(e.at::timestamptz AT TIME ZONE 'UTC', date_trunc('milliseconds', now() AT TIME ZONE 'UTC'))
    FROM counter, unnest(
      ${column((event) => event.type)}::text[],
      ${column((event) => event.actorId)}::text[],
      ${column((event) => event.subjectType ?? "assignment")}::text[],
      ${column((event) => event.subjectId)}::text[],
      ${column((event) => JSON.stringify(event.payload ?? {}))}::jsonb[],
      ${column((event) => event.at ?? null)}::text[]
    ) WITH ORDINALITY AS e(type, actor_id, subject_type, subject_id, payload, at, ordinality)
    RETURNING "sequence"::int AS sequence`);
  return rows.map((row) => row.sequence).sort((a, b) => a - b);
}

export function activity(slug: string, cookie: string, query = "") {
  return callRoute(activityRoute, { path: `/api/v1/o/${slug}/activity${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

export function activityDays(slug: string, cookie: string, userId: string, query = "") {
  return callRoute(activityDaysRoute, { path: `/api/v1/o/${slug}/people/${userId}/activity-days${query ? `?${query}` : ""}`, params: { orgSlug: slug, userId }, cookie });
}
