import { deleteCalendarFeedEndpoint, getCalendarFeedEndpoint, resetCalendarFeedEndpoint } from "@/lib/calendar/endpoints";
import { calendarFeedStatus, deleteCalendarFeed, resetCalendarFeed } from "@/lib/calendar/feed-token";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getCalendarFeedEndpoint, async ({ ctx }) => calendarFeedStatus(ctx));

export const POST = handle(resetCalendarFeedEndpoint, async ({ ctx }) => resetCalendarFeed(ctx));

export const DELETE = handle(deleteCalendarFeedEndpoint, async ({ ctx }) => deleteCalendarFeed(ctx));

export const { PUT, PATCH } = otherMethods({ GET, POST, DELETE });
