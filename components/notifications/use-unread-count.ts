"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchUnreadCount, unreadCountKey } from "./notifications-api";

/** Unread notifications, for the tab's badge: read on focus and every few minutes; marking read refreshes it. */
export function useUnreadCount(slug: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: unreadCountKey(slug), queryFn: () => fetchUnreadCount(slug), enabled, refetchInterval: 3 * 60_000 });
}
