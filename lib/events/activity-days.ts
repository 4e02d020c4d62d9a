/**
 * A person's activity calendar: how many of their own assignment events (the
 * feed's types) fall on each UTC day of a range. Counted by the database in one
 * grouped statement on the (organizationId, actorId, createdAt) index, so the cost
 * follows the number of events in the range, never a query per day.
 */
import { z } from "zod";
import { calendarDaySchema } from "@/lib/http/calendar-day";
import { queryRows, sql } from "@/lib/db/sql";
import { invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { ACTIVITY_TYPES } from "./activity";
import { mayReadActivityOf } from "./person-activity-access";

/** A leap year's worth: a year back from any day fits. */
export const ACTIVITY_DAYS_MAX_SPAN = 366;
/** The default range: the 365 days ending today. */
const DEFAULT_SPAN = 365;
const DAY_MS = 24 * 3600_000;

const daySchema = calendarDaySchema();

export const activityDaysParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, userId: z.string().min(1).max(64) });

export const activityDaysQuerySchema = z.strictObject({
  from: daySchema.optional().meta({ description: `The first day (UTC), included. Defaults to ${DEFAULT_SPAN - 1} days before \`to\`.` }),
  to: daySchema.optional().meta({ description: "The last day (UTC), included. Defaults to today." }),
});
export type ActivityDaysQuery = z.output<typeof activityDaysQuerySchema>;

export const activityDaysSchema = z.object({
  userId: z.string(),
  from: z.string().meta({ description: "The first day counted (UTC)." }),
  to: z.string().meta({ description: "The last day counted (UTC)." }),
  days: z
    .array(z.object({ day: z.string().meta({ description: "YYYY-MM-DD, UTC." }), count: z.number().int().min(1) }))
    .meta({ description: "Days with at least one of the person's own changes, oldest first; days without any are left out." }),
});

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The range asked for, with its defaults, or a 422 naming the field to change.
 * `today` is passed in so the defaults can be tested without a clock.
 */
export function resolveDayRange(query: ActivityDaysQuery, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? isoDay(dayTime(to) - (DEFAULT_SPAN - 1) * DAY_MS);
  // A defaulted `from` is never after `to`, so with `to` given it is the one at fault.
  if (from > to) throw invalidInput(query.to ? "query.to" : "query.from", "The end of the range is on or after its start.");
  const span = (dayTime(to) - dayTime(from)) / DAY_MS + 1;
  if (span > ACTIVITY_DAYS_MAX_SPAN) throw invalidInput("query.from", `Ask for at most ${ACTIVITY_DAYS_MAX_SPAN} days at a time.`, { maxDays: ACTIVITY_DAYS_MAX_SPAN });
  return { from, to };
}

export async function activityDays(ctx: OrgContext, userId: string, query: ActivityDaysQuery, now = new Date()) {
  const { from, to } = resolveDayRange(query, isoDay(now.getTime()));
  // Someone the caller may not follow does not exist for them (the API's 404 rule), whatever the range.
  if (!(await mayReadActivityOf(ctx, userId))) throw notFound("member");
  // createdAt is a zone-less timestamp holding UTC (Prisma's and recordEvents' convention):
  // truncating it gives the UTC day, and the bounds are compared as UTC midnights.
  const days = await queryRows<{ day: string; count: number }>(sql`
    SELECT to_char(date_trunc('day', e."createdAt"), 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM "Event" e
    WHERE e."organizationId" = ${ctx.organization.id}
      AND e."actorId" = ${userId}
      AND e."createdAt" >= ${from}::date
      AND e."createdAt" < ${to}::date + 1
      AND e."subjectType" = 'assignment'
      AND e.type = ANY(${[...ACTIVITY_TYPES]}::text[])
    GROUP BY 1
    ORDER BY 1`);
  return { userId, from, to, days };
}
