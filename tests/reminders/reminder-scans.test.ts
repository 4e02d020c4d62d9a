import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { assignmentFlags } from "@/lib/dashboards/flags";
import { getLogger } from "@/lib/observability/logger";
import { reminderEmailJob } from "@/lib/reminders/reminder-email-job";
import { runReminderScans } from "@/lib/reminders/scan-reminders";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { remindedOrg, remindersOf } from "./reminders-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  // No workers: the tests run the email job themselves, twice where it matters.
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const at = (iso: string) => new Date(iso);
const scan = (iso: string) => runReminderScans(at(iso));
const jobContext = (jobId: string) => ({ jobId, log: getLogger() });
const emailsTo = async (userId: string) => {
  const { email } = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
  return getDb().emailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
};
const reminderJobs = async (notificationIds: string[]) =>
  (await getDb().$queryRawUnsafe<Array<{ id: string; data: { notificationId: string } }>>("select id, data from pgboss.job where name = $1", reminderEmailJob.name)).filter((job) =>
    notificationIds.includes(job.data.notificationId),
  );
const sendEmailsOf = async (assignmentId: string) => {
  const ids = (await getDb().notification.findMany({ where: { assignmentId }, select: { id: true } })).map((row) => row.id);
  for (const job of await reminderJobs(ids)) await reminderEmailJob.handler(job.data, jobContext(job.id));
};

describe("due soon", () => {
  it("tells the hire and the mentor once, from three days before the due day, with one email each even when the job runs twice", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-13", lastActivityAt: at("2030-01-10T09:00:00Z") });
    await scan("2030-01-09T12:00:00Z");
    expect(await remindersOf(org.assignmentId)).toEqual([]);
    const run = await scan("2030-01-10T12:00:00Z");
    expect(run.sent["reminder.due_soon"]).toBeGreaterThanOrEqual(2);
    expect(await remindersOf(org.assignmentId)).toEqual([`reminder.due_soon ${org.hire.userId}`, `reminder.due_soon ${org.mentor.userId}`].sort());
    // Again the same hour, the next day, the due day: the occasion was told.
    await scan("2030-01-10T13:00:00Z");
    await scan("2030-01-12T12:00:00Z");
    await scan("2030-01-13T12:00:00Z");
    expect(await remindersOf(org.assignmentId)).toHaveLength(2);

    await sendEmailsOf(org.assignmentId);
    await sendEmailsOf(org.assignmentId);
    const hireEmails = await emailsTo(org.hire.userId);
    expect(hireEmails.map((email) => email.subject)).toEqual(["Your track “Starter” is due in 3 days"]);
    expect((await emailsTo(org.mentor.userId)).map((email) => email.subject)).toContain(`${org.hire.name}’s track “Starter” is due in 3 days`);
  });

  it("tells again when the due day moves (an extension is a new occasion)", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-13", lastActivityAt: at("2030-01-10T09:00:00Z") });
    await scan("2030-01-11T12:00:00Z");
    await getDb().assignment.update({ where: { id: org.assignmentId }, data: { dueDate: at("2030-01-20T00:00:00Z") } });
    await scan("2030-01-12T12:00:00Z");
    expect(await remindersOf(org.assignmentId)).toHaveLength(2);
    await scan("2030-01-17T12:00:00Z");
    expect(await remindersOf(org.assignmentId)).toHaveLength(4);
  });

  it("follows the organization's dueSoonDays (0 turns it off)", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-13", lastActivityAt: at("2030-01-10T09:00:00Z") });
    await getDb().organization.update({ where: { id: org.organization.id }, data: { dueSoonDays: 0 } });
    await scan("2030-01-12T12:00:00Z");
    expect(await remindersOf(org.assignmentId)).toEqual([]);
    await getDb().organization.update({ where: { id: org.organization.id }, data: { dueSoonDays: 5 } });
    await scan("2030-01-08T12:00:00Z");
    expect(await remindersOf(org.assignmentId)).toHaveLength(2);
  });
});

describe("overdue", () => {
  it("tells the day after the due day, then weekly", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-09T09:00:00Z") });
    await scan("2030-01-09T18:00:00Z");
    expect((await remindersOf(org.assignmentId)).filter((line) => line.startsWith("reminder.overdue"))).toEqual([]);
    await scan("2030-01-10T09:00:00Z");
    await scan("2030-01-11T09:00:00Z");
    await scan("2030-01-16T09:00:00Z");
    const overdue = async () => (await remindersOf(org.assignmentId)).filter((line) => line.startsWith("reminder.overdue"));
    expect(await overdue()).toHaveLength(2);
    await scan("2030-01-17T09:00:00Z");
    expect(await overdue()).toHaveLength(4);
    await scan("2030-01-24T09:00:00Z");
    expect(await overdue()).toHaveLength(6);
    const texts = await getDb().notification.findMany({ where: { assignmentId: org.assignmentId, userId: org.hire.userId, type: "reminder.overdue" }, select: { payload: true }, orderBy: { createdAt: "asc" } });
    expect(texts.map((row) => (row.payload as { daysLate: number }).daysLate)).toEqual([1, 8, 15]);
  });

  it("never after completion: no reminder, and a waiting email is dropped", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-09T09:00:00Z") });
    await scan("2030-01-10T09:00:00Z");
    await getDb().assignment.update({ where: { id: org.assignmentId }, data: { status: "COMPLETED", completedAt: at("2030-01-10T10:00:00Z") } });
    await sendEmailsOf(org.assignmentId);
    expect(await emailsTo(org.hire.userId)).toEqual([]);
    await scan("2030-01-17T09:00:00Z");
    expect(await remindersOf(org.assignmentId)).toHaveLength(2);
  });
});

