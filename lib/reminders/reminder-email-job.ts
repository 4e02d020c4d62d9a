/**
 * The one job that emails a reminder or nudge notification (decision 0029). It
 * claims the notification by setting Notification.emailedAt in the transaction
 * that sends, so a job run twice sends once, and a retry after a failed commit
 * resends under the same idempotency key, which the transports drop. At send
 * time it checks again what the scan checked: the assignment is still ACTIVE
 * (never after completion), the recipient is still the hire as an active member
 * or a current mentor (never to someone suspended or removed meanwhile), and the
 * kind is still switched on.
 */
import { z } from "zod";
import { CURRENT_MENTOR_LINKS } from "@/lib/assignments/mentoring";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { prismaRunner, sql } from "@/lib/db/sql";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import type { EmailContent } from "@/lib/email/outgoing-email";
import { assignedToHireEmail, assignedToMentorEmail, dueSoonEmail, nudgeEmail, overdueEmail, stuckEmail } from "@/lib/email/templates/reminder-emails";
import { defineJob } from "@/lib/jobs/define-job";
import { isReminderType, PREFERENCE_OF } from "./reminder-kinds";
import type { ReminderNotificationType } from "./reminder-kinds";

const TRANSACTION = { timeout: 30_000 };
const FIRST_ITEMS = 3;
const appUrl = (path: string) => new URL(path, getConfig().NEXTAUTH_URL).toString();
const nameOf = (person: { name: string | null; email: string } | null | undefined) => person?.name?.trim() || person?.email || "Someone";

interface Claimed {
  id: string;
  type: string;
  payload: { role?: "hire" | "mentor"; daysLeft?: number; daysLate?: number; stuckDays?: number; inProgress?: boolean; message?: string };
  userId: string;
  organizationId: string;
  assignmentId: string;
  actorId: string | null;
  active: boolean;
  stillOn: boolean;
}

export const reminderEmailJob = defineJob({
  name: "reminder.email",
  payload: z.strictObject({ notificationId: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ notificationId }, { log }) {
    await getDb().$transaction(async (tx) => {
      const [claimed] = await prismaRunner(tx).rows<Claimed>(sql`
        UPDATE "Notification" n SET "emailedAt" = date_trunc('milliseconds', now() AT TIME ZONE 'UTC')
        WHERE n.id = ${notificationId} AND n."emailedAt" IS NULL
        RETURNING n.id, n.type, n.payload, n."userId", n."organizationId", n."assignmentId", n."actorId",
          EXISTS (SELECT 1 FROM "Assignment" a WHERE a.id = n."assignmentId" AND a.status = 'ACTIVE') AS active,
          (EXISTS (SELECT 1 FROM "Assignment" a JOIN "Membership" hm ON hm."organizationId" = a."organizationId" AND hm."userId" = a."assigneeId" AND hm.status = 'ACTIVE'
                   WHERE a.id = n."assignmentId" AND a."assigneeId" = n."userId")
           OR EXISTS (SELECT 1 FROM ${CURRENT_MENTOR_LINKS} m WHERE m."assignmentId" = n."assignmentId" AND m."mentorId" = n."userId")) AS "stillOn"`);
      if (!claimed) return log.info({ notificationId }, "reminder email: already sent");
      if (!isReminderType(claimed.type)) return log.warn({ notificationId, type: claimed.type }, "reminder email: not a reminder");
      if (!claimed.active) return log.info({ notificationId }, "reminder email skipped: the assignment is no longer active");
      if (!claimed.stillOn) return log.info({ notificationId }, "reminder email skipped: no longer the hire or a mentor");
      const type: ReminderNotificationType = claimed.type;
      const user = await tx.user.findUnique({ where: { id: claimed.userId }, select: { email: true, emailOnAssigned: true, remindDueSoon: true, remindOverdue: true, remindStuck: true, emailOnNudge: true } });
      if (!user?.[PREFERENCE_OF[type]]) return log.info({ notificationId, type }, "reminder email skipped: turned off");
      const assignment = await tx.assignment.findUniqueOrThrow({
        where: { id: claimed.assignmentId },
        select: {
          id: true,
          versionId: true,
          skippedKeys: true,
          dueDate: true,
          organization: { select: { name: true, slug: true } },
          track: { select: { title: true } },
          assignee: { select: { name: true, email: true } },
          createdBy: { select: { name: true, email: true } },
          mentors: { where: { membership: { status: "ACTIVE" } }, select: { mentor: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } },
        },
      });
      const url = appUrl(`/o/${assignment.organization.slug}/assignments/${assignment.id}`);
      const dueDate = assignment.dueDate ? assignment.dueDate.toISOString().slice(0, 10) : null;
      const forHire = claimed.payload.role !== "mentor";
      const base = { forHire, hireName: nameOf(assignment.assignee), trackTitle: assignment.track.title, dueDate, url };
      let content: EmailContent;
      if (type === "assignment.assigned") {
        const assignerName = nameOf(claimed.actorId ? await tx.user.findUnique({ where: { id: claimed.actorId }, select: { name: true, email: true } }) : assignment.createdBy);
        content = forHire
          ? assignedToHireEmail({
              organizationName: assignment.organization.name,
              trackTitle: assignment.track.title,
              assignerName,
              mentorNames: assignment.mentors.map((link) => nameOf(link.mentor)),
              dueDate,
              firstItems: await firstItems(tx, assignment.versionId, assignment.skippedKeys),
              url,
            })
          : assignedToMentorEmail({ organizationName: assignment.organization.name, trackTitle: assignment.track.title, hireName: base.hireName, assignerName, dueDate, url });
      } else if (type === "reminder.due_soon") content = dueSoonEmail({ ...base, daysLeft: claimed.payload.daysLeft ?? 0 });
      else if (type === "reminder.overdue") content = overdueEmail({ ...base, daysLate: claimed.payload.daysLate ?? 1 });
      else if (type === "reminder.stuck") content = stuckEmail({ ...base, stuckDays: claimed.payload.stuckDays ?? 0, inProgress: claimed.payload.inProgress ?? false });
      else {
        const sender = claimed.actorId ? await tx.user.findUnique({ where: { id: claimed.actorId }, select: { name: true, email: true } }) : null;
        content = nudgeEmail({ senderName: nameOf(sender), trackTitle: assignment.track.title, message: claimed.payload.message ?? "", url });
      }
      await deliverEmail({ kind: type.replace(".", "-"), to: user.email, idempotencyKey: `reminder/${notificationId}`, ...content }, log);
    }, TRANSACTION);
  },
});

/** The first few items the hire will meet, in the roadmap's order, skipped branches left out. */
async function firstItems(tx: DbClient, versionId: string, skippedKeys: string[]): Promise<string[]> {
  const nodes = await tx.trackNode.findMany({ where: { versionId }, select: { id: true, parentId: true, kind: true, title: true, stableKey: true }, orderBy: { ordinal: "asc" } });
  const skipped = new Set<string>();
  const titles: string[] = [];
  // Pre-order: a parent is seen before its children, so a skipped branch is known when its nodes come.
  for (const node of nodes) {
    if (skippedKeys.includes(node.stableKey) || (node.parentId !== null && skipped.has(node.parentId))) {
      skipped.add(node.id);
      continue;
    }
    if (node.kind === "ITEM") titles.push(node.title);
    if (titles.length === FIRST_ITEMS) break;
  }
  return titles;
}
