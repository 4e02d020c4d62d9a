import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listNotificationsRoute } from "@/app/api/v1/o/[orgSlug]/notifications/route";
import { POST as markReadRoute } from "@/app/api/v1/o/[orgSlug]/notifications/read/route";
import { GET as getPreferencesRoute, PATCH as updatePreferencesRoute } from "@/app/api/v1/me/email-preferences/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { evidenceArrivedEmailJob, reviewDigestJob, reviewDoneEmailJob } from "@/lib/notifications/evidence-email-jobs";
import { getLogger } from "@/lib/observability/logger";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg, reviewEvidence, submitEvidence } from "./evidence-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  // No workers: the tests run the handlers themselves, twice where it matters.
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const listNotifications = (slug: string, cookie: string, query = "") =>
  callRoute(listNotificationsRoute, { path: `/api/v1/o/${slug}/notifications${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
const markRead = (slug: string, cookie: string, body: unknown) => callRoute(markReadRoute, { path: `/api/v1/o/${slug}/notifications/read`, params: { orgSlug: slug }, cookie, body });
const setPreferences = (cookie: string, body: unknown) => callRoute(updatePreferencesRoute, { path: "/api/v1/me/email-preferences", params: {}, cookie, body });

const jobsOf = async (name: string) =>
  getDb().$queryRawUnsafe<Array<{ id: string; data: Record<string, string>; singleton_key: string | null; start_after: Date; created_on: Date }>>(
    "select id, data, singleton_key, start_after, created_on from pgboss.job where name = $1 order by created_on",
    name,
  );
const emailsTo = (to: string) => getDb().emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const emailOf = async (userId: string) => (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).email;
const jobContext = (jobId: string) => ({ jobId, log: getLogger() });

describe("notifications", () => {
  it("tell the mentors of a submission and the hire of its review, in-app, with an unread count and marking read", async () => {
    const org = await assignedOrg();
    const attempt = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "done" });
    const mentorList = await listNotifications(org.slug, org.mentor.cookie);
    expect(mentorList.status).toBe(200);
    expect(mentorList.json).toMatchObject({ unreadCount: 1, items: [{ type: "evidence.submitted", itemTitle: "Loops", href: `/o/${org.slug}/reviews`, readAt: null }] });
    expect(mentorList.json!.items[0].text).toMatch(/submitted evidence for “Loops”/);
    // Nobody is told of their own doing, and nobody else hears of it.
    expect((await listNotifications(org.slug, org.hire.cookie)).json!.unreadCount).toBe(0);
    expect((await listNotifications(org.slug, org.otherMentor.cookie)).json!.unreadCount).toBe(0);

    await reviewEvidence(org.slug, org.mentor.cookie, attempt.json!.id, { decision: "REQUEST_CHANGES", comment: "Add a test." });
    const hireList = await listNotifications(org.slug, org.hire.cookie, "unread=true");
    expect(hireList.json!.items).toMatchObject([{ type: "evidence.reviewed", decision: "REQUEST_CHANGES", href: `/o/${org.slug}/assignments/${org.assignmentId}?item=${org.key("Loops")}&open=1` }]);

    // Someone else's id is ignored; then one by id; then all.
    expect((await markRead(org.slug, org.hire.cookie, { ids: [mentorList.json!.items[0].id] })).json).toEqual({ unreadCount: 1 });
    expect((await markRead(org.slug, org.mentor.cookie, { ids: [mentorList.json!.items[0].id] })).json).toEqual({ unreadCount: 0 });
    expect((await markRead(org.slug, org.hire.cookie, { all: true })).json).toEqual({ unreadCount: 0 });
    expect((await markRead(org.slug, org.hire.cookie, {})).status).toBe(422);
    expect((await markRead(org.slug, org.hire.cookie, { all: true, ids: ["x"] })).status).toBe(422);
    // Another organization's list is a 404 for someone who is not in it.
    const outsider = await assignedOrg();
    expect((await listNotifications(org.slug, outsider.owner.cookie)).status).toBe(404);
  });
});

describe("evidence emails", () => {
  it("batch a mentor's submissions into one email per 10 minutes, sent once even if the job runs twice", async () => {
    const org = await assignedOrg();
    await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "one" });
    await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { note: "two" });
    const jobs = (await jobsOf(evidenceArrivedEmailJob.name)).filter((job) => job.data.userId === org.mentor.userId);
    // One job for both, waiting ten minutes.
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.start_after.getTime() - jobs[0]!.created_on.getTime()).toBeGreaterThanOrEqual(599_000);

    await evidenceArrivedEmailJob.handler({ userId: org.mentor.userId, organizationId: org.organization.id }, jobContext(jobs[0]!.id));
    await evidenceArrivedEmailJob.handler({ userId: org.mentor.userId, organizationId: org.organization.id }, jobContext(jobs[0]!.id));
    const emails = await emailsTo(await emailOf(org.mentor.userId));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe(`2 submissions to review in ${org.organization.name}`);
    expect(emails[0]!.text).toContain("“Loops”");
    expect(emails[0]!.text).toContain("“Types”");
    expect(emails[0]!.text).toContain(`/o/${org.slug}/reviews`);
  });

  it("email the hire once when a review is done, enqueued with the review; nothing for a kind turned off", async () => {
    const org = await assignedOrg();
    const first = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "one" });
    await reviewEvidence(org.slug, org.mentor.cookie, first.json!.id, { decision: "REQUEST_CHANGES", comment: "Please add <b>tests</b>." });
    // Jobs of this organization's notifications (the file shares one database).
    const reviewJobs = async () => {
      const ids = new Set((await getDb().notification.findMany({ where: { organizationId: org.organization.id }, select: { id: true } })).map((row) => row.id));
      return (await jobsOf(reviewDoneEmailJob.name)).filter((row) => ids.has(row.data.notificationId!));
    };
    const [job] = await reviewJobs();
    expect(job).toBeDefined();
    await reviewDoneEmailJob.handler(job!.data as { notificationId: string }, jobContext(job!.id));
    await reviewDoneEmailJob.handler(job!.data as { notificationId: string }, jobContext(job!.id));
    const hireEmail = await emailOf(org.hire.userId);
    const emails = await emailsTo(hireEmail);
    expect(emails.map((email) => email.subject)).toEqual(["Changes requested on “Loops”"]);
    // The comment is the mentor's text: escaped in the HTML.
    expect(emails[0]!.html).toContain("Please add &lt;b&gt;tests&lt;/b&gt;.");

    // The hire turns review emails off: the next review enqueues none.
    expect((await setPreferences(org.hire.cookie, { reviewDone: false })).json).toEqual({ evidenceSubmitted: true, reviewDone: false, reviewDigest: true, assigned: true, dueSoon: true, overdue: true, stuck: true, nudge: true, weeklySummary: true, timeZone: "UTC" });
    expect((await callRoute(getPreferencesRoute, { path: "/api/v1/me/email-preferences", params: {}, cookie: org.hire.cookie })).json!.reviewDone).toBe(false);
    expect((await setPreferences(org.hire.cookie, { reviewDone: "no" })).status).toBe(422);
    expect((await setPreferences(org.hire.cookie, {})).status).toBe(422);
    const second = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "two" });
    await reviewEvidence(org.slug, org.mentor.cookie, second.json!.id, { decision: "APPROVE" });
    expect(await reviewJobs()).toHaveLength(1);

    // A mentor who turns theirs off after the batch was enqueued gets nothing when it runs.
    const waiting = (await jobsOf(evidenceArrivedEmailJob.name)).filter((row) => row.data.userId === org.mentor.userId);
    await setPreferences(org.mentor.cookie, { evidenceSubmitted: false });
    await evidenceArrivedEmailJob.handler({ userId: org.mentor.userId, organizationId: org.organization.id }, jobContext(waiting[0]!.id));
    expect(await emailsTo(await emailOf(org.mentor.userId))).toEqual([]);
  });

  it("send mentors a daily digest of what has waited over 24 hours, once a day", async () => {
    const org = await assignedOrg();
    const old = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "old" });
    await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { note: "fresh" });
    await getDb().evidenceAttempt.update({ where: { id: old.json!.id }, data: { submittedAt: new Date(Date.now() - 30 * 3600_000) } });
    await reviewDigestJob.handler({}, jobContext("digest-1"));
    await reviewDigestJob.handler({}, jobContext("digest-2"));
    const emails = await emailsTo(await emailOf(org.mentor.userId));
    expect(emails.map((email) => email.subject)).toEqual(["1 submission has waited over a day for your review"]);
    expect(emails[0]!.text).toContain(`${org.organization.name}: 1 waiting, the oldest for 30 hours`);
    // The other mentor mentors nobody here; the admin is not a mentor of this assignment.
    expect(await emailsTo(await emailOf(org.otherMentor.userId))).toEqual([]);
  });

  it("leave out a kind this release does not know (a later release's rows after a rollback) instead of failing the list", async () => {
    const org = await assignedOrg();
    await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "done" });
    await getDb().notification.create({ data: { organizationId: org.organization.id, userId: org.mentor.userId, type: "kind.from-the-future", assignmentId: org.assignmentId, stableKey: "", payload: {} } });
    const list = await listNotifications(org.slug, org.mentor.cookie);
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ unreadCount: 1, items: [{ type: "evidence.submitted" }] });
    expect(list.json!.items).toHaveLength(1);
  });
});
