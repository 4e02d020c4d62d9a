import { listEventLogEndpoint } from "@/lib/events/endpoints";
import { listEventLog } from "@/lib/events/event-log";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listEventLogEndpoint, async ({ ctx, query }) => listEventLog(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
