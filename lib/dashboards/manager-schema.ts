import { z } from "zod";
import { countsSchema, personSchema, userIdSchema } from "@/lib/assignments/schema";
import { MANAGER_SORTS } from "./manager-sort";

/** A cohort is the month its hires started in. */
const cohortSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month like 2026-11.");

export const MANAGER_PAGE_DEFAULT = 50;
export const MANAGER_PAGE_MAX = 200;

/** What the export takes: the filters and the order. */
export const managerExportQuerySchema = z.strictObject({
  track: z.cuid("Use a track id.").optional().meta({ description: "Only this track's assignments." }),
  mentor: userIdSchema.optional().meta({ description: "Only assignments this person mentors (a user id)." }),
  cohort: cohortSchema.optional().meta({ description: "Only hires who started in this month (UTC), as 2026-11." }),
  sort: z.enum(MANAGER_SORTS).default("hire").meta({ description: "The table's order; rows without the value (no due day, no forecast, never active) come last either way." }),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type ManagerExportQuery = z.output<typeof managerExportQuerySchema>;

/** The dashboard takes a page of the table as well. */
export const managerDashboardQuerySchema = managerExportQuerySchema.extend({
  page: z.coerce.number().int("Use a whole number.").min(1, "Pages start at 1.").max(100_000).default(1),
  pageSize: z.coerce.number().int("Use a whole number.").min(1, "Ask for at least 1.").max(MANAGER_PAGE_MAX, `Ask for at most ${MANAGER_PAGE_MAX}.`).default(MANAGER_PAGE_DEFAULT),
});
export type ManagerDashboardQuery = z.output<typeof managerDashboardQuerySchema>;

const flagsSchema = z.object({ stuck: z.boolean(), stuckReason: z.string().nullable(), overdue: z.boolean(), unanswered: z.boolean() });

export const managerRowSchema = z.object({
  id: z.string(),
  track: z.object({ id: z.string(), title: z.string() }),
  assignee: personSchema,
  mentors: z.array(personSchema),
  cohort: z.string().meta({ description: "The month the hire started, as 2026-11." }),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  progress: countsSchema,
  sectionPercents: z
    .array(z.number().nullable())
    .meta({ description: "The percent done of each of the track's sections, in the order of `tracks[].sections`; null where nothing counts (skipped, not applicable) or the assignment's version lacks the section." }),
  lastActivityAt: z.date().nullable().meta({ description: "The hire's last own change: progress or evidence." }),
  forecast: z
    .object({
      finishDate: z.string().nullable(),
      perWeek: z.number().nullable(),
      onTrack: z.boolean().nullable(),
      minutesPerDay: z.number().optional().meta({ description: "Present when the projection used the estimated minutes (every item left has one): minutes done per day so far." }),
    })
    .meta({ description: "The finish day at the pace kept since the start (estimated minutes done per day when every item left has an estimate, else counted items per day), and whether that is by the due day." }),
  flags: flagsSchema,
});
export type ManagerRow = z.output<typeof managerRowSchema>;

export const managerDashboardSchema = z.object({
  today: z.string().meta({ description: "The day (UTC) flags and forecasts were worked out for." }),
  stuckAfterDays: z.number(),
  filters: z
    .object({ tracks: z.array(z.object({ id: z.string(), title: z.string() })), mentors: z.array(personSchema), cohorts: z.array(z.string()) })
    .meta({ description: "What the filters can choose from: every active assignment's tracks, mentors and start months." }),
  summary: z.object({
    assignments: z.number(),
    overdue: z.number(),
    stuck: z.number(),
    unanswered: z.number(),
    averagePercent: z.number().nullable(),
  }),
  reviews: z
    .object({
      firstReviewMedianHours: z.number().nullable().meta({ description: "Median time from an item's first submission to its first review, over the chosen assignments." }),
      firstReviews: z.number().meta({ description: "How many first submissions were reviewed (the median's sample)." }),
      waitingMedianHours: z.number().nullable().meta({ description: "Median time the attempts waiting now have waited." }),
      waiting: z.number(),
    })
    .meta({ description: "Review times for the chosen assignments." }),
  tracks: z
    .array(z.object({ id: z.string(), title: z.string(), sections: z.array(z.object({ key: z.string(), title: z.string() })) }))
    .meta({ description: "The chosen assignments' tracks with their top-level sections (the heatmap's columns; a section of any version in use)." }),
  heatmap: z
    .array(
      z.object({
        trackId: z.string(),
        cohorts: z.array(z.object({ id: z.string(), label: z.string(), hires: z.number(), values: z.array(z.number().nullable()) })),
      }),
    )
    .meta({ description: "Per track, each cohort's average percent per section (in the order of `tracks[].sections`) over all chosen assignments, newest cohort first." }),
  page: z.object({ number: z.number(), size: z.number(), total: z.number().meta({ description: "Chosen assignments in all pages." }) }),
  assignments: z.array(managerRowSchema).meta({ description: "One page of the chosen active assignments, in the order asked for." }),
});
export type ManagerDashboard = z.output<typeof managerDashboardSchema>;
