/**
 * Which emails and reminders a user gets, and their time zone (reminders wait
 * out the quiet hours of that zone: lib/reminders/quiet-hours.ts). The evidence
 * emails, "assigned", nudges and the weekly summary switch an email off (their
 * in-app notifications always arrive); the reminder kinds (due soon, overdue,
 * stuck) switch the reminder off altogether (decision 0029).
 */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { SessionContext } from "@/lib/http/handle";
import { timeZoneSchema } from "@/lib/reminders/quiet-hours";

export const emailPreferencesSchema = z.object({
  evidenceSubmitted: z.boolean().meta({ description: "As a mentor: evidence arrived to review (at most one email per 10 minutes)." }),
  reviewDone: z.boolean().meta({ description: "As a hire: a mentor reviewed my evidence." }),
  reviewDigest: z.boolean().meta({ description: "As a mentor: a daily digest of evidence waiting over 24 hours." }),
  assigned: z.boolean().meta({ description: "Email when I am assigned a track, or made a mentor of one (the in-app notice always arrives)." }),
  dueSoon: z.boolean().meta({ description: "Reminders (in the app and by email) before a track I hold or mentor is due." }),
  overdue: z.boolean().meta({ description: "Reminders (in the app and by email) the day after a track is overdue, then weekly." }),
  stuck: z.boolean().meta({ description: "Reminders (in the app and by email) when a hire has had no activity, or one item in progress, for longer than the organization's stuck threshold." }),
  nudge: z.boolean().meta({ description: "Email when a manager or mentor nudges me (the in-app notice always arrives)." }),
  weeklySummary: z.boolean().meta({ description: "As an owner or admin: the Monday summary of who finished, who is stuck or overdue, reviews waiting and forecast slips." }),
  timeZone: z.string().meta({ description: "An IANA time zone name: no reminder is sent between 20:00 and 08:00 there." }),
});

const { timeZone: _timeZone, ...switches } = emailPreferencesSchema.shape;

export const updateEmailPreferencesSchema = z
  .strictObject({
    ...z.object(switches).partial().shape,
    timeZone: timeZoneSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one preference to change.");

const select = {
  emailOnEvidenceSubmitted: true,
  emailOnReviewDone: true,
  emailReviewDigest: true,
  emailOnAssigned: true,
  remindDueSoon: true,
  remindOverdue: true,
  remindStuck: true,
  emailOnNudge: true,
  emailWeeklySummary: true,
  timeZone: true,
} as const;
type Row = { [K in keyof typeof select]: K extends "timeZone" ? string : boolean };
const toOut = (row: Row) => ({
  evidenceSubmitted: row.emailOnEvidenceSubmitted,
  reviewDone: row.emailOnReviewDone,
  reviewDigest: row.emailReviewDigest,
  assigned: row.emailOnAssigned,
  dueSoon: row.remindDueSoon,
  overdue: row.remindOverdue,
  stuck: row.remindStuck,
  nudge: row.emailOnNudge,
  weeklySummary: row.emailWeeklySummary,
  timeZone: row.timeZone,
});

export async function getEmailPreferences(ctx: SessionContext) {
  return toOut(await getDb().user.findUniqueOrThrow({ where: { id: ctx.user.id }, select }));
}

export async function updateEmailPreferences(ctx: SessionContext, input: z.output<typeof updateEmailPreferencesSchema>) {
  const row = await getDb().user.update({
    where: { id: ctx.user.id },
    data: {
      emailOnEvidenceSubmitted: input.evidenceSubmitted,
      emailOnReviewDone: input.reviewDone,
      emailReviewDigest: input.reviewDigest,
      emailOnAssigned: input.assigned,
      remindDueSoon: input.dueSoon,
      remindOverdue: input.overdue,
      remindStuck: input.stuck,
      emailOnNudge: input.nudge,
      emailWeeklySummary: input.weeklySummary,
      timeZone: input.timeZone,
    },
    select,
  });
  ctx.log.info({ preferences: input }, "email preferences changed");
  return toOut(row);
}
