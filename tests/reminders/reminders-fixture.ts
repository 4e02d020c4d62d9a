/** An assignment with a hire and a mentor, whose dates the reminder tests set directly (the clock is fixed). */
import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAssignments, orgWithPublishedTrack } from "../assignments/assignments-fixture";

export async function remindedOrg(dates: { startDate: string; dueDate?: string | null; lastActivityAt?: Date | null }) {
  const org = await orgWithPublishedTrack();
  const { status, json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId] });
  expect(status).toBe(201);
  const assignmentId = json!.items[0].id as string;
  await getDb().assignment.update({
    where: { id: assignmentId },
    data: { startDate: new Date(`${dates.startDate}T00:00:00Z`), dueDate: dates.dueDate ? new Date(`${dates.dueDate}T00:00:00Z`) : null, lastActivityAt: dates.lastActivityAt ?? null },
  });
  // The "assigned" notices are not what these tests count.
  await getDb().notification.deleteMany({ where: { assignmentId } });
  return { ...org, assignmentId };
}

/** The reminders of one assignment, as "type userId" lines, sorted. */
export async function remindersOf(assignmentId: string): Promise<string[]> {
  const rows = await getDb().notification.findMany({ where: { assignmentId, type: { startsWith: "reminder." } }, select: { type: true, userId: true } });
  return rows.map((row) => `${row.type} ${row.userId}`).sort();
}