describe("stuck", () => {
  it("uses the dashboards' rule: more than stuckAfterDays whole days without activity, or on one item", async () => {
    const now = at("2030-02-01T12:00:00Z");
    const quiet = await remindedOrg({ startDate: "2030-01-01", lastActivityAt: new Date(now.getTime() - 7.9 * 86_400_000) });
    const longer = await remindedOrg({ startDate: "2030-01-01", lastActivityAt: new Date(now.getTime() - 8 * 86_400_000) });
    const onItem = await remindedOrg({ startDate: "2030-01-01", lastActivityAt: new Date(now.getTime() - 86_400_000) });
    await getDb().itemProgress.create({
      data: { organizationId: onItem.organization.id, assignmentId: onItem.assignmentId, stableKey: onItem.key("Types"), state: "IN_PROGRESS", updatedAt: new Date(now.getTime() - 9 * 86_400_000), updatedById: onItem.hire.userId },
    });
    await runReminderScans(now);
    for (const [org, expected] of [[quiet, false], [longer, true], [onItem, true]] as const) {
      const flags = assignmentFlags({
        now,
        stuckAfterDays: 7,
        status: "ACTIVE",
        dueDate: null,
        startDate: at("2030-01-01T00:00:00Z"),
        lastActivityAt: (await getDb().assignment.findUniqueOrThrow({ where: { id: org.assignmentId } })).lastActivityAt,
        inProgressSince: (await getDb().itemProgress.findMany({ where: { assignmentId: org.assignmentId, state: "IN_PROGRESS" } })).map((row) => row.updatedAt),
        unansweredChanges: 0,
      });
      expect(flags.stuck).toBe(expected);
      expect((await remindersOf(org.assignmentId)).some((line) => line.startsWith("reminder.stuck"))).toBe(expected);
    }
    // Once per stretch: later runs add nothing; activity and a new stretch tell again.
    await runReminderScans(new Date(now.getTime() + 86_400_000));
    expect(await remindersOf(longer.assignmentId)).toHaveLength(2);
    await getDb().assignment.update({ where: { id: longer.assignmentId }, data: { lastActivityAt: now } });
    await runReminderScans(new Date(now.getTime() + 9 * 86_400_000));
    expect(await remindersOf(longer.assignmentId)).toHaveLength(4);
    await sendEmailsOf(onItem.assignmentId);
    expect((await emailsTo(onItem.hire.userId)).map((email) => email.text).join()).toContain("an item has been in progress for 9 days");
  });
});

describe("who is reminded", () => {
  it("never a suspended or removed hire (nor their mentors about them), never a mentor who left", async () => {
    const suspended = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-09T09:00:00Z") });
    await getDb().membership.update({ where: { organizationId_userId: { organizationId: suspended.organization.id, userId: suspended.hire.userId } }, data: { status: "SUSPENDED" } });
    const removed = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-09T09:00:00Z") });
    await getDb().membership.delete({ where: { organizationId_userId: { organizationId: removed.organization.id, userId: removed.hire.userId } } });
    const mentorGone = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-09T09:00:00Z") });
    await getDb().membership.update({ where: { organizationId_userId: { organizationId: mentorGone.organization.id, userId: mentorGone.mentor.userId } }, data: { status: "SUSPENDED" } });
    await scan("2030-01-10T09:00:00Z");
    expect(await remindersOf(suspended.assignmentId)).toEqual([]);
    expect(await remindersOf(removed.assignmentId)).toEqual([]);
    expect(await remindersOf(mentorGone.assignmentId)).toEqual([`reminder.overdue ${mentorGone.hire.userId}`]);
  });

  it("never someone who turned the kind off; a switch turned off before the email went drops the email", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-09T09:00:00Z") });
    await getDb().user.update({ where: { id: org.mentor.userId }, data: { remindOverdue: false } });
    await scan("2030-01-10T09:00:00Z");
    expect(await remindersOf(org.assignmentId)).toEqual([`reminder.overdue ${org.hire.userId}`]);
    await getDb().user.update({ where: { id: org.hire.userId }, data: { remindOverdue: false } });
    await sendEmailsOf(org.assignmentId);
    expect(await emailsTo(org.hire.userId)).toEqual([]);
  });

  it("waits out each recipient's quiet hours (20:00–08:00 in their own time zone)", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-09T09:00:00Z") });
    await getDb().user.update({ where: { id: org.hire.userId }, data: { timeZone: "Asia/Tokyo" } });
    // 21:00 UTC: the mentor (UTC) is in quiet hours; in Tokyo it is 06:00 on the 11th, also quiet.
    await scan("2030-01-10T21:00:00Z");
    expect(await remindersOf(org.assignmentId)).toEqual([]);
    // 23:30 UTC: 08:30 in Tokyo; the mentor still sleeps.
    await scan("2030-01-10T23:30:00Z");
    expect(await remindersOf(org.assignmentId)).toEqual([`reminder.overdue ${org.hire.userId}`]);
    // 08:00 UTC: the mentor's quiet hours end.
    await scan("2030-01-11T08:00:00Z");
    expect(await remindersOf(org.assignmentId)).toEqual([`reminder.overdue ${org.hire.userId}`, `reminder.overdue ${org.mentor.userId}`].sort());
  });
});
