/**
 * The dashboards' stuck rule (flags.ts: an item in progress, or no activity, for
 * more than the organization's `stuckAfterDays` whole days) in SQL, for the
 * reminder scans, which flag every assignment of the database in one statement.
 * `daysBetween(since, now) > N` is `floor((now - since) / 1 day) > N`, which is
 * `since <= now - (N + 1) days`. tests/reminders checks both forms on the same
 * rows at the boundaries.
 */
import { sql } from "@/lib/db/sql";
import type { Statement } from "@/lib/db/sql";

/** The oldest item in progress per assignment (the partial index holds only those). */
export const IN_PROGRESS_SINCE: Statement = sql`(
  SELECT "assignmentId", min("updatedAt") AS since FROM "ItemProgress"
  WHERE state = 'IN_PROGRESS' AND "archivedAt" IS NULL GROUP BY "assignmentId")`;

/**
 * The time an ACTIVE assignment has been stuck since, or NULL: the oldest item in
 * progress when that is stuck, else the hire's last activity (or the start day).
 * `a` is "Assignment", `ip` a LEFT JOIN of IN_PROGRESS_SINCE, `stuckAfterDays` an
 * integer expression, `now` a UTC `timestamp` expression.
 */
export function stuckSinceSql(stuckAfterDays: Statement, now: Statement): Statement {
  const threshold = sql`(${now} - make_interval(days => ${stuckAfterDays} + 1))`;
  return sql`(CASE
    WHEN ip.since IS NOT NULL AND ip.since <= ${threshold} THEN ip.since
    WHEN coalesce(a."lastActivityAt", a."startDate"::timestamp) <= ${threshold} THEN coalesce(a."lastActivityAt", a."startDate"::timestamp)
  END)`;
}
