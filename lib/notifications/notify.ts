/**
 * In-app notifications, written in the transaction of the change they tell of,
 * and the emails they cause, enqueued in the same transaction (lib/jobs/enqueue.ts):
 * the mentors' "evidence arrived" email is batched per mentor and organization
 * (at most one per EVIDENCE_EMAIL_BATCH_SECONDS), a review's email goes to the
 * hire at once. Nobody is notified of their own doing.
 */
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue, enqueueBatched } from "@/lib/jobs/enqueue";
import { evidenceArrivedEmailJob, reviewDoneEmailJob } from "./evidence-email-jobs";

import { REMINDER_NOTIFICATION_TYPES } from "@/lib/reminders/reminder-kinds";

/** The evidence and thread notices (written by notify() below), then the reminders and nudges (lib/reminders). */
export const NOTIFICATION_TYPES = ["evidence.submitted", "evidence.reviewed", "comment.created", ...REMINDER_NOTIFICATION_TYPES] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Ten minutes: what arrives for a mentor meanwhile goes out in one email. */
export const EVIDENCE_EMAIL_BATCH_SECONDS = 600;

export interface NotificationDraft {
  organizationId: string;
  type: "evidence.submitted" | "evidence.reviewed" | "comment.created";
  actorId: string;
  assignmentId: string;
  stableKey: string;
  payload: Prisma.InputJsonObject;
  recipients: readonly string[];
}

export async function notify(tx: DbClient, draft: NotificationDraft): Promise<void> {
  const recipients = [...new Set(draft.recipients)].filter((id) => id !== draft.actorId);
  if (recipients.length === 0) return;
  const { recipients: _recipients, ...fields } = draft;
  const rows = await tx.notification.createManyAndReturn({ data: recipients.map((userId) => ({ ...fields, userId })), select: { id: true, userId: true } });

  if (draft.type === "evidence.submitted") {
    const wanting = await tx.user.findMany({ where: { id: { in: recipients }, emailOnEvidenceSubmitted: true }, select: { id: true } });
    for (const user of wanting) {
      await enqueueBatched(
        tx,
        evidenceArrivedEmailJob,
        { userId: user.id, organizationId: draft.organizationId },
        { batchKey: `${draft.organizationId}:${user.id}`, delaySeconds: EVIDENCE_EMAIL_BATCH_SECONDS },
      );
    }
  }
  if (draft.type === "evidence.reviewed") {
    const wanting = new Set((await tx.user.findMany({ where: { id: { in: recipients }, emailOnReviewDone: true }, select: { id: true } })).map((user) => user.id));
    for (const row of rows) if (wanting.has(row.userId)) await enqueue(tx, reviewDoneEmailJob, { notificationId: row.id });
  }
}
