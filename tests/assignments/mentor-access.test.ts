/**
 * Mentoring follows membership (issue 13). A mentor demoted below Mentor,
 * suspended or removed stops mentoring: their links end (kept as history, with
 * an event on each assignment), and every way to a former mentee's assignment is
 * closed to them: HTTP reads and writes, the thread, the replay and the activity
 * feed, the socket rooms and live events, notifications and their emails, the
 * dashboards and the review queue, the mentee's activity calendar. Promoting,
 * reactivating or re-inviting them brings none of it back. And a link row whose
 * mentor may not mentor grants nothing, however it came to be.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listCommentsRoute, POST as createCommentRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/comments/route";
import { GET as mentorDashboardRoute } from "@/app/api/v1/o/[orgSlug]/dashboards/mentor/route";
import { GET as managerDashboardRoute } from "@/app/api/v1/o/[orgSlug]/dashboards/manager/route";
import { GET as eventsRoute } from "@/app/api/v1/o/[orgSlug]/events/route";
import { GET as notificationsRoute } from "@/app/api/v1/o/[orgSlug]/notifications/route";
import { getDb, getPool } from "@/lib/db/client";
import { queryRows, sql } from "@/lib/db/sql";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { evidenceArrivedEmailJob, reviewDigestJob } from "@/lib/notifications/evidence-email-jobs";
import { getLogger } from "@/lib/observability/logger";
import { roomsForUser } from "@/lib/realtime/member-rooms";
import { assignmentRoom } from "@/lib/realtime/rooms";
import { activity, activityDays } from "../dashboards/activity-events";
import { assignedOrg, listEvidence, reviewQueue, submitEvidence } from "../evidence/evidence-fixture";
import { accept, invitationRow } from "../invitations/invitations-fixture";
import { removeMember, updateMember } from "../members/members-fixture";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { until, useLiveInstances } from "../support/live-instances";
import { createAssignments, getAssignment, listAssignments, updateAssignment, updateItem } from "./assignments-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  // No workers: the tests run the email jobs' handlers themselves.
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const live = useLiveInstances(1);

type Org = Awaited<ReturnType<typeof setUp>>;

const itemPath = (slug: string, assignmentId: string, key: string) => ({ path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}/comments`, params: { orgSlug: slug, assignmentId, key } });
const listComments = (slug: string, cookie: string, assignmentId: string, key: string) => callRoute(listCommentsRoute, { ...itemPath(slug, assignmentId, key), cookie });
const postComment = (slug: string, cookie: string, assignmentId: string, key: string, body: string) => callRoute(createCommentRoute, { ...itemPath(slug, assignmentId, key), cookie, body: { body } });
const mentorDashboard = (slug: string, cookie: string) => callRoute(mentorDashboardRoute, { path: `/api/v1/o/${slug}/dashboards/mentor`, params: { orgSlug: slug }, cookie });
const managerDashboard = (slug: string, cookie: string) => callRoute(managerDashboardRoute, { path: `/api/v1/o/${slug}/dashboards/manager`, params: { orgSlug: slug }, cookie });
const replay = (slug: string, cookie: string, after: number) => callRoute(eventsRoute, { path: `/api/v1/o/${slug}/events?after=${after}`, params: { orgSlug: slug }, cookie });
const notifications = (slug: string, cookie: string) => callRoute(notificationsRoute, { path: `/api/v1/o/${slug}/notifications`, params: { orgSlug: slug }, cookie });
const emailsTo = async (userId: string) => {
  const { email } = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
  return getDb().emailMessage.findMany({ where: { to: email } });
};
const latestSequence = async (organizationId: string) => Number((await getDb().organization.findUniqueOrThrow({ where: { id: organizationId } })).eventSequence);

/**
 * The starter org: the hire's assignment mentored by `mentor`, who also holds an
 * assignment of their own (mentored by `otherMentor`, so they keep hearing
 * something live); the hire has submitted evidence (a notification and a
 * batched email job for the mentor) and the mentor has written in the thread.
 * Checks first that the mentor does mentor: the tests below are not vacuous.
 */
async function setUp() {
  const org = await assignedOrg();
  const own = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.mentor.userId], mentorIds: [org.otherMentor.userId] });
  expect(own.status).toBe(201);
  const ownAssignmentId = own.json!.items[0].id as string;
  expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "my loops" })).status).toBe(201);
  expect((await postComment(org.slug, org.mentor.cookie, org.assignmentId, org.key("Types"), "Nice start.")).status).toBe(201);

  const mentorView = await getAssignment(org.slug, org.mentor.cookie, org.assignmentId);
  expect(mentorView.status).toBe(200);
  expect(mentorView.json!.assignment.mentors.map((person: { id: string }) => person.id)).toEqual([org.mentor.userId]);
  expect((await roomsForUser({ id: org.mentor.userId, email: org.mentor.email, name: org.mentor.name }, org.slug))!.rooms).toContain(assignmentRoom(org.assignmentId));
  expect((await mentorDashboard(org.slug, org.mentor.cookie)).json!.mentees).toHaveLength(1);
  return { ...org, ownAssignmentId, since: await latestSequence(org.organization.id) };
}

