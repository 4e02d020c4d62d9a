import { isManagerRole } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCreatedAtCursor } from "@/lib/http/cursor";
import type { OrgContext } from "@/lib/http/handle";
import { memberAssignmentIds } from "@/lib/realtime/rooms";
import { isReminderType } from "@/lib/reminders/reminder-kinds";
import type { ReminderPayload } from "@/lib/reminders/reminder-kinds";
import { reminderText } from "@/lib/reminders/reminder-text";
import { NOTIFICATION_TYPES } from "./notify";
import type { NotificationType } from "./notify";
import type { ListNotificationsQuery, NotificationOut } from "./schema";

const nameOf = (person: { name: string | null; email: string } | null) => person?.name?.trim() || person?.email || "Someone";

/** The sentence a notification reads as, in the list and the bell. */
export function notificationText(type: NotificationType, actor: { name: string | null; email: string } | null, payload: { itemTitle?: string; decision?: string; number?: number } & ReminderPayload): string {
  const who = nameOf(actor);
  if (isReminderType(type)) return reminderText(type, who, payload);
  const item = `“${payload.itemTitle ?? "an item"}”`;
  if (type === "evidence.submitted") return `${who} submitted evidence for ${item}${payload.number && payload.number > 1 ? ` (attempt ${payload.number})` : ""}.`;
  if (type === "evidence.reviewed") return payload.decision === "APPROVE" ? `${who} approved your evidence for ${item}.` : `${who} asked for changes to your evidence for ${item}.`;
  return `${who} commented on ${item}.`;
}

/**
 * The caller's notifications about assignments they may still see (the rooms'
 * rule: owners and admins all, anyone else the ones they hold or mentor now), so
 * a mentor taken off an assignment stops hearing about it, old notices included.
 * Only the kinds this release knows: after a rollback, rows a later release wrote
 * of a kind added since wait unseen instead of failing the list (docs/operations.md).
 */
async function mine(ctx: OrgContext): Promise<Prisma.NotificationWhereInput> {
  const own = { organizationId: ctx.organization.id, userId: ctx.user.id, type: { in: [...NOTIFICATION_TYPES] } };
  return isManagerRole(ctx.membership.role) ? own : { ...own, assignmentId: { in: await memberAssignmentIds(ctx) } };
}

function unreadCount(where: Prisma.NotificationWhereInput) {
  return getDb().notification.count({ where: { ...where, readAt: null } });
}

export async function listNotifications(ctx: OrgContext, query: ListNotificationsQuery) {
  const visible = await mine(ctx);
  const where: Prisma.NotificationWhereInput = { ...visible, ...(query.unread ? { readAt: null } : {}) };
  const after = query.cursor;
  const [rows, unread] = await Promise.all([
    getDb().notification.findMany({
      where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: { id: true, type: true, assignmentId: true, stableKey: true, payload: true, readAt: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
    }),
    unreadCount(visible),
  ]);
  const page = rows.slice(0, query.limit);
  const slug = ctx.organization.slug;
  const items: NotificationOut[] = page.map((row) => {
    const type = row.type as NotificationType;
    const payload = row.payload as { itemTitle?: string; decision?: "APPROVE" | "REQUEST_CHANGES"; number?: number } & ReminderPayload;
    // A mentor reviews from the queue; reminders and nudges open the assignment; everyone else goes to the item on the roadmap.
    const href =
      type === "evidence.submitted" ? `/o/${slug}/reviews` : isReminderType(type) ? `/o/${slug}/assignments/${row.assignmentId}` : `/o/${slug}/assignments/${row.assignmentId}?item=${encodeURIComponent(row.stableKey)}&open=1`;
    return {
      id: row.id,
      type,
      actor: row.actor,
      assignmentId: row.assignmentId,
      stableKey: row.stableKey,
      itemTitle: payload.itemTitle ?? (isReminderType(type) ? (payload.trackTitle ?? "") : row.stableKey),
      decision: payload.decision ?? null,
      text: notificationText(type, row.actor, payload),
      href,
      readAt: row.readAt,
      createdAt: row.createdAt,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCreatedAtCursor(last) : null, unreadCount: unread };
}

export async function markNotificationsRead(ctx: OrgContext, input: { ids?: string[]; all?: true }) {
  const visible = await mine(ctx);
  await getDb().notification.updateMany({ where: { ...visible, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) }, data: { readAt: new Date() } });
  return { unreadCount: await unreadCount(visible) };
}
