import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { getLogger } from "@/lib/observability/logger";
import { runWeeklySummaryScan, weeklySummary, weeklySummaryEmailJob } from "@/lib/reminders/weekly-summary";
import { createAssignments, orgWithPublishedTrack, updateItem } from "../assignments/assignments-fixture";
import { submitEvidence } from "../evidence/evidence-fixture";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const at = (iso: string) => new Date(iso);
const jobsOf = async (organizationId: string) =>
  (await getDb().$queryRawUnsafe<Array<{ id: string; data: { organizationId: string; userId: string; week: string } }>>("select id, data from pgboss.job where name = $1", weeklySummaryEmailJob.name)).filter(
    (job) => job.data.organizationId === organizationId,
  );

describe("weekly summary", () => {
  it("is claimed once a week per owner and admin, on Monday from 08:00 in their own time zone, never for someone who turned it off", async () => {
    const org = await orgWithPublishedTrack();
    await getDb().user.update({ where: { id: org.admin.userId }, data: { timeZone: "America/New_York" } });
    await runWeeklySummaryScan(at("2030-01-06T12:00:00Z")); // Sunday
    await runWeeklySummaryScan(at("2030-01-07T07:30:00Z")); // Monday before 08:00
    expect(await jobsOf(org.organization.id)).toEqual([]);
    await runWeeklySummaryScan(at("2030-01-07T09:00:00Z")); // 09:00 UTC, 04:00 in New York
    expect((await jobsOf(org.organization.id)).map((job) => job.data)).toEqual([{ organizationId: org.organization.id, userId: org.owner.userId, week: "2030-01-07" }]);
    await runWeeklySummaryScan(at("2030-01-07T14:00:00Z")); // 09:00 in New York
    await runWeeklySummaryScan(at("2030-01-07T15:00:00Z"));
    expect((await jobsOf(org.organization.id)).map((job) => job.data.userId).sort()).toEqual([org.owner.userId, org.admin.userId].sort());
    await getDb().user.update({ where: { id: org.owner.userId }, data: { emailWeeklySummary: false } });
    await runWeeklySummaryScan(at("2030-01-14T09:00:00Z"));
    expect((await jobsOf(org.organization.id)).filter((job) => job.data.week === "2030-01-14")).toEqual([]);

    // Sent once however often the job runs; not at all once turned off.
    const adminJob = (await jobsOf(org.organization.id)).find((job) => job.data.userId === org.admin.userId)!;
    await weeklySummaryEmailJob.handler(adminJob.data, { jobId: adminJob.id, log: getLogger() });
    await weeklySummaryEmailJob.handler(adminJob.data, { jobId: adminJob.id, log: getLogger() });
    const ownerJob = (await jobsOf(org.organization.id)).find((job) => job.data.userId === org.owner.userId)!;
    await weeklySummaryEmailJob.handler(ownerJob.data, { jobId: ownerJob.id, log: getLogger() });
    const adminEmail = (await getDb().user.findUniqueOrThrow({ where: { id: org.admin.userId } })).email;
    const ownerEmail = (await getDb().user.findUniqueOrThrow({ where: { id: org.owner.userId } })).email;
    expect((await getDb().emailMessage.findMany({ where: { to: adminEmail } })).map((email) => email.subject)).toEqual([`Onboarding this week in ${org.organization.name}`]);
    expect(await getDb().emailMessage.findMany({ where: { to: ownerEmail } })).toEqual([]);
  });

  it("lists who finished, who is stuck or overdue, the reviews waiting longest and forecast slips", async () => {
    const org = await orgWithPublishedTrack();
    const now = at("2030-01-07T09:00:00Z");
    const assign = async (hireId: string, dates: { startDate: string; dueDate?: string }) => {
      const { json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [hireId], mentorIds: [org.mentor.userId] });
      const id = json!.items[0].id as string;
      await getDb().assignment.update({ where: { id }, data: { startDate: at(`${dates.startDate}T00:00:00Z`), dueDate: dates.dueDate ? at(`${dates.dueDate}T00:00:00Z`) : null, lastActivityAt: at("2030-01-06T10:00:00Z") } });
      return id;
    };
    // Overdue, with evidence waiting since the 5th.
    const late = await assign(org.hire.userId, { startDate: "2029-12-01", dueDate: "2030-01-03" });
    const attempt = await submitEvidence(org.slug, org.hire.cookie, late, org.key("Loops"), { note: "done" });
    await getDb().evidenceAttempt.update({ where: { id: attempt.json!.id }, data: { submittedAt: at("2030-01-05T09:00:00Z") } });
    // Stuck: nothing for two weeks; and (nothing done, so no pace) no forecast.
    const stuck = await assign(org.otherHire.userId, { startDate: "2029-12-01" });
    await getDb().assignment.update({ where: { id: stuck }, data: { lastActivityAt: at("2029-12-20T10:00:00Z") } });
    // A forecast slip: one of four items done in 37 days, due in a week.
    const slow = await assign(org.otherMentor.userId, { startDate: "2029-12-01", dueDate: "2030-01-14" });
    expect((await updateItem(org.slug, org.otherMentor.cookie, slow, org.key("Types"), { state: "DONE" })).status).toBe(200);
    // Finished on the 4th.
    const done = await assign(org.admin.userId, { startDate: "2029-12-01" });
    await getDb().assignment.update({ where: { id: done }, data: { status: "COMPLETED", completedAt: at("2030-01-04T10:00:00Z") } });

    // The API writes stamp today's activity: put the activity back where the fixed clock expects it.
    await getDb().assignment.updateMany({ where: { id: { in: [late, slow] } }, data: { lastActivityAt: at("2030-01-06T10:00:00Z") } });
    await getDb().itemProgress.updateMany({ where: { assignmentId: { in: [late, slow] } }, data: { updatedAt: at("2030-01-06T10:00:00Z") } });
    const summary = await weeklySummary(org.organization.id, now);
    expect(summary.finished).toEqual([{ hireName: org.admin.name, trackTitle: "Starter" }]);
    expect(summary.overdue).toEqual([{ hireName: org.hire.name, trackTitle: "Starter", dueDate: "2030-01-03" }]);
    expect(summary.stuck).toEqual([{ hireName: org.otherHire.name, trackTitle: "Starter", reason: "No activity for 17 days." }]);
    expect(summary.reviews).toEqual([{ hireName: org.hire.name, itemTitle: "Loops", waitingHours: 48 }]);
    expect(summary.slips.map((row) => row.hireName)).toEqual([org.otherMentor.name]);
  });
});
