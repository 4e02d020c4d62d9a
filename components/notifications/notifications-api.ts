/** The notifications API as the browser calls it, and the react-query keys the pages share. */
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";

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

export function fetchNotifications(slug: string, options: { unreadOnly: boolean; cursor?: string; limit?: number }): Promise<NotificationPageJson> {
  const query = { limit: options.limit ?? 20, unread: options.unreadOnly ? ("true" as const) : undefined, cursor: options.cursor || undefined };
  return callEndpoint(api.listNotifications, { params: { orgSlug: slug }, query });
}

export function markRead(slug: string, body: { ids: string[] } | { all: true }): Promise<{ unreadCount: number }> {
  return callEndpoint(api.markNotificationsRead, { params: { orgSlug: slug }, body });
}

/** The unread count alone (a one-item page): the tab's badge. */
export async function fetchUnreadCount(slug: string): Promise<number> {
  return (await fetchNotifications(slug, { unreadOnly: true, limit: 1 })).unreadCount;
}
