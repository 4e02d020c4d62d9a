import { defineEndpoint } from "@/lib/http/endpoint";
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
