import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { CALENDAR_FEED_RATE_LIMITS } from "@/lib/security/limits";
import { FEED_TOKEN_PATTERN } from "./feed-token";

const feedStatusSchema = z.object({
  enabled: z.boolean(),
  createdAt: z.date().nullable().meta({ description: "When the current link was made; null when the feed is off." }),
});

export const getCalendarFeedEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me/calendar-feed",
  operationId: "getCalendarFeed",
  summary: "Your calendar feed's state",
  description: "Whether you have a calendar (ICS) feed link and when it was made. The link itself is shown only when made.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "The feed's state.", schema: feedStatusSchema },
});

export const resetCalendarFeedEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/me/calendar-feed",
  operationId: "resetCalendarFeed",
  summary: "Make or reset your calendar feed link",
  description:
    "Makes a private link to an iCalendar feed of your due dates (your active assignments, and their sections and items with due dates, in organizations where you are an active member). Shown once: only a hash is kept. Making a new one stops the old link at once.",
  tags: ["Account"],
  auth: "session",
  response: { status: 201, description: "The new link.", schema: z.object({ url: z.string(), createdAt: z.date() }) },
});

export const deleteCalendarFeedEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/me/calendar-feed",
  operationId: "deleteCalendarFeed",
  summary: "Turn your calendar feed off",
  description: "The link stops working; calendars that subscribed to it get 404.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "The feed is off.", schema: z.object({ enabled: z.literal(false) }) },
});

export const readCalendarFeedEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/calendar-feeds/{token}",
  operationId: "readCalendarFeed",
  summary: "A calendar feed (iCalendar)",
  description:
    "The `text/calendar` feed a calendar app subscribes to: all-day events for the owner's due dates. No session: the token in the link is the credential. An unknown, reset or turned-off token is 404. Rate-limited per client address and per link.",
  tags: ["Account"],
  auth: "public",
  params: z.strictObject({ token: z.string().regex(FEED_TOKEN_PATTERN, "Not a calendar feed link.") }),
  rateLimits: CALENDAR_FEED_RATE_LIMITS,
  response: { status: 200, description: "The calendar, as `text/calendar` (not JSON: the body is RFC 5545 iCalendar text, one VEVENT per due date).", schema: z.string() },
});
