import { listEventsEndpoint } from "@/lib/events/endpoints";
import { listEvents } from "@/lib/events/list-events";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listEventsEndpoint, async ({ ctx, query }) => listEvents(ctx, query.after));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
