import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as dashboardRoute } from "@/app/api/v1/o/[orgSlug]/dashboards/manager/route";
import { GET as exportRoute } from "@/app/api/v1/o/[orgSlug]/dashboards/manager/export/route";
import { getDb } from "@/lib/db/client";
import { managerDashboard } from "@/lib/dashboards/manager-dashboard";
import { managerDashboardQuerySchema } from "@/lib/dashboards/manager-schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
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

const dashboard = (slug: string, cookie: string, query = "") =>
  callRoute(dashboardRoute, { path: `/api/v1/o/${slug}/dashboards/manager${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
const exportCsv = (slug: string, cookie: string, query = "") =>
  callRoute(exportRoute, { path: `/api/v1/o/${slug}/dashboards/manager/export${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });

/** The dashboard at a fixed instant: only the organization is read from the context. */
const dashboardAt = (organization: { id: string; slug: string }, now: Date, query = {}) =>
  managerDashboard({ organization } as unknown as OrgContext, managerDashboardQuerySchema.parse(query), now);

const at = (iso: string) => new Date(iso);

/**
 * Two hires on the starter track (5 counted items), with a history set to fixed
 * instants so flags, forecast and review times can be checked against a fixed
 * "now" of 2026-11-20 12:00 UTC (threshold: 7 days).
 *   hire:      started Nov 1, due Dec 31; Types done; Scope in progress since Nov 5
 *              (15 days: stuck); Loops sent back Nov 10 06:00 after 6 h (unanswered);
 *              HTTP waiting since Nov 19 12:00 (24 h).
 *   otherHire: started Oct 10, due Nov 15 (overdue); Routing's first attempt
 *              reviewed after 24 h; nothing else since Oct 12 (no activity: stuck).
 */
async function historyOrg() {
  const org = await assignedOrg();
  const db = getDb();
  const other = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherHire.userId], mentorIds: [org.otherMentor.userId] });
  const otherAssignmentId = other.json!.items[0].id as string;
  await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" });
  await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Scope"), { state: "IN_PROGRESS" });
  const loops = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "first" });
  await reviewEvidence(org.slug, org.mentor.cookie, loops.json!.id, { decision: "REQUEST_CHANGES", comment: "More." });
  const http = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("HTTP"), { note: "http" });
  const routing = await submitEvidence(org.slug, org.otherHire.cookie, otherAssignmentId, org.key("Routing"), { note: "routing" });
  await reviewEvidence(org.slug, org.otherMentor.cookie, routing.json!.id, { decision: "REQUEST_CHANGES", comment: "Again." });
  await submitEvidence(org.slug, org.otherHire.cookie, otherAssignmentId, org.key("Routing"), { note: "second try" });

  // Fix the history at known instants.
  await db.assignment.update({ where: { id: org.assignmentId }, data: { startDate: at("2026-11-01"), dueDate: at("2026-12-31"), lastActivityAt: at("2026-11-19T12:00:00Z") } });
  await db.assignment.update({ where: { id: otherAssignmentId }, data: { startDate: at("2026-10-10"), dueDate: at("2026-11-15"), lastActivityAt: at("2026-10-12T09:00:00Z") } });
  await db.itemProgress.updateMany({ where: { assignmentId: org.assignmentId, stableKey: org.key("Scope") }, data: { updatedAt: at("2026-11-05T08:00:00Z") } });
  await db.itemProgress.updateMany({ where: { assignmentId: org.assignmentId, stableKey: { in: [org.key("Loops"), org.key("HTTP")] } }, data: { updatedAt: at("2026-11-19T12:00:00Z") } });
  await db.itemProgress.updateMany({ where: { assignmentId: otherAssignmentId }, data: { updatedAt: at("2026-10-12T09:00:00Z") } });
  await db.evidenceAttempt.update({ where: { id: loops.json!.id }, data: { submittedAt: at("2026-11-10T00:00:00Z"), reviewedAt: at("2026-11-10T06:00:00Z") } });
  await db.evidenceAttempt.update({ where: { id: http.json!.id }, data: { submittedAt: at("2026-11-19T12:00:00Z") } });
  await db.evidenceAttempt.update({ where: { id: routing.json!.id }, data: { submittedAt: at("2026-10-11T09:00:00Z"), reviewedAt: at("2026-10-12T09:00:00Z") } });
  await db.evidenceAttempt.updateMany({ where: { assignmentId: otherAssignmentId, number: 2 }, data: { submittedAt: at("2026-10-12T09:00:00Z") } });
  return { ...org, otherAssignmentId };
}

