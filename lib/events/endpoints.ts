import { defineEndpoint } from "@/lib/http/endpoint";
import { activityQuerySchema, activitySchema } from "./activity";
import { ACTIVITY_DAYS_MAX_SPAN, activityDaysParamsSchema, activityDaysQuerySchema, activityDaysSchema } from "./activity-days";
import { EVENT_LOG_PAGE_MAX, eventLogPageSchema, eventLogQuerySchema, eventPageSchema, eventsParamsSchema, listEventsQuerySchema, REPLAY_MAX } from "./schema";

export const listEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/events",
  operationId: "listEvents",
  summary: "Replay the live events missed",
  description:
    `What a reconnecting live client missed: the organization's events after \`after\` that the caller would have received on their socket (owners and admins: all of them; everyone else: those about the assignments they hold or mentor), oldest first. More than ${REPLAY_MAX} answers only \`resync\` (reload what is on screen); to read the whole log, page through GET …/events/log instead.`,
  tags: ["Live"],
  auth: "session",
  permission: "event.read",
  params: eventsParamsSchema,
  query: listEventsQuerySchema,
  response: { status: 200, description: "The events missed, or a request to resync.", schema: eventPageSchema },
});

export const listEventLogEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/events/log",
  operationId: "listEventLog",
  summary: "Page through the event log",
  description: `The organization's events in sequence order, a page at a time (\`limit\`, at most ${EVENT_LOG_PAGE_MAX}), for readers that want all of them: never a resync. Start at the beginning, or after a sequence with \`after\`; pass each page's \`nextCursor\` as \`cursor\` for the next one, until it is null. The caller sees what their socket would carry (owners and admins: every event; everyone else: those about the assignments they hold or mentor now). A cursor this API did not issue, or one from another organization, is 422.`,
  tags: ["Live"],
  auth: "session",
  permission: "event.read",
  params: eventsParamsSchema,
  query: eventLogQuerySchema,
  response: { status: 200, description: "A page of events.", schema: eventLogPageSchema },
});

export const listActivityEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/activity",
  operationId: "listActivity",
  summary: "Recent activity",
  description:
    "The latest changes to assignments the caller may see (owners and admins: all; everyone else: those they hold or mentor), newest first, each as a sentence. Older pages: pass the answer's `nextBefore` as `before`.",
  tags: ["Live"],
  auth: "session",
  permission: "event.read",
  params: eventsParamsSchema,
  query: activityQuerySchema,
  response: { status: 200, description: "Recent activity.", schema: activitySchema },
});

export const personActivityDaysEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/people/{userId}/activity-days",
  operationId: "getPersonActivityDays",
  summary: "A person's active days",
  description: `How many of the person's own changes to assignments (progress, evidence, reviews, comments) fall on each UTC day from \`from\` to \`to\` (the last 365 days by default; at most ${ACTIVITY_DAYS_MAX_SPAN}), for an activity calendar. The person themself, the organization's owners and admins, and a mentor of one of the person's assignments may read it; for anyone else the person does not exist (404).`,
  tags: ["Dashboards"],
  auth: "session",
  // Everyone reads assignments; the service narrows it to the person and those who follow their work.
  permission: "assignment.read",
  params: activityDaysParamsSchema,
  query: activityDaysQuerySchema,
  response: { status: 200, description: "The days with activity, oldest first.", schema: activityDaysSchema },
});
