/**
 * The reviewer SLA (issue 15): the organization's review target in working days,
 * the review queue's waiting time, overdue flag, count and filter, and the overdue
 * line in the mentors' daily digest. Submission times are set relative to the real
 * clock in whole weeks (a week is five working days whatever today is); the day-level
 * rules are unit tests of lib/time/working-days.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as updateOrgRoute } from "@/app/api/v1/o/[orgSlug]/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { reviewDigestJob } from "@/lib/notifications/evidence-email-jobs";
import { getLogger } from "@/lib/observability/logger";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg, reviewQueue, submitEvidence } from "./evidence-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const DAY = 86_400_000;
const updateOrg = (slug: string, cookie: string, body: unknown) => callRoute(updateOrgRoute, { path: `/api/v1/o/${slug}`, params: { orgSlug: slug }, cookie, body });

/** Loops submitted three weeks ago (15 working days), Types two weeks ago (10), Variables just now (0). */
async function waitingAttempts() {
  const org = await assignedOrg();
  const submitted = async (title: string, ageDays: number) => {
    const sent = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key(title), { note: `${title} done` });
    expect(sent.status).toBe(201);
    if (ageDays > 0) await getDb().evidenceAttempt.update({ where: { id: sent.json!.id }, data: { submittedAt: new Date(Date.now() - ageDays * DAY) } });
    return sent.json!.id as string;
  };
  return { org, loops: await submitted("Loops", 21), types: await submitted("Types", 14), variables: await submitted("Variables", 0) };
}

describe("the review target", () => {
  it("is 2 working days by default, set by owners between 1 and 30, recorded as organization.updated", async () => {
    const { org } = await waitingAttempts();
    expect((await reviewQueue(org.slug, org.mentor.cookie)).json!.reviewTargetDays).toBe(2);
    for (const reviewTargetDays of [0, 31, 1.5, "3", null, -1]) {
      const refused = await updateOrg(org.slug, org.owner.cookie, { reviewTargetDays });
      expect(refused.status, String(reviewTargetDays)).toBe(422);
      expect(refused.json!.error.details.issues[0].path).toBe("body.reviewTargetDays");
    }
    expect((await updateOrg(org.slug, org.admin.cookie, { reviewTargetDays: 5 })).status).toBe(403);
    const set = await updateOrg(org.slug, org.owner.cookie, { reviewTargetDays: 12 });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ reviewTargetDays: 12, stuckAfterDays: 7 });
    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: "organization.updated" } });
    expect(events.map((event) => event.payload)).toEqual([{ reviewTargetDays: { from: 2, to: 12 } }]);
  });
});

describe("the review queue against the target", () => {
  it("says how long each attempt has waited and which are overdue, counts them and filters by them", async () => {
    const { org, loops, types, variables } = await waitingAttempts();
    const all = await reviewQueue(org.slug, org.mentor.cookie);
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ total: 3, overdueCount: 2, reviewTargetDays: 2 });
    expect(all.json!.items.map((entry: { attempt: { id: string }; waiting: unknown }) => [entry.attempt.id, entry.waiting])).toEqual([
      [loops, { workingDays: 15, overdue: true }],
      [types, { workingDays: 10, overdue: true }],
      [variables, { workingDays: 0, overdue: false }],
    ]);
    const overdue = await reviewQueue(org.slug, org.mentor.cookie, "overdue=true");
    expect(overdue.json!.items.map((entry: { attempt: { id: string } }) => entry.attempt.id)).toEqual([loops, types]);
    expect(overdue.json).toMatchObject({ total: 2, overdueCount: 2 });
    expect((await reviewQueue(org.slug, org.mentor.cookie, "overdue=false")).json!.total).toBe(3);
    expect((await reviewQueue(org.slug, org.mentor.cookie, "overdue=yes")).status).toBe(422);

    // A longer target: only the three-week-old one is over it.
    expect((await updateOrg(org.slug, org.owner.cookie, { reviewTargetDays: 12 })).status).toBe(200);
    const relaxed = await reviewQueue(org.slug, org.mentor.cookie, "overdue=true");
    expect(relaxed.json).toMatchObject({ total: 1, overdueCount: 1, reviewTargetDays: 12, items: [{ attempt: { id: loops }, waiting: { workingDays: 15, overdue: true } }] });
  });

  it("is reported as overdue in the mentor's daily digest", async () => {
    const { org } = await waitingAttempts();
    await reviewDigestJob.handler({}, { jobId: "sla-digest", log: getLogger() });
    const email = (await getDb().user.findUniqueOrThrow({ where: { id: org.mentor.userId } })).email;
    const emails = await getDb().emailMessage.findMany({ where: { to: email } });
    expect(emails.map((row) => row.subject)).toEqual(["2 submissions have waited over a day for your review (2 overdue)"]);
    expect(emails[0]!.text).toContain(`${org.organization.name}: 2 waiting, the oldest for `);
    expect(emails[0]!.text).toContain("; 2 overdue (over the 2-working-day target)");
  });
});
