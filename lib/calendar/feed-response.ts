/** The calendar feed itself: the token's owner's due dates as iCalendar text (decision 0030). */
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { PublicContext } from "@/lib/http/handle";
import { feedEvents } from "./feed-events";
import { hashFeedToken } from "./feed-token";
import { calendarText } from "./ics";

/** An unknown, reset or turned-off token is a 404, like a link that never existed. */
export async function calendarFeedResponse(ctx: PublicContext, token: string): Promise<Response> {
  const feed = await getDb().calendarFeed.findUnique({ where: { tokenHash: hashFeedToken(token) }, select: { userId: true } });
  if (!feed) throw notFound("calendar feed");
  const events = await feedEvents(feed.userId);
  ctx.log.info({ userId: feed.userId, events: events.length }, "calendar feed read");
  return new Response(calendarText({ name: "Cairn due dates", now: new Date(), events }), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="cairn-due-dates.ics"',
      // The link is a secret: no shared cache may keep the answer.
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
