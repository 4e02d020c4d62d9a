/** The notifications API as the browser calls it, and the react-query keys the pages share. */
import { apiRequest } from "@/lib/http/api-client";

export interface NotificationJson {
  id: string;
  type: "evidence.submitted" | "evidence.reviewed" | "comment.created" | "assignment.assigned" | "reminder.due_soon" | "reminder.overdue" | "reminder.stuck" | "nudge";
  actor: { id: string; name: string | null; email: string } | null;
  assignmentId: string;
  stableKey: string;
  itemTitle: string;
  decision: "APPROVE" | "REQUEST_CHANGES" | null;
  text: string;
  href: string;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPageJson {
  items: NotificationJson[];
  nextCursor: string | null;
  unreadCount: number;
}

export const notificationsKey = (slug: string) => ["notifications", slug] as const;
export const notificationListKey = (slug: string, unreadOnly: boolean) => [...notificationsKey(slug), "list", unreadOnly] as const;
export const unreadCountKey = (slug: string) => [...notificationsKey(slug), "unread"] as const;

const base = (slug: string) => `/api/v1/o/${encodeURIComponent(slug)}/notifications`;

export function fetchNotifications(slug: string, options: { unreadOnly: boolean; cursor?: string; limit?: number }): Promise<NotificationPageJson> {
  const query = new URLSearchParams({ limit: String(options.limit ?? 20) });
  if (options.unreadOnly) query.set("unread", "true");
  if (options.cursor) query.set("cursor", options.cursor);
  return apiRequest<NotificationPageJson>(`${base(slug)}?${query}`);
}

export function markRead(slug: string, body: { ids: string[] } | { all: true }): Promise<{ unreadCount: number }> {
  return apiRequest<{ unreadCount: number }>(`${base(slug)}/read`, { method: "POST", body });
}

/** The unread count alone (a one-item page): the tab's badge. */
export async function fetchUnreadCount(slug: string): Promise<number> {
  return (await fetchNotifications(slug, { unreadOnly: true, limit: 1 })).unreadCount;
}
