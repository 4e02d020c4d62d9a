import { z } from "zod";
import { assignmentsParamsSchema, personSchema } from "@/lib/assignments/schema";
import { decodeCreatedAtCursor } from "@/lib/http/cursor";
import { pageQueryFields } from "@/lib/http/pagination";
import { NOTIFICATION_TYPES } from "./notify";

export const notificationsParamsSchema = assignmentsParamsSchema;

export const listNotificationsQuerySchema = z.strictObject({
  ...pageQueryFields({ noun: "notification", max: 100, default: 20, decode: decodeCreatedAtCursor }),
  unread: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "Only the unread ones." }),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuerySchema>;

export const notificationSchema = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  actor: personSchema.nullable(),
  assignmentId: z.string(),
  stableKey: z.string(),
  itemTitle: z.string(),
  decision: z.enum(["APPROVE", "REQUEST_CHANGES"]).nullable(),
  text: z.string().meta({ description: "What happened, in a sentence: “Noah Kim submitted evidence for “Loops”.”" }),
  href: z.string().meta({ description: "The page it is about." }),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type NotificationOut = z.output<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema).meta({ description: "Newest first." }),
  nextCursor: z.string().nullable(),
  unreadCount: z.number(),
});

export const markReadSchema = z
  .strictObject({
    ids: z.array(z.cuid()).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), { message: "Send either ids or all: true.", path: ["ids"] });

export const unreadCountSchema = z.object({ unreadCount: z.number() });
