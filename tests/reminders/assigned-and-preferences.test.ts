import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPreferencesRoute, PATCH as updatePreferencesRoute } from "@/app/api/v1/me/email-preferences/route";
import { GET as listNotificationsRoute } from "@/app/api/v1/o/[orgSlug]/notifications/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { getLogger } from "@/lib/observability/logger";
import { inQuietHours, localClock } from "@/lib/reminders/quiet-hours";
import { reminderEmailJob } from "@/lib/reminders/reminder-email-job";
import { createAssignments, orgWithPublishedTrack } from "../assignments/assignments-fixture";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const preferences = (cookie: string) => callRoute(getPreferencesRoute, { path: "/api/v1/me/email-preferences", params: {}, cookie });
const setPreferences = (cookie: string, body: unknown) => callRoute(updatePreferencesRoute, { path: "/api/v1/me/email-preferences", params: {}, cookie, body });
const notifications = (slug: string, cookie: string) => callRoute(listNotificationsRoute, { path: `/api/v1/o/${slug}/notifications`, params: { orgSlug: slug }, cookie });
const jobsFor = async (notificationIds: string[]) =>
  (await getDb().$queryRawUnsafe<Array<{ id: string; data: { notificationId: string }; start_after: Date; created_on: Date }>>("select id, data, start_after, created_on from pgboss.job where name = $1", reminderEmailJob.name)).filter(
    (job) => notificationIds.includes(job.data.notificationId),
  );
const emailsTo = async (userId: string) => {
  const { email } = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
  return getDb().emailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
};

describe("you were assigned a track", () => {
  it("tells the hire (mentors, due day, first items) and each mentor in the app and by email, in the assigning transaction; the assigner is not told", async () => {
    const org = await orgWithPublishedTrack();
    const { status, json } = await createAssignments(org.slug, org.admin.cookie, {
      trackId: org.trackId,
      assigneeIds: [org.hire.userId],
      mentorIds: [org.mentor.userId, org.otherMentor.userId],
      dueDate: "2099-03-01",
      skippedKeys: [org.key("Types")],
    });
    expect(status).toBe(201);
    const assignmentId = json!.items[0].id as string;
    const rows = await getDb().notification.findMany({ where: { assignmentId }, select: { id: true, userId: true, type: true } });
    expect(rows.map((row) => row.userId).sort()).toEqual([org.hire.userId, org.mentor.userId, org.otherMentor.userId].sort());
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(["assignment.assigned"]));

    const hireList = (await notifications(org.slug, org.hire.cookie)).json!;
    expect(hireList.items).toMatchObject([{ type: "assignment.assigned", href: `/o/${org.slug}/assignments/${assignmentId}`, itemTitle: "Starter" }]);
    expect(hireList.items[0].text).toBe(`${org.admin.name} assigned you “Starter”, due 2099-03-01.`);
    expect((await notifications(org.slug, org.mentor.cookie)).json!.items[0].text).toBe(`${org.admin.name} made you a mentor of ${org.hire.name} on “Starter”.`);
    expect((await notifications(org.slug, org.admin.cookie)).json!.unreadCount).toBe(0);

    const jobs = await jobsFor(rows.map((row) => row.id));
    expect(jobs).toHaveLength(3);
    for (const job of [...jobs, ...jobs]) await reminderEmailJob.handler(job.data, { jobId: job.id, log: getLogger() });
    const [hireEmail, ...more] = await emailsTo(org.hire.userId);
    expect(more).toEqual([]);
    expect(hireEmail!.subject).toBe("You were assigned “Starter”");
    expect(hireEmail!.text).toContain(`Your mentors are ${org.mentor.name}, ${org.otherMentor.name}.`);
    expect(hireEmail!.text).toContain("It is due on 1 March 2099.");
    // The first items in order, the skipped one left out.
    expect(hireEmail!.text).toContain("Start with: “Variables”, “Scope”, “Loops”.");
    expect((await emailsTo(org.mentor.userId)).map((email) => email.subject)).toEqual([`You mentor ${org.hire.name} on “Starter”`]);
  });

  it("holds the email until the recipient's quiet hours end, and sends none to someone who turned it off", async () => {
    const org = await orgWithPublishedTrack();
    // Whenever the test runs, one of these zones is in its quiet hours, and not in their last hour (offsets at most 5 hours apart).
    const zones = ["America/New_York", "UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo", "Pacific/Kiritimati"];
    const quietZone = zones.find((zone) => inQuietHours(new Date(), zone) && localClock(new Date(), zone).hour !== 7)!;
    await getDb().user.update({ where: { id: org.hire.userId }, data: { timeZone: quietZone } });
    await getDb().user.update({ where: { id: org.mentor.userId }, data: { emailOnAssigned: false } });
    const { json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId] });
    const rows = await getDb().notification.findMany({ where: { assignmentId: json!.items[0].id }, select: { id: true, userId: true } });
    // The mentor still sees it in the app.
    expect(rows).toHaveLength(2);
    const jobs = await jobsFor(rows.map((row) => row.id));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data.notificationId).toBe(rows.find((row) => row.userId === org.hire.userId)!.id);
    expect(jobs[0]!.start_after.getTime()).toBeGreaterThan(jobs[0]!.created_on.getTime() + 60_000);
  });
});

describe("preferences", () => {
  it("turn each kind off and set a time zone, checked against Intl's IANA names", async () => {
    const org = await orgWithPublishedTrack();
    expect((await preferences(org.hire.cookie)).json).toEqual({
      evidenceSubmitted: true,
      reviewDone: true,
      reviewDigest: true,
      assigned: true,
      dueSoon: true,
      overdue: true,
      stuck: true,
      nudge: true,
      weeklySummary: true,
      timeZone: "UTC",
    });
    const changed = await setPreferences(org.hire.cookie, { dueSoon: false, nudge: false, timeZone: "Europe/Berlin" });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ dueSoon: false, nudge: false, overdue: true, timeZone: "Europe/Berlin" });
    for (const body of [{ timeZone: "Mars/Olympus" }, { timeZone: "" }, { timeZone: "Europe/Berlin\u0000" }, { timeZone: "x".repeat(10_000) }, { stuck: "no" }, { unknown: true }, {}]) {
      const refused = await setPreferences(org.hire.cookie, body);
      expect(refused.status, JSON.stringify(body).slice(0, 40)).toBe(422);
    }
    expect((await preferences(org.hire.cookie)).json).toMatchObject({ timeZone: "Europe/Berlin", dueSoon: false });
  });
});
