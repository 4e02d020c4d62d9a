/**
 * The hourly scan's events (decision 0035): `assignment.overdue` (the day after
 * the due day, then weekly) and `assignment.stuck` (once per stretch of being
 * stuck: the dashboards' rule, lib/dashboards/stuck-sql.ts) are recorded in the
 * Event log once per occasion, so webhooks, Slack, the audit log and the activity
 * feed can follow them. Set-based like the reminder scans: the occasions of every
 * assignment of every organization are found, claimed and recorded by one
 * statement, whatever the number of hires.
 *
 * Only ACTIVE assignments (not completed, not archived) of a hire who is an
 * ACTIVE member count: a suspended or removed hire is nobody's occasion.
 *
 * The sequence (lib/db/events.ts): an Event takes its organization's counter + n,
 * and the counter's row lock makes writers take turns. Here one statement writes
 * the events of many organizations, so the transaction first locks every
 * organization with a new occasion, in id order (the order account-events.ts uses
 * too, so the two cannot deadlock), `FOR NO KEY UPDATE` (what an UPDATE of the
 * counter takes; it leaves foreign-key checks of other writers alone), and names
 * the assignments whose occasions are new. The second statement starts after the
 * locks are held, so its snapshot holds every event those organizations committed
 * before, and a write that records events there later waits for this commit: an
 * assignment completed meanwhile is seen completed, and no event of it comes after
 * its `assignment.completed`. That statement looks at those assignments again,
 * claims their occasions in `EventOccasion` (ON CONFLICT DO NOTHING), numbers the
 * claimed ones per organization (row_number), moves each organization's counter
 * once by its count, and inserts the events with the numbers the counter gave.
 * An occasion that arose between the two statements waits for the next run.
 *
 * The occasion keys have no foreign key to the assignment on purpose (see the
 * EventOccasion model): a key-share lock on an Assignment row a progress write
 * holds, taken while this transaction holds that organization's counter, which
 * the progress write then waits for, would deadlock.
 *
 * `now` is a parameter, so tests fix the clock; the events' `createdAt` is the
 * time they were recorded, like every event's.
 */
import { sql, withTransaction } from "@/lib/db/sql";
import type { Statement } from "@/lib/db/sql";
import { IN_PROGRESS_SINCE, stuckSinceSql } from "@/lib/dashboards/stuck-sql";
import { activeTraceParent } from "@/lib/observability/trace-context";

export const OCCASION_EVENT_TYPES = ["assignment.overdue", "assignment.stuck"] as const;
export type OccasionEventType = (typeof OCCASION_EVENT_TYPES)[number];

const utc = (now: Date) => sql`${now.toISOString().slice(0, 23)}::timestamp`;
const isoTime = (column: Statement) => sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every occasion due now: ("organizationId", "assignmentId", type, key, payload),
 * at most one per kind per assignment. `only`, when given, looks at those assignments only.
 */
export function occasionsSql(now: Date, only?: { assignments: readonly string[] }): Statement {
  const at = utc(now);
  // The UTC day: events have no recipient whose own day would count (the reminders use the recipient's).
  const day = sql`(${at})::date`;
  const weeksPast = sql`((${day} - a."dueDate" - 1) / 7)`;
  const dueDay = sql`to_char(a."dueDate", 'YYYY-MM-DD')`;
  return sql`
    SELECT a."organizationId", a.id AS "assignmentId", k.type, k.key, k.payload
    FROM "Assignment" a
    JOIN "Organization" o ON o.id = a."organizationId"
    JOIN "Membership" hm ON hm."organizationId" = a."organizationId" AND hm."userId" = a."assigneeId" AND hm.status = 'ACTIVE'
    LEFT JOIN ${IN_PROGRESS_SINCE} ip ON ip."assignmentId" = a.id
    CROSS JOIN LATERAL (SELECT ${stuckSinceSql(sql`o."stuckAfterDays"`, at)} AS since) s
    CROSS JOIN LATERAL (
      SELECT 'assignment.overdue'::text AS type,
             'assignment.overdue:' || a.id || ':' || ${dueDay} || ':' || ${weeksPast}::text AS key,
             jsonb_build_object('assignmentId', a.id, 'assigneeId', a."assigneeId", 'dueDate', ${dueDay},
                                'daysLate', ${day} - a."dueDate", 'week', ${weeksPast}) AS payload
      WHERE a."dueDate" < ${day}
      UNION ALL
      SELECT 'assignment.stuck', 'assignment.stuck:' || a.id || ':' || ${isoTime(sql`s.since`)},
             jsonb_build_object('assignmentId', a.id, 'assigneeId', a."assigneeId", 'stuckSince', ${isoTime(sql`s.since`)},
                                'stuckDays', floor(extract(epoch FROM ${at} - s.since) / 86400)::int, 'stuckAfterDays', o."stuckAfterDays",
                                'inProgress', ip.since IS NOT NULL AND ip.since = s.since)
      WHERE s.since IS NOT NULL
    ) k
    WHERE a.status = 'ACTIVE'${only ? sql` AND a.id = ANY(${[...only.assignments]}::text[])` : sql``}`;
}

