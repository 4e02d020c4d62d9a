import { defineEndpoint } from "@/lib/http/endpoint";
import { listNotificationsQuerySchema, markReadSchema, notificationPageSchema, notificationsParamsSchema, unreadCountSchema } from "./schema";

export const listNotificationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/notifications",
  operationId: "listNotifications",
  summary: "The caller's notifications",
  description: "Newest first, a page at a time, with the unread count: evidence to review, reviews of one's evidence, comments in one's threads.",
  tags: ["Notifications"],
  auth: "session",
  permission: "notification.read",
  params: notificationsParamsSchema,
  query: listNotificationsQuerySchema,
  response: { status: 200, description: "One page of notifications.", schema: notificationPageSchema },
});

export const markNotificationsReadEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/notifications/read",
  operationId: "markNotificationsRead",
  summary: "Mark notifications read",
  description: "Some by id (ids that are not the caller's are ignored), or all of the caller's in this organization.",
  tags: ["Notifications"],
  auth: "session",
  permission: "notification.read",
  params: notificationsParamsSchema,
  body: markReadSchema,
  response: { status: 200, description: "The unread count after.", schema: unreadCountSchema },
});
