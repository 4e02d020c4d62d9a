/**
 * A person's calendar feed link (decision 0030): `/api/v1/calendar-feeds/<token>`, the token 32
 * random bytes in base64url, stored only as its SHA-256 (CalendarFeed.tokenHash), so the
 * database never holds a working link. The link is shown once, when made; "Reset link" makes a
 * new token and the old one stops working at once; turning the feed off deletes the row.
 */
import { createHash, randomBytes } from "node:crypto";
import { endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { SessionContext } from "@/lib/http/handle";

export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function feedUrl(token: string): string {
  return new URL(endpointUrl(api.readCalendarFeed, { params: { token } }), getConfig().NEXTAUTH_URL).toString();
}

type Caller = Pick<SessionContext, "user" | "log">;

export async function calendarFeedStatus(ctx: Pick<SessionContext, "user">): Promise<{ enabled: boolean; createdAt: Date | null }> {
  const feed = await getDb().calendarFeed.findUnique({ where: { userId: ctx.user.id }, select: { createdAt: true } });
  return { enabled: feed !== null, createdAt: feed?.createdAt ?? null };
}

/** Makes the caller's feed link, replacing any earlier one (which stops working). */
export async function resetCalendarFeed(ctx: Caller): Promise<{ url: string; createdAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashFeedToken(token);
  const createdAt = new Date();
  await getDb().calendarFeed.upsert({ where: { userId: ctx.user.id }, create: { userId: ctx.user.id, tokenHash, createdAt }, update: { tokenHash, createdAt } });
  ctx.log.info({ userId: ctx.user.id }, "calendar feed link made");
  return { url: feedUrl(token), createdAt };
}

export async function deleteCalendarFeed(ctx: Caller): Promise<{ enabled: false }> {
  await getDb().calendarFeed.deleteMany({ where: { userId: ctx.user.id } });
  ctx.log.info({ userId: ctx.user.id }, "calendar feed turned off");
  return { enabled: false };
}
