/**
 * "You were assigned a track" (decision 0029): written in the assigning
 * transaction (lib/assignments/assign-track.ts), to the hire and to each mentor,
 * in the app at once; the email is enqueued in the same transaction, held until
 * the recipient's quiet hours end. The assigner is not told of their own doing.
 */
import type { DbClient } from "@/lib/db/client";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { quietHoursEnd } from "./quiet-hours";
import { reminderEmailJob } from "./reminder-email-job";

export interface AssignedNotice {
  organizationId: string;
  actorId: string;
  trackTitle: string;
  dueDate: string | null;
  mentorIds: readonly string[];
  assignments: ReadonlyArray<{ id: string; assigneeId: string }>;
}

export async function notifyAssigned(tx: DbClient, notice: AssignedNotice, now = new Date()): Promise<void> {
  const everyone = [...new Set([...notice.assignments.map((a) => a.assigneeId), ...notice.mentorIds])];
  const people = await tx.user.findMany({ where: { id: { in: everyone } }, select: { id: true, name: true, email: true, emailOnAssigned: true, timeZone: true } });
  const personOf = new Map(people.map((person) => [person.id, person]));
  const nameOf = (id: string) => personOf.get(id)?.name?.trim() || personOf.get(id)?.email || "Someone";
  const data = notice.assignments.flatMap((assignment) =>
    [
      { userId: assignment.assigneeId, role: "hire" as const },
      ...notice.mentorIds.map((mentorId) => ({ userId: mentorId, role: "mentor" as const })),
    ]
      .filter((recipient) => recipient.userId !== notice.actorId)
      .map((recipient) => ({
        organizationId: notice.organizationId,
        userId: recipient.userId,
        type: "assignment.assigned",
        actorId: notice.actorId,
        assignmentId: assignment.id,
        stableKey: "",
        payload: { trackTitle: notice.trackTitle, role: recipient.role, hireName: nameOf(assignment.assigneeId), dueDate: notice.dueDate },
      })),
  );
  if (data.length === 0) return;
  const rows = await tx.notification.createManyAndReturn({ data, select: { id: true, userId: true } });
  const emailed = rows.filter((row) => personOf.get(row.userId)?.emailOnAssigned);
  await enqueueMany(
    tx,
    reminderEmailJob,
    emailed.map((row) => {
      const start = quietHoursEnd(now, personOf.get(row.userId)!.timeZone);
      return { payload: { notificationId: row.id }, ...(start > now ? { startAfter: start } : {}) };
    }),
  );
}
