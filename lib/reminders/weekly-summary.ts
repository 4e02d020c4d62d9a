/**
 * The owners' and admins' weekly summary (decision 0029): who finished, who is
 * stuck or overdue (the dashboards' flags), the reviews waiting longest, and
 * forecast slips (lib/dashboards/forecast.ts, as the dashboard shows them).
 *
 * An hourly scan picks, in one statement, every active owner and admin who
 * wants it and for whom it is Monday between 08:00 and 20:00 in their own time
 * zone, claims (person, organization, week) in ReminderSend so the week's
 * summary goes once, and enqueues one email job each in the same transaction.
 * The email job works the summary out when it runs.
 */
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { prismaRunner, sql } from "@/lib/db/sql";
import { managerRows } from "@/lib/dashboards/manager-dashboard";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { weeklySummaryEmail } from "@/lib/email/templates/reminder-emails";
import type { WeeklySummaryInput } from "@/lib/email/templates/reminder-emails";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { QUIET_END_HOUR, QUIET_START_HOUR } from "./quiet-hours";

const LIST_MAX = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const nameOf = (person: { name: string | null; email: string }) => person.name?.trim() || person.email;

/** The summary of one organization at `now` (the week before it). */
export async function weeklySummary(organizationId: string, now: Date): Promise<Omit<WeeklySummaryInput, "weekOf" | "dashboardUrl" | "organizationName">> {
  const db = getDb();
  const [finished, dashboard, waiting] = await Promise.all([
    db.assignment.findMany({
      where: { organizationId, status: "COMPLETED", completedAt: { gte: new Date(now.getTime() - 7 * DAY_MS), lte: now } },
      orderBy: { completedAt: "asc" },
      select: { assignee: { select: { name: true, email: true } }, track: { select: { title: true } } },
    }),
    managerRows({ organization: { id: organizationId } } as Parameters<typeof managerRows>[0], { sort: "hire", order: "asc" }, now),
    db.evidenceAttempt.findMany({
      where: { organizationId, status: "SUBMITTED", assignment: { status: "ACTIVE" } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: 5,
      select: { stableKey: true, submittedAt: true, assignment: { select: { versionId: true, assignee: { select: { name: true, email: true } } } } },
    }),
  ]);
  const titles = await db.trackNode.findMany({
    where: { organizationId, OR: waiting.map((attempt) => ({ versionId: attempt.assignment.versionId, stableKey: attempt.stableKey })) },
    select: { versionId: true, stableKey: true, title: true },
  });
  const titleOf = new Map(titles.map((node) => [`${node.versionId}/${node.stableKey}`, node.title]));
  const rows = dashboard.rows;
  return {
    finished: finished.map((row) => ({ hireName: nameOf(row.assignee), trackTitle: row.track.title })),
    stuck: rows.filter((row) => row.flags.stuck).slice(0, LIST_MAX).map((row) => ({ hireName: nameOf(row.assignee), trackTitle: row.track.title, reason: row.flags.stuckReason ?? "stuck" })),
    overdue: rows.filter((row) => row.flags.overdue).slice(0, LIST_MAX).map((row) => ({ hireName: nameOf(row.assignee), trackTitle: row.track.title, dueDate: row.dueDate! })),
    reviews: waiting.map((attempt) => ({
      hireName: nameOf(attempt.assignment.assignee),
      itemTitle: titleOf.get(`${attempt.assignment.versionId}/${attempt.stableKey}`) ?? attempt.stableKey,
      waitingHours: Math.floor((now.getTime() - attempt.submittedAt.getTime()) / 3_600_000),
    })),
    slips: rows
      .filter((row) => row.forecast.onTrack === false && !row.flags.overdue)
      .slice(0, LIST_MAX)
      .map((row) => ({ hireName: nameOf(row.assignee), trackTitle: row.track.title, dueDate: row.dueDate!, finishDate: row.forecast.finishDate! })),
  };
}

export const weeklySummaryEmailJob = defineJob({
  name: "reminder.weekly-summary-email",
  payload: z.strictObject({ organizationId: z.string().min(1), userId: z.string().min(1), week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  retry: EMAIL_RETRY,
  async handler({ organizationId, userId, week }, { log }) {
    const db = getDb();
    const member = await db.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId } },
      select: { status: true, role: true, user: { select: { email: true, emailWeeklySummary: true } }, organization: { select: { name: true, slug: true } } },
    });
    // Checked again at send time: demoted, suspended, removed or turned off since the scan.
    if (!member || member.status !== "ACTIVE" || (member.role !== "OWNER" && member.role !== "ADMIN")) return log.info({ userId, organizationId }, "weekly summary skipped: no longer a manager");
    if (!member.user.emailWeeklySummary) return log.info({ userId }, "weekly summary skipped: turned off");
    const summary = await weeklySummary(organizationId, new Date());
    await deliverEmail(
      {
        kind: "weekly-summary",
        to: member.user.email,
        idempotencyKey: `weekly-summary/${organizationId}/${userId}/${week}`,
        ...weeklySummaryEmail({ ...summary, organizationName: member.organization.name, weekOf: week, dashboardUrl: new URL(`/o/${member.organization.slug}/dashboard`, getConfig().NEXTAUTH_URL).toString() }),
      },
      log,
    );
  },
});

/** One run: claims the week's summary for everyone it is due for, in one statement, and enqueues their emails. */
export async function runWeeklySummaryScan(now: Date): Promise<{ enqueued: number }> {
  const at = sql`${now.toISOString().slice(0, 23)}::timestamp`;
  return getDb().$transaction(async (tx) => {
    const claimed = await prismaRunner(tx).rows<{ organizationId: string; userId: string; week: string }>(sql`
      WITH managers AS (
        SELECT m."organizationId", m."userId", (${at} AT TIME ZONE 'UTC' AT TIME ZONE u."timeZone") AS local
        FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE m.status = 'ACTIVE' AND m.role IN ('OWNER', 'ADMIN') AND u."emailWeeklySummary"
      ), due AS (
        SELECT "organizationId", "userId", to_char(local::date, 'YYYY-MM-DD') AS week FROM managers
        WHERE extract(isodow FROM local) = 1 AND extract(hour FROM local) >= ${QUIET_END_HOUR} AND extract(hour FROM local) < ${QUIET_START_HOUR}
      )
      INSERT INTO "ReminderSend" ("organizationId", "userId", key, kind, "assignmentId", "createdAt")
      SELECT "organizationId", "userId", 'weekly_summary:' || week, 'weekly_summary', NULL, ${at} FROM due
      ON CONFLICT DO NOTHING
      RETURNING "organizationId", "userId", substring(key FROM 16) AS week`);
    await enqueueMany(tx, weeklySummaryEmailJob, claimed.map((row) => ({ payload: row })));
    return { enqueued: claimed.length };
  });
}

export const weeklySummaryScanJob = defineJob({
  name: "reminder.weekly-summary-scan",
  // Hourly, so that every time zone's Monday morning is met.
  cron: "20 * * * *",
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 60, backoff: false },
  async handler(_payload, { log }) {
    log.info(await runWeeklySummaryScan(new Date()), "weekly summary scan done");
  },
});
