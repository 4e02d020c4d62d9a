import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as activityRoute } from "@/app/api/v1/o/[orgSlug]/activity/route";
import { GET as dashboardRoute } from "@/app/api/v1/o/[orgSlug]/dashboards/mentor/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { createAssignments, updateItem } from "../assignments/assignments-fixture";
import { assignedOrg, reviewEvidence, submitEvidence } from "../evidence/evidence-fixture";
import { callRoute } from "../support/call-route";
import { countQueries } from "../support/count-queries";
import { createUser } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const dashboard = (slug: string, cookie: string) => callRoute(dashboardRoute, { path: `/api/v1/o/${slug}/dashboards/mentor`, params: { orgSlug: slug }, cookie });
const activity = (slug: string, cookie: string) => callRoute(activityRoute, { path: `/api/v1/o/${slug}/activity`, params: { orgSlug: slug }, cookie });
const DAY = 24 * 3600_000;

describe("GET /dashboards/mentor", () => {
  it("shows the mentor's mentees with progress, what is in progress, waiting reviews and flags, and nobody else's", async () => {
    const org = await assignedOrg();
    // A second hire of the organization, mentored by the other mentor: not on this mentor's dashboard.
    await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherHire.userId], mentorIds: [org.otherMentor.userId] });
    await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" });
    await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Scope"), { state: "IN_PROGRESS" });
    const sentBack = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "first" });
    await reviewEvidence(org.slug, org.mentor.cookie, sentBack.json!.id, { decision: "REQUEST_CHANGES", comment: "More." });
    await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("HTTP"), { note: "http" });
    // Scope has been in progress for ten days.
    await getDb().itemProgress.update({ where: { assignmentId_stableKey: { assignmentId: org.assignmentId, stableKey: org.key("Scope") } }, data: { updatedAt: new Date(Date.now() - 10 * DAY) } });

    const { status, json } = await dashboard(org.slug, org.mentor.cookie);
    expect(status).toBe(200);
    expect(json!.stuckAfterDays).toBe(7);
    expect(json!.mentees).toHaveLength(1);
    const [mentee] = json!.mentees;
    expect(mentee.assignment).toMatchObject({ id: org.assignmentId, assignee: { id: org.hire.userId }, progress: { done: 1, total: 5 } });
    expect(mentee.sections).toEqual([
      { key: org.key("Basics"), title: "Basics", percent: 33, done: 1, total: 3 },
      { key: org.key("Web (optional)"), title: "Web (optional)", percent: 0, done: 0, total: 2 },
    ]);
    expect(mentee.inProgress.map((item: { title: string }) => item.title)).toEqual(["Scope", "Loops", "HTTP"]);
    expect(mentee.pendingReviews).toMatchObject([{ title: "HTTP", number: 1 }]);
    expect(mentee.flags).toEqual({ stuck: true, stuckReason: "An item has been in progress for 10 days.", overdue: false, unanswered: true });
    expect(mentee.lastActivityAt).not.toBeNull();

    // The other mentor sees only their mentee; a hire has no dashboard; another organization: 404.
    expect((await dashboard(org.slug, org.otherMentor.cookie)).json!.mentees.map((entry: { assignment: { assignee: { id: string } } }) => entry.assignment.assignee.id)).toEqual([org.otherHire.userId]);
    expect((await dashboard(org.slug, org.hire.cookie)).status).toBe(403);
    const outsider = await assignedOrg();
    expect((await dashboard(org.slug, outsider.mentor.cookie)).status).toBe(404);
  });

  it("reads the same number of statements for 1 mentee and for 12", async () => {
    const small = await assignedOrg();
    const large = await assignedOrg();
    const hires = [];
    for (let index = 0; index < 11; index++) {
      const user = await createUser();
      await getDb().membership.create({ data: { organizationId: large.organization.id, userId: user.id, role: "MEMBER" } });
      hires.push(user.id);
    }
    expect((await createAssignments(large.slug, large.admin.cookie, { trackId: large.trackId, assigneeIds: hires, mentorIds: [large.mentor.userId] })).status).toBe(201);
    // Warm the version-tree cache for both, then count.
    await dashboard(small.slug, small.mentor.cookie);
    await dashboard(large.slug, large.mentor.cookie);
    const few = await countQueries(() => dashboard(small.slug, small.mentor.cookie));
    const many = await countQueries(() => dashboard(large.slug, large.mentor.cookie));
    expect((await dashboard(large.slug, large.mentor.cookie)).json!.mentees).toHaveLength(12);
    expect(many.statements.length).toBe(few.statements.length);
  });
});

describe("GET /activity", () => {
  it("tells what happened, newest first, to those who may see it", async () => {
    const org = await assignedOrg();
    await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" });
    await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "x" });
    const feed = await activity(org.slug, org.mentor.cookie);
    expect(feed.status).toBe(200);
    const texts = feed.json!.items.map((entry: { text: string }) => entry.text);
    const hireName = feed.json!.items[0].actor.name ?? feed.json!.items[0].actor.email;
    // The submission is one line: the progress change it made (Loops in progress) is part of it.
    expect(texts.slice(0, 2)).toEqual([`${hireName} submitted evidence for “Loops”.`, `${hireName} marked “Types” done.`]);
    expect(feed.json!.items[0].hire.id).toBe(org.hire.userId);
    expect((await activity(org.slug, org.otherHire.cookie)).json!.items).toEqual([]);
    expect((await activity(org.slug, org.admin.cookie)).json!.items.length).toBeGreaterThanOrEqual(3);
  });
});
