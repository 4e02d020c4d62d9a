import { z } from "zod";
import { ROLES } from "@/lib/authz/policy";
import { orgNameProblem } from "./name-rules";

/** URL slugs: lower-case words joined by single hyphens. */
export const orgSlugSchema = z
  .string()
  .min(2, "A slug has at least 2 characters.")
  .max(48, "A slug has at most 48 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.");

export const orgNameSchema = z
  .string()
  .trim()
  .min(2, "A name has at least 2 characters.")
  .max(80, "A name has at most 80 characters.")
  .superRefine((name, ctx) => {
    const problem = orgNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const orgParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });

export const organizationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  role: z.enum(ROLES).meta({ description: "The caller's role in this organization." }),
  stuckAfterDays: z.number().meta({ description: "Dashboards flag a hire as stuck after this many days on one item, or without activity." }),
  reviewTargetDays: z.number().meta({ description: "The reviewer SLA: evidence waiting more working days (Monday to Friday) than this is flagged as overdue." }),
  dueSoonDays: z.number().meta({ description: "Reminders tell a hire and their mentors this many days before an assignment's due day (0: no due-soon reminder)." }),
  createdAt: z.date(),
});

export const STUCK_AFTER_DAYS_MAX = 90;
export const REVIEW_TARGET_DAYS_MAX = 30;
export const DUE_SOON_DAYS_MAX = 30;

/** The name, the stuck threshold, the review target, the due-soon lead, or any of them together. */
export const renameOrganizationSchema = z
  .strictObject({
    name: orgNameSchema.optional(),
    stuckAfterDays: z
      .number({ message: "Use a number of days." })
      .int("Use a whole number of days.")
      .min(1, "Use at least 1 day.")
      .max(STUCK_AFTER_DAYS_MAX, `Use at most ${STUCK_AFTER_DAYS_MAX} days.`)
      .optional(),
    reviewTargetDays: z
      .number({ message: "Use a number of working days." })
      .int("Use a whole number of working days.")
      .min(1, "Use at least 1 working day.")
      .max(REVIEW_TARGET_DAYS_MAX, `Use at most ${REVIEW_TARGET_DAYS_MAX} working days.`)
      .optional(),
    dueSoonDays: z
      .number({ message: "Use a number of days." })
      .int("Use a whole number of days.")
      .min(0, "Use 0 (no reminder) or more days.")
      .max(DUE_SOON_DAYS_MAX, `Use at most ${DUE_SOON_DAYS_MAX} days.`)
      .optional(),
  })
  .refine((body) => body.name !== undefined || body.stuckAfterDays !== undefined || body.reviewTargetDays !== undefined || body.dueSoonDays !== undefined, {
    message: "Send a name, stuckAfterDays, reviewTargetDays or dueSoonDays.",
    path: ["name"],
  });

export const createOrganizationSchema = z.strictObject({ name: orgNameSchema });

/** The typed confirmation a deletion needs (decision 0045): a replayed or forged request without it changes nothing. */
export const deleteOrganizationSchema = z.strictObject({
  confirmName: z
    .string({ message: "Type the organization's name to confirm." })
    .max(200, "That is longer than any organization's name.")
    .meta({ description: "The organization's name, typed by the owner: anything else is a 422 and nothing is deleted." }),
});

export const deletedOrganizationSchema = z.object({
  slug: z.string(),
  name: z.string(),
  deleted: z.literal(true),
});

/** The owner's setup checklist (lib/orgs/setup-steps.ts), for the Setup tab's "2/5" and for clients. */
export const setupChecklistSchema = z.object({
  steps: z.array(
    z.object({
      id: z.enum(["track", "publish", "invite", "assign", "dashboard"]),
      title: z.string(),
      hint: z.string(),
      href: z.string().meta({ description: "The page where the step is done." }),
      action: z.string().meta({ description: "The words of the link to that page." }),
      done: z.boolean(),
      current: z.boolean().meta({ description: "The first step not done yet." }),
    }),
  ),
  doneCount: z.number(),
  total: z.number(),
  complete: z.boolean(),
});
