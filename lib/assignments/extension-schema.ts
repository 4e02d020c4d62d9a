/** Shapes of the due-date extensions of an assignment (decision 0030). */
import { z } from "zod";
import { calendarDaySchema } from "@/lib/http/calendar-day";
import { assignmentSummarySchema, personSchema } from "./schema";

export const MAX_EXTENSION_REASON = 500;

export const extendDueDateSchema = z.strictObject({
  dueDate: calendarDaySchema().meta({ description: "The new due day; after the current one." }),
  reason: z
    .string()
    .trim()
    .min(1, "Say why the due date moves.")
    .max(MAX_EXTENSION_REASON, `A reason has at most ${MAX_EXTENSION_REASON} characters.`)
    .meta({ description: "Why the due date moves; shown in the assignment's history and to the hire." }),
});
export type ExtendDueDateInput = z.output<typeof extendDueDateSchema>;

export const dueDateExtensionSchema = z.object({
  id: z.string(),
  previousDueDate: z.string().nullable(),
  newDueDate: z.string(),
  reason: z.string(),
  createdBy: personSchema.nullable().meta({ description: "Null when that account was deleted." }),
  createdAt: z.date(),
});
export type DueDateExtensionOut = z.output<typeof dueDateExtensionSchema>;

export const dueDateExtensionListSchema = z.object({ items: z.array(dueDateExtensionSchema).meta({ description: "Newest first." }) });

export const extendedAssignmentSchema = z.object({ extension: dueDateExtensionSchema, assignment: assignmentSummarySchema });
