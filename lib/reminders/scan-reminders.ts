/**
 * The reminder scans (decision 0029): due soon, overdue and stuck, each ONE
 * statement over the whole database per run, whatever the number of hires. A
 * statement picks every ACTIVE assignment the kind applies to, joins its
 * recipients (the hire, who must be an active member, and the mentors who
 * count now: mentoring.ts), keeps those who want the kind and are outside their quiet
 * hours (the day and hour are the recipient's own time zone), inserts their
 * (recipient, key) pairs into ReminderSend with ON CONFLICT DO NOTHING, and
 * writes a Notification for each pair that was new. The key names the
 * occasion (the due day; the week past it; when the hire got stuck), so a
 * reminder is sent once per occasion however often or concurrently scans run,
 * and a due day moved later (an extension) is a new occasion. The emails of the
 * new notifications are enqueued in the same transaction, with one insert.
 *
 * `now` is a parameter, so tests fix the clock.
 */
import { getDb } from "@/lib/db/client";
import { prismaRunner, sql } from "@/lib/db/sql";
import type { SqlRunner, Statement } from "@/lib/db/sql";
import { CURRENT_MENTOR_LINKS } from "@/lib/assignments/mentoring";
import { IN_PROGRESS_SINCE, stuckSinceSql } from "@/lib/dashboards/stuck-sql";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { QUIET_END_HOUR, QUIET_START_HOUR } from "./quiet-hours";
import { reminderEmailJob } from "./reminder-email-job";
import type { ReminderNotificationType } from "./reminder-kinds";

export type ScanKind = "reminder.due_soon" | "reminder.overdue" | "reminder.stuck";
export const SCAN_KINDS: readonly ScanKind[] = ["reminder.due_soon", "reminder.overdue", "reminder.stuck"];

// The User column of each kind's preference (PREFERENCE_OF), as SQL.
const PREFERENCE_SQL: Record<ScanKind, Statement> = {
  "reminder.due_soon": sql`u."remindDueSoon"`,
  "reminder.overdue": sql`u."remindOverdue"`,
  "reminder.stuck": sql`u."remindStuck"`,
};

/** `now` as the UTC `timestamp` Prisma's columns hold. */
const utc = (now: Date) => sql`${now.toISOString().slice(0, 23)}::timestamp`;

interface KindSql {
  /** Assignments the kind may apply to, before the recipients' days are known (a cheap pre-filter on `a`, `o`, `ip`). */
  candidates: Statement;
  /** On a recipient row `r` (columns of the candidates plus "localDay"): the kind applies today. */
  applies: Statement;
  /** The occasion, text: with the kind and assignment it makes the once-only key. */
  occasion: Statement;
  /** The notification's payload additions, a jsonb expression on `r`. */
  payload: Statement;
  /** Extra columns the candidates carry for the three above. */
  columns: Statement;
}

function kindSql(kind: ScanKind, now: Date): KindSql {
  const at = utc(now);
  // A recipient's local day lies within a day of the UTC day: the pre-filters leave a day either side.
  const utcDay = sql`(${at})::date`;
  if (kind === "reminder.due_soon") {
    return {
      candidates: sql`o."dueSoonDays" > 0 AND a."dueDate" BETWEEN ${utcDay} - 1 AND ${utcDay} + o."dueSoonDays" + 1`,
      columns: sql`o."dueSoonDays"`,
      applies: sql`r."localDay" BETWEEN r."dueDate" - r."dueSoonDays" AND r."dueDate"`,
      occasion: sql`to_char(r."dueDate", 'YYYY-MM-DD')`,
      payload: sql`jsonb_build_object('daysLeft', r."dueDate" - r."localDay")`,
    };
  }
  if (kind === "reminder.overdue") {
    // The day after the due day, then every seven days: week 0, 1, 2… past it.
    return {
      candidates: sql`a."dueDate" < ${utcDay} + 1`,
      columns: sql`NULL::int AS "dueSoonDays"`,
      applies: sql`r."localDay" > r."dueDate"`,
      occasion: sql`to_char(r."dueDate", 'YYYY-MM-DD') || ':' || ((r."localDay" - r."dueDate" - 1) / 7)::text`,
      payload: sql`jsonb_build_object('daysLate', r."localDay" - r."dueDate")`,
    };
  }
  const since = stuckSinceSql(sql`o."stuckAfterDays"`, at);
  return {
    candidates: sql`${since} IS NOT NULL`,
    columns: sql`${since} AS "stuckSince", o."stuckAfterDays"`,
    applies: sql`true`,
    // Once per stretch of being stuck: moving again and getting stuck later is a new occasion.
    occasion: sql`to_char(r."stuckSince", 'YYYY-MM-DD"T"HH24:MI:SS.MS')`,
    payload: sql`jsonb_build_object('stuckDays', floor(extract(epoch FROM ${at} - r."stuckSince") / 86400)::int, 'inProgress', r."inProgressSince" IS NOT NULL AND r."inProgressSince" = r."stuckSince")`,
  };
}