/** Runs the mentor's batched "evidence arrived" email job now, as pg-boss would ten minutes later. */
async function runEvidenceEmail(org: Org) {
  const before = (await emailsTo(org.mentor.userId)).length;
  await evidenceArrivedEmailJob.handler({ userId: org.mentor.userId, organizationId: org.organization.id }, { jobId: `job-${org.mentor.userId}`, log: getLogger() });
  // Claimed, so never sent later either.
  const waiting = await getDb().notification.count({ where: { userId: org.mentor.userId, type: "evidence.submitted", emailedAt: null } });
  return { sent: (await emailsTo(org.mentor.userId)).length - before, waiting };
}

/** Every way from the (active, Mentor-role) former mentor to the hire's assignment is closed. */
async function expectNoMentorAccess(org: Org) {
  const { slug, assignmentId } = org;
  const cookie = org.mentor.cookie;
  const person = { id: org.mentor.userId, email: org.mentor.email, name: org.mentor.name };

  // HTTP: the assignment, its items, evidence and thread are 404, as if they did not exist.
  for (const answer of [
    await getAssignment(slug, cookie, assignmentId),
    await listEvidence(slug, cookie, assignmentId, org.key("Loops")),
    await listComments(slug, cookie, assignmentId, org.key("Types")),
    await postComment(slug, cookie, assignmentId, org.key("Types"), "Still here?"),
    await updateItem(slug, cookie, assignmentId, org.key("Types"), { state: "DONE" }),
    await activityDays(slug, cookie, org.hire.userId),
  ]) {
    expect(answer.status).toBe(404);
  }
  expect((await listAssignments(slug, cookie)).json!.items.map((item: { id: string }) => item.id)).toEqual([org.ownAssignmentId]);
  // Dashboards and the queue: nothing of the hire's.
  const dashboard = await mentorDashboard(slug, cookie);
  expect(dashboard.status).toBe(200);
  expect(dashboard.json!.mentees).toEqual([]);
  expect((await reviewQueue(slug, cookie)).json!.items).toEqual([]);
  // The managers no longer see them as the hire's mentor either.
  const managerView = await getAssignment(slug, org.admin.cookie, assignmentId);
  expect(managerView.json!.assignment.mentors).toEqual([]);
  expect((await listAssignments(slug, org.admin.cookie, `mentorId=${org.mentor.userId}`)).json!.items).toEqual([]);
  const managerRow = (await managerDashboard(slug, org.admin.cookie)).json!.assignments.find((row: { id: string }) => row.id === assignmentId);
  expect(managerRow.mentors).toEqual([]);
  // Notifications: the one about the hire's evidence is gone from their list.
  expect((await notifications(slug, cookie)).json!.items.filter((item: { assignmentId: string }) => item.assignmentId === assignmentId)).toEqual([]);

  // Rooms: the hire's assignment is not among them; live, a change to it does not arrive while one to their own does.
  const rooms = (await roomsForUser(person, slug))!.rooms;
  expect(rooms).not.toContain(assignmentRoom(assignmentId));
  expect(rooms).toContain(assignmentRoom(org.ownAssignmentId));
  const socket = await live.follow(cookie, live.instances[0]!, slug);
  expect((await updateItem(slug, org.hire.cookie, assignmentId, org.key("Scope"), { state: "IN_PROGRESS" })).status).toBe(200);
  expect((await updateItem(slug, cookie, org.ownAssignmentId, org.key("Scope"), { state: "IN_PROGRESS" })).status).toBe(200);
  // Events leave in commit order on one connection: once their own arrived, the hire's would have.
  await until(() => socket.heard.some((event) => event.subjectId === org.ownAssignmentId), "the event of their own assignment");
  expect(socket.heard.filter((event) => event.subjectId === assignmentId)).toEqual([]);
  socket.socket.disconnect();

  // Replay and the activity feed: none of the hire's assignment's events (before or after).
  const replayed = await replay(slug, cookie, 0);
  expect(replayed.status).toBe(200);
  expect(replayed.json!.items.filter((event: { subjectId: string }) => event.subjectId === assignmentId)).toEqual([]);
  expect(replayed.json!.items.some((event: { subjectId: string }) => event.subjectId === org.ownAssignmentId)).toBe(true);
  expect((await activity(slug, cookie)).json!.items.filter((item: { assignmentId: string }) => item.assignmentId === assignmentId)).toEqual([]);

  // The morning digest: the hire's attempt has waited two days; nothing goes to them.
  await getDb().evidenceAttempt.updateMany({ where: { assignmentId, status: "SUBMITTED" }, data: { submittedAt: new Date(Date.now() - 48 * 3_600_000) } });
  const before = (await emailsTo(org.mentor.userId)).length;
  await reviewDigestJob.handler({}, { jobId: "digest", log: getLogger() });
  expect((await emailsTo(org.mentor.userId)).length).toBe(before);
}