/**
 * The organizations with an occasion not yet recorded, locked in id order, each with the
 * assignments of those occasions (first statement): the second looks at those only, so the
 * counters are held for a few index lookups, not for another pass over every assignment.
 */
function lockStatement(now: Date): Statement {
  return sql`
    SELECT o.id, fresh.assignments FROM "Organization" o
    JOIN (
      SELECT c."organizationId", array_agg(DISTINCT c."assignmentId") AS assignments FROM (${occasionsSql(now)}) c
      WHERE NOT EXISTS (SELECT 1 FROM "EventOccasion" eo WHERE eo."organizationId" = c."organizationId" AND eo.key = c.key)
      GROUP BY c."organizationId"
    ) fresh ON fresh."organizationId" = o.id
    ORDER BY o.id
    FOR NO KEY UPDATE OF o`;
}

/**
 * Claims, numbers and records the occasions of the given assignments, all of organizations this
 * transaction has locked (second statement; its snapshot is taken after the locks).
 */
export function recordStatement(now: Date, assignments: readonly string[]): Statement {
  return sql`
    WITH occasions AS (${occasionsSql(now, { assignments })}),
    claimed AS (
      INSERT INTO "EventOccasion" ("organizationId", key, type, "assignmentId", "createdAt")
      SELECT "organizationId", key, type, "assignmentId", ${utc(now)} FROM occasions
      ON CONFLICT DO NOTHING
      RETURNING "organizationId", key
    ),
    numbered AS (
      SELECT c.*, row_number() OVER (PARTITION BY c."organizationId" ORDER BY c.type, c."assignmentId") AS n,
             count(*) OVER (PARTITION BY c."organizationId") AS total
      FROM occasions c JOIN claimed USING ("organizationId", key)
    ),
    counters AS (
      UPDATE "Organization" o SET "eventSequence" = o."eventSequence" + t.total
      FROM (SELECT DISTINCT "organizationId", total FROM numbered) t
      WHERE o.id = t."organizationId"
      RETURNING o.id, o."eventSequence"
    ),
    recorded AS (
      INSERT INTO "Event" ("id", "organizationId", "sequence", "type", "actorId", "subjectType", "subjectId", "payload", "createdAt", "traceParent")
      SELECT 'e' || replace(gen_random_uuid()::text, '-', ''), n."organizationId", counters."eventSequence" - n.total + n.n, n.type, NULL, 'assignment', n."assignmentId", n.payload,
             date_trunc('milliseconds', now() AT TIME ZONE 'UTC'), ${activeTraceParent()}::text
      FROM numbered n JOIN counters ON counters.id = n."organizationId"
      RETURNING type
    )
    SELECT type, count(*)::int AS count FROM recorded GROUP BY type`;
}

export interface OccasionResult {
  /** Events recorded per type. */
  recorded: Record<OccasionEventType, number>;
  /** Organizations whose counters this run locked. */
  organizations: number;
}

/** One run: two statements in one transaction whatever the number of hires and organizations. */
export async function recordOccasionEvents(now: Date): Promise<OccasionResult> {
  return withTransaction(async (runner) => {
    const recorded: Record<OccasionEventType, number> = { "assignment.overdue": 0, "assignment.stuck": 0 };
    const locked = await runner.rows<{ id: string; assignments: string[] }>(lockStatement(now), "occasions.lock");
    if (locked.length === 0) return { recorded, organizations: 0 };
    const assignments = locked.flatMap((row) => row.assignments);
    const rows = await runner.rows<{ type: OccasionEventType; count: number }>(recordStatement(now, assignments), "occasions.record");
    for (const row of rows) recorded[row.type] = row.count;
    return { recorded, organizations: locked.length };
  });
}
