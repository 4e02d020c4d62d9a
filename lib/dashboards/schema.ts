import { z } from "zod";
import { ASSIGNMENT_STATUSES, assignmentsParamsSchema, countsSchema, personSchema } from "@/lib/assignments/schema";

export const dashboardParamsSchema = assignmentsParamsSchema;

export const menteeSchema = z.object({
  assignment: z.object({
    id: z.string(),
    status: z.enum(ASSIGNMENT_STATUSES),
    track: z.object({ id: z.string(), title: z.string() }),
    assignee: personSchema,
    startDate: z.string(),
    dueDate: z.string().nullable(),
    progress: countsSchema,
  }),
  sections: z.array(z.object({ key: z.string(), title: z.string(), percent: z.number(), done: z.number(), total: z.number() })),
  lastActivityAt: z.date().nullable().meta({ description: "The hire's last own change: progress or evidence." }),
  inProgress: z.array(z.object({ key: z.string(), title: z.string(), since: z.date() })).meta({ description: "Items in progress, longest first." }),
  pendingReviews: z.array(z.object({ attemptId: z.string(), key: z.string(), title: z.string(), number: z.number(), submittedAt: z.date() })).meta({ description: "Waiting attempts, oldest first." }),
  flags: z.object({ stuck: z.boolean(), stuckReason: z.string().nullable(), overdue: z.boolean(), unanswered: z.boolean() }),
});
export type MenteeOut = z.output<typeof menteeSchema>;

export const mentorDashboardSchema = z.object({
  stuckAfterDays: z.number(),
  mentees: z.array(menteeSchema).meta({ description: "The caller's mentees' active and completed assignments: flagged ones first." }),
});
