import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as nudgeRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/nudges/route";
import { GET as listNotificationsRoute } from "@/app/api/v1/o/[orgSlug]/notifications/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { getLogger } from "@/lib/observability/logger";
import { nudgeHire } from "@/lib/reminders/nudge";
import { reminderEmailJob } from "@/lib/reminders/reminder-email-job";
import { createAssignments, orgWithPublishedTrack } from "../assignments/assignments-fixture";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const nudge = (slug: string, cookie: string, assignmentId: string, body: unknown) =>
  callRoute(nudgeRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/nudges`, params: { orgSlug: slug, assignmentId }, cookie, body });
const notifications = (slug: string, cookie: string) => callRoute(listNotificationsRoute, { path: `/api/v1/o/${slug}/notifications`, params: { orgSlug: slug }, cookie });
const stored = async (organizationId: string) => ({
  sends: await getDb().reminderSend.count({ where: { organizationId, kind: "nudge" } }),
  notices: await getDb().notification.count({ where: { organizationId, type: "nudge" } }),
  events: await getDb().event.count({ where: { organizationId, type: "assignment.nudged" } }),
});

async function assigned() {
  const org = await orgWithPublishedTrack();
  const { json } = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId] });
  return { ...org, assignmentId: json!.items[0].id as string };
}

describe("nudge", () => {
  it("sends the hire a plain-text message in the app and by email, records assignment.nudged, and allows one per hire per day", async () => {
    const org = await assigned();
    const message = "  How is it going? <b>Ping me</b> if you are blocked.\nCheers  ";
    const sent = await nudge(org.slug, org.mentor.cookie, org.assignmentId, { message });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ assignmentId: org.assignmentId });
    const list = (await notifications(org.slug, org.hire.cookie)).json!;
    const notice = list.items.find((item: { type: string }) => item.type === "nudge");
    expect(notice).toMatchObject({ href: `/o/${org.slug}/assignments/${org.assignmentId}`, actor: { id: org.mentor.userId } });
    expect(notice.text).toBe(`${org.mentor.name} nudged you: “How is it going? <b>Ping me</b> if you are blocked.\nCheers”`);

    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: "assignment.nudged" } });
    expect(events).toMatchObject([{ actorId: org.mentor.userId, subjectType: "assignment", subjectId: org.assignmentId, payload: { assigneeId: org.hire.userId } }]);
    // The message stays between them: the log has its length, not its words.
    expect(JSON.stringify(events[0]!.payload)).not.toContain("Ping");

    const [job] = (await getDb().$queryRawUnsafe<Array<{ id: string; data: { notificationId: string } }>>("select id, data from pgboss.job where name = $1", reminderEmailJob.name)).filter(
      (row) => row.data.notificationId === notice.id,
    );
    await reminderEmailJob.handler(job!.data, { jobId: job!.id, log: getLogger() });
    const { email } = await getDb().user.findUniqueOrThrow({ where: { id: org.hire.userId } });
    const [mail] = await getDb().emailMessage.findMany({ where: { to: email } });
    expect(mail!.subject).toBe(`${org.mentor.name} sent you a nudge`);
    expect(mail!.html).toContain("&lt;b&gt;Ping me&lt;/b&gt;");

    // A second nudge the same day, from anyone: 429 with when it is allowed again, and nothing stored.
    const before = await stored(org.organization.id);
    const again = await nudge(org.slug, org.admin.cookie, org.assignmentId, { message: "Me too." });
    expect(again.status).toBe(429);
    expect(again.json!.error.code).toBe("RATE_LIMITED");
    expect(again.json!.error.message).toMatch(/already nudged today/);
    const nextAllowedAt = new Date(again.json!.error.details.nextAllowedAt as string);
    expect(nextAllowedAt.getTime()).toBe(new Date(`${new Date(sent.json!.sentAt).toISOString().slice(0, 10)}T00:00:00Z`).getTime() + 86_400_000);
    expect(Number(again.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await stored(org.organization.id)).toEqual(before);
  });

  it("is allowed again the next day (a fixed clock)", async () => {
    const org = await assigned();
    const ctx = { organization: org.organization, user: { id: org.admin.userId }, membership: { role: "ADMIN" }, log: getLogger() } as unknown as Parameters<typeof nudgeHire>[0];
    await nudgeHire(ctx, org.assignmentId, { message: "Day one." }, new Date("2030-03-01T23:59:00Z"));
    await expect(nudgeHire(ctx, org.assignmentId, { message: "Still day one." }, new Date("2030-03-01T23:59:30Z"))).rejects.toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: 30 } });
    await expect(nudgeHire(ctx, org.assignmentId, { message: "Day two." }, new Date("2030-03-02T00:00:00Z"))).resolves.toMatchObject({ nextAllowedAt: new Date("2030-03-03T00:00:00Z") });
  });

  it("refuses bad messages with 422 and changes nothing", async () => {
    const org = await assigned();
    for (const body of [{}, { message: "" }, { message: "   " }, { message: "x".repeat(501) }, { message: 42 }, { message: "bell\u0007" }, { message: "hi", extra: true }, { message: "nul\u0000" }]) {
      const answer = await nudge(org.slug, org.mentor.cookie, org.assignmentId, body);
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(422);
    }
    expect((await nudge(org.slug, org.mentor.cookie, org.assignmentId, { message: "x".repeat(500) })).status).toBe(201);
  });

  it("is a manager's or the hire's mentor's: others get 403 or 404, other organizations 404, finished assignments 409", async () => {
    const org = await assigned();
    const before = await stored(org.organization.id);
    // A mentor of someone else does not see the assignment; the hire and other members lack the permission.
    expect((await nudge(org.slug, org.otherMentor.cookie, org.assignmentId, { message: "Hi" })).status).toBe(404);
    expect((await nudge(org.slug, org.hire.cookie, org.assignmentId, { message: "Hi" })).status).toBe(403);
    expect((await nudge(org.slug, org.otherHire.cookie, org.assignmentId, { message: "Hi" })).status).toBe(403);
    // Another organization: its slug with our id, or our slug as an outsider.
    const other = await assigned();
    expect((await nudge(other.slug, other.owner.cookie, org.assignmentId, { message: "Hi" })).status).toBe(404);
    expect((await nudge(org.slug, other.owner.cookie, org.assignmentId, { message: "Hi" })).status).toBe(404);
    expect((await nudge(org.slug, org.owner.cookie, "c000000000000000000000000", { message: "Hi" })).status).toBe(404);
    // A mentor on their own assignment (mentors can be assigned tracks too) cannot nudge themselves.
    const self = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherMentor.userId], mentorIds: [org.mentor.userId] });
    expect((await nudge(org.slug, org.otherMentor.cookie, self.json!.items[0].id, { message: "Me" })).status).toBe(403);
    await getDb().assignment.update({ where: { id: org.assignmentId }, data: { status: "COMPLETED", completedAt: new Date() } });
    const done = await nudge(org.slug, org.owner.cookie, org.assignmentId, { message: "Hi" });
    expect(done.status).toBe(409);
    expect(await stored(org.organization.id)).toEqual(before);
  });
});