const NOW = at("2026-11-20T12:00:00Z");

describe("GET /dashboards/manager", () => {
  it("answers flags, forecasts, review times and sections from a fixed history and a fixed clock", async () => {
    const org = await historyOrg();
    const result = await dashboardAt(org.organization, NOW);
    expect(result.today).toBe("2026-11-20");
    expect(result.stuckAfterDays).toBe(7);
    const byHire = new Map(result.assignments.map((row) => [row.assignee.id, row]));
    const hire = byHire.get(org.hire.userId)!;
    const other = byHire.get(org.otherHire.userId)!;

    expect(hire.progress).toMatchObject({ done: 1, total: 5, inProgress: 3, percent: 20 });
    // Basics: 1 of 3 done; Web: 0 of 2.
    expect(hire.sectionPercents).toEqual([33, 0]);
    expect(hire.flags).toEqual({ stuck: true, stuckReason: "An item has been in progress for 15 days.", overdue: false, unanswered: true });
    // 20 days (Nov 1–20), 1 done: 0.05 a day; 4 left → 80 days → Feb 8, after the due day.
    expect(hire.forecast).toEqual({ finishDate: "2027-02-08", perWeek: 0.4, onTrack: false });
    expect(hire.cohort).toBe("2026-11");
    expect(hire.mentors.map((mentor) => mentor.id)).toEqual([org.mentor.userId]);

    // Its Routing attempt answered the request for changes: the flag is only for changes still unanswered.
    expect(other.flags).toEqual({ stuck: true, stuckReason: "An item has been in progress for 39 days.", overdue: true, unanswered: false });
    expect(other.forecast).toEqual({ finishDate: null, perWeek: 0, onTrack: null });

    expect(result.summary).toEqual({ assignments: 2, overdue: 1, stuck: 2, unanswered: 1, averagePercent: 10 });
    // First reviews took 6 h and 24 h; the two attempts waiting now have waited 24 h and 939 h (39 days 3 h).
    expect(result.reviews).toEqual({ firstReviewMedianHours: 15, firstReviews: 2, waitingMedianHours: 481.5, waiting: 2 });
    expect(result.tracks).toEqual([{ id: org.trackId, title: "Starter", sections: [{ key: org.key("Basics"), title: "Basics" }, { key: org.key("Web (optional)"), title: "Web (optional)" }] }]);
    // Each cohort's average per section: one hire in each month.
    expect(result.heatmap).toEqual([
      {
        trackId: org.trackId,
        cohorts: [
          { id: "2026-11", label: "2026-11 (1 hire)", hires: 1, values: [33, 0] },
          { id: "2026-10", label: "2026-10 (1 hire)", hires: 1, values: [0, 0] },
        ],
      },
    ]);
    expect(result.page).toEqual({ number: 1, size: 50, total: 2 });
  });

  it("pages the table in the order asked for, while the summary covers every page", async () => {
    const org = await historyOrg();
    const ids = async (query: Record<string, string | number>) => (await dashboardAt(org.organization, NOW, query)).assignments.map((row) => row.id);
    // The hire has 20%, the other hire 0%.
    expect(await ids({ sort: "progress", order: "desc" })).toEqual([org.assignmentId, org.otherAssignmentId]);
    expect(await ids({ sort: "progress", order: "asc" })).toEqual([org.otherAssignmentId, org.assignmentId]);
    expect(await ids({ sort: "due", order: "asc", pageSize: 1 })).toEqual([org.otherAssignmentId]);
    const second = await dashboardAt(org.organization, NOW, { sort: "due", order: "asc", pageSize: 1, page: 2 });
    expect(second.assignments.map((row) => row.id)).toEqual([org.assignmentId]);
    expect(second.page).toEqual({ number: 2, size: 1, total: 2 });
    expect(second.summary.assignments).toBe(2);
    expect((await dashboardAt(org.organization, NOW, { page: 3, pageSize: 1 })).assignments).toEqual([]);
    const { status, json } = await dashboard(org.slug, org.admin.cookie, "pageSize=500");
    expect(status).toBe(422);
    expect(JSON.stringify(json)).toContain("query.pageSize");
    expect((await dashboard(org.slug, org.admin.cookie, "sort=salary")).status).toBe(422);
  });

  it("flags no activity when nothing is in progress and the hire has been quiet past the threshold", async () => {
    const org = await assignedOrg();
    await getDb().assignment.update({ where: { id: org.assignmentId }, data: { startDate: at("2026-11-01"), lastActivityAt: null } });
    const quiet = (await dashboardAt(org.organization, NOW)).assignments[0]!;
    expect(quiet.flags).toMatchObject({ stuck: true, stuckReason: "No activity for 19 days.", overdue: false });
    await getDb().assignment.update({ where: { id: org.assignmentId }, data: { lastActivityAt: at("2026-11-15T00:00:00Z") } });
    expect((await dashboardAt(org.organization, NOW)).assignments[0]!.flags.stuck).toBe(false);
  });

  it("filters by track, mentor and cohort, and offers what there is to choose", async () => {
    const org = await historyOrg();
    const { status, json } = await dashboard(org.slug, org.admin.cookie);
    expect(status).toBe(200);
    expect(json!.filters).toEqual({
      tracks: [{ id: org.trackId, title: "Starter" }],
      mentors: expect.arrayContaining([expect.objectContaining({ id: org.mentor.userId }), expect.objectContaining({ id: org.otherMentor.userId })]),
      cohorts: ["2026-11", "2026-10"],
    });
    const ids = async (query: string) => ((await dashboard(org.slug, org.admin.cookie, query)).json!.assignments as Array<{ id: string }>).map((row) => row.id);
    expect(await ids(`mentor=${org.otherMentor.userId}`)).toEqual([org.otherAssignmentId]);
    expect(await ids("cohort=2026-11")).toEqual([org.assignmentId]);
    expect(await ids(`track=${org.trackId}&cohort=2026-10`)).toEqual([org.otherAssignmentId]);
    expect(await ids("cohort=2025-01")).toEqual([]);
    // Bad filters: a clear 422 naming the field.
    const bad = await dashboard(org.slug, org.admin.cookie, "cohort=November");
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain("query.cohort");
    expect((await dashboard(org.slug, org.admin.cookie, "colour=red")).status).toBe(422);
  });

  it("leaves out archived and completed assignments", async () => {
    const org = await historyOrg();
    await getDb().assignment.update({ where: { id: org.otherAssignmentId }, data: { status: "ARCHIVED", archivedAt: new Date() } });
    expect(((await dashboard(org.slug, org.admin.cookie)).json!.assignments as Array<{ id: string }>).map((row) => row.id)).toEqual([org.assignmentId]);
  });

  it("is for owners and admins; other organizations' people and ids do not exist", async () => {
    const org = await historyOrg();
    expect((await dashboard(org.slug, org.owner.cookie)).status).toBe(200);
    expect((await dashboard(org.slug, org.mentor.cookie)).status).toBe(403);
    expect((await dashboard(org.slug, org.hire.cookie)).status).toBe(403);
    expect((await exportCsv(org.slug, org.mentor.cookie)).status).toBe(403);
    const outsider = await historyOrg();
    expect((await dashboard(org.slug, outsider.admin.cookie)).status).toBe(404);
    expect((await exportCsv(org.slug, outsider.admin.cookie)).status).toBe(404);
    // Another organization's track or mentor as a filter matches nothing here.
    expect((await dashboard(org.slug, org.admin.cookie, `track=${outsider.trackId}`)).json!.assignments).toEqual([]);
    expect((await dashboard(org.slug, org.admin.cookie, `mentor=${outsider.mentor.userId}`)).json!.assignments).toEqual([]);
  });

  it("keeps the stored counts equal to a fresh count after every kind of write, and the hire's last activity", async () => {
    const org = await assignedOrg();
    const db = getDb();
    const stored = async () => db.assignment.findUniqueOrThrow({ where: { id: org.assignmentId }, select: { progressSnapshot: true, lastActivityAt: true } });
    expect((await stored()).lastActivityAt).toBeNull();
    await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" });
    await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("HTTP"), { state: "NOT_APPLICABLE", notApplicableReason: "No web work here." });
    const attempt = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "done" });
    const beforeReview = await stored();
    expect(beforeReview.lastActivityAt).not.toBeNull();
    expect(beforeReview.progressSnapshot).toMatchObject({ track: { done: 1, inProgress: 1, notApplicable: 1, total: 4 } });
    await reviewEvidence(org.slug, org.mentor.cookie, attempt.json!.id, { decision: "APPROVE" });
    const afterReview = await stored();
    // The mentor's approval counts, but it is not the hire's activity.
    expect(afterReview.progressSnapshot).toMatchObject({ track: { done: 2, inProgress: 0, total: 4, percent: 50 } });
    expect(afterReview.lastActivityAt).toEqual(beforeReview.lastActivityAt);

    const kept = (await dashboard(org.slug, org.admin.cookie)).json!.assignments[0];
    await db.assignment.update({ where: { id: org.assignmentId }, data: { progressSnapshot: Prisma.DbNull } });
    const recounted = (await dashboard(org.slug, org.admin.cookie)).json!.assignments[0];
    expect(recounted.progress).toEqual(kept.progress);
    expect(recounted.sectionPercents).toEqual(kept.sectionPercents);
    // The count made on read is saved.
    expect((await stored()).progressSnapshot).toEqual(afterReview.progressSnapshot);
  });

  it("sends the same statements for 10 hires and for 500", async () => {
    const small = await assignedOrg();
    const large = await assignedOrg();
    await addHires(small, 9);
    await addHires(large, 499);
    // Count each once (saving their snapshots) and warm the tree cache, then count statements.
    expect((await dashboard(small.slug, small.admin.cookie)).json!.page.total).toBe(10);
    expect((await dashboard(large.slug, large.admin.cookie)).json!.page.total).toBe(500);
    const few = await countQueries(() => dashboard(small.slug, small.admin.cookie));
    const many = await countQueries(() => dashboard(large.slug, large.admin.cookie));
    // The same statements (their text: the values differ), so a mismatch shows which one.
    expect(many.statements).toEqual(few.statements);
    expect(many.statements.length).toBeLessThanOrEqual(5);
  });
});

