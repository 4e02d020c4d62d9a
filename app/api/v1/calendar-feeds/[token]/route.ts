import { readCalendarFeedEndpoint } from "@/lib/calendar/endpoints";
import { calendarFeedResponse } from "@/lib/calendar/feed-response";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(readCalendarFeedEndpoint, async ({ ctx, params }) => calendarFeedResponse(ctx, params.token));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