/** The one statement of a kind: returns the new notifications' ids. */
export function scanStatement(kind: ScanKind, now: Date): Statement {
  const at = utc(now);
  const k = kindSql(kind, now);
  const preference = PREFERENCE_SQL[kind];
  return sql`
    WITH candidates AS (
      SELECT a.id AS "assignmentId", a."organizationId", a."assigneeId", a."dueDate", t.title AS "trackTitle",
             coalesce(nullif(trim(hire.name), ''), hire.email) AS "hireName", ip.since AS "inProgressSince", ${k.columns}
      FROM "Assignment" a
      JOIN "Organization" o ON o.id = a."organizationId"
      JOIN "Track" t ON t.id = a."trackId"
      JOIN "User" hire ON hire.id = a."assigneeId"
      LEFT JOIN ${IN_PROGRESS_SINCE} ip ON ip."assignmentId" = a.id
      -- A hire who is suspended or removed is reminded of nothing, and nor are their mentors.
      JOIN "Membership" hm ON hm."organizationId" = a."organizationId" AND hm."userId" = a."assigneeId" AND hm.status = 'ACTIVE'
      WHERE a.status = 'ACTIVE' AND ${k.candidates}
    ), recipients AS (
      SELECT c.*, p."userId", p.role, (${at} AT TIME ZONE 'UTC' AT TIME ZONE u."timeZone") AS "localTime"
      FROM candidates c
      JOIN LATERAL (
        SELECT c."assigneeId" AS "userId", 'hire' AS role
        UNION ALL
        SELECT m."mentorId", 'mentor' FROM ${CURRENT_MENTOR_LINKS} m WHERE m."assignmentId" = c."assignmentId" AND m."mentorId" <> c."assigneeId"
      ) p ON true
      JOIN "User" u ON u.id = p."userId"
      WHERE ${preference}
    ), awake AS (
      SELECT rr.*, rr."localTime"::date AS "localDay" FROM recipients rr
      WHERE extract(hour FROM rr."localTime") >= ${QUIET_END_HOUR} AND extract(hour FROM rr."localTime") < ${QUIET_START_HOUR}
    ), due AS (
      SELECT r.*, ${kind}::text || ':' || r."assignmentId" || ':' || ${k.occasion} AS key, ${k.payload} AS extra
      FROM awake r WHERE ${k.applies}
    ), sent AS (
      INSERT INTO "ReminderSend" ("organizationId", "userId", key, kind, "assignmentId", "createdAt")
      SELECT d."organizationId", d."userId", d.key, ${kind}::text, d."assignmentId", ${at} FROM due d
      ON CONFLICT DO NOTHING
      RETURNING "userId", key
    )
    INSERT INTO "Notification" (id, "organizationId", "userId", type, "actorId", "assignmentId", "stableKey", payload, "createdAt")
    SELECT gen_random_uuid()::text, d."organizationId", d."userId", ${kind}::text, NULL, d."assignmentId", '',
           jsonb_build_object('trackTitle', d."trackTitle", 'hireName', d."hireName", 'role', d.role, 'dueDate', to_char(d."dueDate", 'YYYY-MM-DD')) || d.extra,
           ${at}
    FROM sent s JOIN due d ON d."userId" = s."userId" AND d.key = s.key
    RETURNING id`;
}

export interface ScanResult {
  /** New notifications per kind. */
  sent: Record<ScanKind, number>;
  /** Statements run (the scans and the one enqueue): bench/ reports it. */
  statements: number;
}

/**
 * One run of every scan in one transaction: a crash between a reminder's
 * notification and its email job leaves neither. Run by the hourly cron job.
 */
export async function runReminderScans(now: Date): Promise<ScanResult> {
  return getDb().$transaction(
    async (tx) => {
      const runner: SqlRunner = prismaRunner(tx);
      const sent = {} as Record<ScanKind, number>;
      const ids: string[] = [];
      let statements = 0;
      for (const kind of SCAN_KINDS) {
        const rows = await runner.rows<{ id: string }>(scanStatement(kind, now));
        statements++;
        sent[kind] = rows.length;
        ids.push(...rows.map((row) => row.id));
      }
      if (ids.length > 0) {
        await enqueueMany(tx, reminderEmailJob, ids.map((notificationId) => ({ payload: { notificationId } })));
        statements++;
      }
      return { sent, statements };
    },
    { timeout: 120_000 },
  );
}

export type { ReminderNotificationType };