describe("GET /dashboards/manager/export", () => {
  it("downloads the chosen rows as CSV with formulas written as text", async () => {
    const org = await historyOrg();
    await getDb().user.update({ where: { id: org.hire.userId }, data: { name: '=HYPERLINK("http://evil.example","click")' } });
    const { status, response, text } = await exportCsv(org.slug, org.admin.cookie, "cohort=2026-11");
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="cairn-${org.slug}-dashboard-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Hire,Email,Track,/);
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""http://evil.example"",""click"")"`)).toBe(true);
    expect((await exportCsv(org.slug, org.admin.cookie, "cohort=13")).status).toBe(422);
  });
});

/** More hires on the org's track, written directly (assigning 500 through the API takes long): counted on the first read. */
async function addHires(org: Awaited<ReturnType<typeof assignedOrg>>, count: number) {
  const db = getDb();
  const first = await db.assignment.findUniqueOrThrow({ where: { id: org.assignmentId }, select: { versionId: true } });
  const users = [];
  for (let index = 0; index < count; index++) users.push(await createUser());
  await db.membership.createMany({ data: users.map((user) => ({ organizationId: org.organization.id, userId: user.id, role: "MEMBER" as const })) });
  await db.assignment.createMany({
    data: users.map((user) => ({ organizationId: org.organization.id, trackId: org.trackId, versionId: first.versionId, assigneeId: user.id, startDate: new Date(), createdById: org.admin.userId })),
  });
  const assignments = await db.assignment.findMany({ where: { organizationId: org.organization.id }, select: { id: true } });
  await db.assignmentMentor.createMany({ data: assignments.map((assignment) => ({ organizationId: org.organization.id, assignmentId: assignment.id, mentorId: org.mentor.userId })), skipDuplicates: true });
}
