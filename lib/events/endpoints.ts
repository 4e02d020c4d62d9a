import { defineEndpoint } from "@/lib/http/endpoint";
import { activityQuerySchema, activitySchema } from "./activity";
import { eventPageSchema, eventsParamsSchema, listEventsQuerySchema } from "./schema";

export const listEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/events",
  operationId: "listEvents",
  summary: "Replay the live events missed",
  description:
    "What a reconnecting live client missed: the organization's events after `after` that the caller would have received on their socket (owners and admins: all of them; everyone else: those about the assignments they hold or mentor), oldest first.",
  tags: ["Live"],
  auth: "session",
  permission: "event.read",
  params: eventsParamsSchema,
  query: listEventsQuerySchema,
  response: { status: 200, description: "The events missed, or a request to resync.", schema: eventPageSchema },
});

export const listActivityEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/activity",
  operationId: "listActivity",
  summary: "Recent activity",
  description: "The latest changes to assignments the caller may see (owners and admins: all; everyone else: those they hold or mentor), newest first, each as a sentence.",
  tags: ["Live"],
  auth: "session",
  permission: "event.read",
  params: eventsParamsSchema,
  query: activityQuerySchema,
  response: { status: 200, description: "Recent activity.", schema: activitySchema },
});