/** The links ended as history, with assignment.mentors_changed on the hire's assignment (and none left). */
async function expectEnded(org: Org, reason: string, memberEvent: string) {
  expect(await getDb().assignmentMentor.count({ where: { mentorId: org.mentor.userId, organizationId: org.organization.id } })).toBe(0);
  const history = await getDb().assignmentMentorHistory.findMany({ where: { mentorId: org.mentor.userId } });
  expect(history).toEqual([expect.objectContaining({ organizationId: org.organization.id, assignmentId: org.assignmentId, reason, endedById: org.owner.userId })]);
  const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, sequence: { gt: BigInt(org.since) } }, orderBy: { sequence: "asc" } });
  expect(events.find((event) => event.type === memberEvent)!.payload).toMatchObject({ userId: org.mentor.userId, mentorshipsEnded: [org.assignmentId] });
  expect(events.filter((event) => event.type === "assignment.mentors_changed")).toEqual([
    expect.objectContaining({ subjectType: "assignment", subjectId: org.assignmentId, actorId: org.owner.userId, payload: { assignmentId: org.assignmentId, removed: [org.mentor.userId], reason } }),
  ]);
}

describe("a mentor who is demoted, suspended or removed stops mentoring", () => {
  it("demoted to member: no access to the former mentee's assignment, no email; promoted back to mentor, still none", async () => {
    const org = await setUp();
    const mentorSocket = await live.follow(org.mentor.cookie, live.instances[0]!, org.slug);
    expect((await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { role: "MEMBER" })).status).toBe(200);
    await expectEnded(org, "role_changed", "member.role_changed");
    // Their socket re-joins with the rooms they have now.
    expect(await mentorSocket.closed).toBe("io server disconnect");
    expect((await getAssignment(org.slug, org.mentor.cookie, org.assignmentId)).status).toBe(404);
    expect((await mentorDashboard(org.slug, org.mentor.cookie)).status).toBe(403);
    expect(await runEvidenceEmail(org)).toEqual({ sent: 0, waiting: 0 });

    expect((await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { role: "MENTOR" })).status).toBe(200);
    await expectNoMentorAccess(org);
  });

  it("suspended: refused, no email; reactivated, still no access to the former mentee's assignment", async () => {
    const org = await setUp();
    expect((await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { status: "SUSPENDED" })).status).toBe(200);
    await expectEnded(org, "suspended", "member.suspended");
    expect((await getAssignment(org.slug, org.mentor.cookie, org.assignmentId)).status).toBe(403);
    await expect(live.follow(org.mentor.cookie, live.instances[0]!, org.slug)).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(await runEvidenceEmail(org)).toEqual({ sent: 0, waiting: 0 });

    expect((await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { status: "ACTIVE" })).status).toBe(200);
    await expectNoMentorAccess(org);
  });

  it("removed: nothing, no email; re-invited as a mentor, still no access to the former mentee's assignment", async () => {
    const org = await setUp();
    expect((await removeMember(org.slug, org.mentor.membershipId, org.owner.cookie)).status).toBe(200);
    await expectEnded(org, "removed", "member.removed");
    expect((await getAssignment(org.slug, org.mentor.cookie, org.assignmentId)).status).toBe(404);
    expect(await runEvidenceEmail(org)).toEqual({ sent: 0, waiting: 0 });

    // Accepting while signed in needs a verified address (decision 0017): theirs is.
    await getDb().user.update({ where: { id: org.mentor.userId }, data: { emailVerified: new Date() } });
    const { token } = await invitationRow(org.organization.id, org.mentor.email, { role: "MENTOR", invitedById: org.owner.userId });
    expect((await accept(token, { cookie: org.mentor.cookie })).status).toBe(200);
    // Their own assignment was not theirs to lose; the hire's is.
    await expectNoMentorAccess(org);
  });

  it("a manager adds them again explicitly, and only then do they mentor again", async () => {
    const org = await setUp();
    await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { role: "MEMBER" });
    await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { role: "MENTOR" });
    expect((await getAssignment(org.slug, org.mentor.cookie, org.assignmentId)).status).toBe(404);
    expect((await updateAssignment(org.slug, org.admin.cookie, org.assignmentId, { mentorIds: [org.mentor.userId] })).status).toBe(200);
    expect((await getAssignment(org.slug, org.mentor.cookie, org.assignmentId)).status).toBe(200);
  });

  it("keeps the links of a mentor promoted or demoted between roles that may mentor", async () => {
    const org = await setUp();
    expect((await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { role: "ADMIN" })).status).toBe(200);
    expect((await updateMember(org.slug, org.mentor.membershipId, org.owner.cookie, { role: "MENTOR" })).status).toBe(200);
    const view = await getAssignment(org.slug, org.mentor.cookie, org.assignmentId);
    expect(view.status).toBe(200);
    expect(view.json!.assignment.mentors.map((person: { id: string }) => person.id)).toEqual([org.mentor.userId]);
    expect(await getDb().assignmentMentorHistory.count({ where: { mentorId: org.mentor.userId } })).toBe(0);
  });

  it("keeps a manager's removal of a mentor as history too", async () => {
    const org = await setUp();
    expect((await updateAssignment(org.slug, org.admin.cookie, org.assignmentId, { mentorIds: [org.otherMentor.userId] })).status).toBe(200);
    expect(await getDb().assignmentMentorHistory.findMany({ where: { assignmentId: org.assignmentId } })).toEqual([
      expect.objectContaining({ mentorId: org.mentor.userId, reason: "unassigned", endedById: org.admin.userId }),
    ]);
    expect((await getAssignment(org.slug, org.mentor.cookie, org.assignmentId)).status).toBe(404);
  });
});

