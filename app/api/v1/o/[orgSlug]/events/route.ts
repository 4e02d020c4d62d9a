import { listEventsEndpoint } from "@/lib/events/endpoints";
import { listEvents } from "@/lib/events/list-events";
import { handle } from "@/lib/http/handle";

export const GET = handle(listEventsEndpoint, async ({ ctx, query }) => listEvents(ctx, query.after));