describe("a mentor link whose mentor may not mentor", () => {
  it("grants nothing, wherever it is read (the rule joins the membership)", async () => {
    const org = await setUp();
    // A link to a plain member, made behind the service's back.
    await getDb().assignmentMentor.create({ data: { organizationId: org.organization.id, assignmentId: org.assignmentId, mentorId: org.otherHire.userId } });
    const cookie = org.otherHire.cookie;
    for (const answer of [
      await getAssignment(org.slug, cookie, org.assignmentId),
      await listComments(org.slug, cookie, org.assignmentId, org.key("Types")),
      await postComment(org.slug, cookie, org.assignmentId, org.key("Types"), "Hello?"),
      await updateItem(org.slug, cookie, org.assignmentId, org.key("Types"), { state: "DONE" }),
      await activityDays(org.slug, cookie, org.hire.userId),
    ]) {
      expect(answer.status).toBe(404);
    }
    expect((await roomsForUser({ id: org.otherHire.userId, email: org.otherHire.email, name: org.otherHire.name }, org.slug))!.rooms).not.toContain(assignmentRoom(org.assignmentId));
    expect((await replay(org.slug, cookie, 0)).json!.items.filter((event: { subjectId: string }) => event.subjectId === org.assignmentId)).toEqual([]);
    // Not listed as a mentor, not notified of new evidence.
    expect((await getAssignment(org.slug, org.admin.cookie, org.assignmentId)).json!.assignment.mentors.map((person: { id: string }) => person.id)).toEqual([org.mentor.userId]);
    await postComment(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), "A question for my mentors");
    expect(await getDb().notification.count({ where: { userId: org.otherHire.userId } })).toBe(0);

    // A suspended mentor whose link remained is not emailed what was waiting for them.
    await getDb().membership.update({ where: { id: org.mentor.membershipId }, data: { status: "SUSPENDED" } });
    expect(await runEvidenceEmail(org)).toEqual({ sent: 0, waiting: 0 });
  });

  it("cannot be made while the mentor is being demoted: the assignment change waits for it and answers 409", async () => {
    const org = await setUp();
    const demotion = await getPool().connect();
    let answer: Awaited<ReturnType<typeof updateAssignment>>;
    try {
      // A membership change in flight: the organization's row locked, the role changed, not yet committed.
      await demotion.query("BEGIN");
      await demotion.query(`SELECT id FROM "Organization" WHERE id = $1 FOR NO KEY UPDATE`, [org.organization.id]);
      await demotion.query(`UPDATE "Membership" SET role = 'MEMBER' WHERE id = $1`, [org.otherMentor.membershipId]);
      const pending = updateAssignment(org.slug, org.admin.cookie, org.assignmentId, { mentorIds: [org.mentor.userId, org.otherMentor.userId] });
      await until(async () => {
        const [row] = await queryRows<{ waiting: number }>(sql`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        return row!.waiting > 0;
      }, "the assignment change to wait for the organization's row");
      await demotion.query("COMMIT");
      answer = await pending;
    } finally {
      demotion.release();
    }
    expect(answer.status).toBe(409);
    expect(await getDb().assignmentMentor.count({ where: { assignmentId: org.assignmentId, mentorId: org.otherMentor.userId } })).toBe(0);
  });
});
