import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAssignments, getAssignment, listAssignments, orgWithPublishedTrack, updateAssignment, updateItem } from "./assignments-fixture";
import { createTrack } from "../tracks/tracks-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

type Org = Awaited<ReturnType<typeof orgWithPublishedTrack>>;

function assignBody(org: Org, overrides: Record<string, unknown> = {}) {
  return { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId], startDate: "2026-11-02", dueDate: "2026-12-18", ...overrides };
}

async function assignOne(org: Org, overrides: Record<string, unknown> = {}) {
  const { status, json } = await createAssignments(org.slug, org.admin.cookie, assignBody(org, overrides));
  expect(status).toBe(201);
  return json!.items[0] as { id: string; progress: Record<string, number> };
}

const rowCounts = async (organizationId: string) => {
  const db = getDb();
  const [assignments, mentors, events] = await Promise.all([
    db.assignment.count({ where: { organizationId } }),
    db.assignmentMentor.count({ where: { organizationId } }),
    db.event.count({ where: { organizationId } }),
  ]);
  return { assignments, mentors, events };
};

describe("POST /assignments", () => {
  it("assigns a cohort with mentors, dates and a skipped branch, counting only what is not skipped", async () => {
    const org = await orgWithPublishedTrack();
    const { status, json } = await createAssignments(org.slug, org.admin.cookie, assignBody(org, { assigneeIds: [org.hire.userId, org.otherHire.userId], mentorIds: [org.mentor.userId, org.owner.userId], skippedKeys: [org.key("Web (optional)")] }));
    expect(status).toBe(201);
    expect(json!.items).toHaveLength(2);
    expect(json!.items[0]).toMatchObject({
      status: "ACTIVE",
      track: { id: org.trackId, title: "Starter" },
      version: { number: 1 },
      assignee: { id: org.hire.userId, email: org.hire.email },
      mentors: [{ id: org.mentor.userId }, { id: org.owner.userId }],
      startDate: "2026-11-02",
      dueDate: "2026-12-18",
      skippedKeys: [org.key("Web (optional)")],
      // Types, Scope and Loops count; HTTP and Routing are skipped with their section.
      progress: { total: 3, done: 0, skipped: 2, percent: 0 },
    });
    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: "assignment.created" }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => (event.payload as { assigneeId: string }).assigneeId)).toEqual([org.hire.userId, org.otherHire.userId]);
  });

  it("replays the first answer for a retried Idempotency-Key, refuses the key with another body, and settles concurrent retries", async () => {
    const org = await orgWithPublishedTrack();
    const first = await createAssignments(org.slug, org.admin.cookie, assignBody(org), "retry-key-0001");
    expect(first.status).toBe(201);
    const rows = await rowCounts(org.organization.id);
    const again = await createAssignments(org.slug, org.admin.cookie, assignBody(org), "retry-key-0001");
    expect(again.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expect(await rowCounts(org.organization.id)).toEqual(rows);

    const otherBody = await createAssignments(org.slug, org.admin.cookie, assignBody(org, { dueDate: "2027-01-08" }), "retry-key-0001");
    expect(otherBody.status).toBe(422);
    expect(otherBody.json!.error.details.issues[0].path).toBe("header.Idempotency-Key");
    expect((await createAssignments(org.slug, org.admin.cookie, assignBody(org), "bad key!")).status).toBe(422);

    // Three copies of one request in flight at once: one assignment, three equal answers.
    const body = assignBody(org, { assigneeIds: [org.otherHire.userId] });
    const racing = await Promise.all([1, 2, 3].map(() => createAssignments(org.slug, org.admin.cookie, body, "retry-key-0002")));
    expect(racing.map((result) => result.status)).toEqual([201, 201, 201]);
    expect(new Set(racing.map((result) => result.json!.items[0].id)).size).toBe(1);
    expect(await getDb().assignment.count({ where: { organizationId: org.organization.id, assigneeId: org.otherHire.userId } })).toBe(1);
  });

  it("refuses a second active assignment of the same track (409 naming who), all or nothing, and allows it after archiving", async () => {
    const org = await orgWithPublishedTrack();
    const first = await assignOne(org);
    const rows = await rowCounts(org.organization.id);
    const { status, json } = await createAssignments(org.slug, org.admin.cookie, assignBody(org, { assigneeIds: [org.otherHire.userId, org.hire.userId] }));
    expect(status).toBe(409);
    expect(json!.error.details.conflicts).toEqual([{ assigneeId: org.hire.userId, assignmentId: first.id }]);
    expect(await rowCounts(org.organization.id)).toEqual(rows);

    expect((await updateAssignment(org.slug, org.admin.cookie, first.id, { archived: true })).json).toMatchObject({ status: "ARCHIVED" });
    expect((await createAssignments(org.slug, org.admin.cookie, assignBody(org))).status).toBe(201);
    // The archived one cannot come back while the new one is active.
    expect((await updateAssignment(org.slug, org.admin.cookie, first.id, { archived: false })).status).toBe(409);
  });

  it("validates the track, the people, the dates and the skipped keys, and writes nothing when refusing", async () => {
    const org = await orgWithPublishedTrack();
    const draftOnly = await createTrack(org.slug, org.owner.cookie, { text: "# Draft\n\n=====\nA\n=====\n- One\n" });
    const outsider = await orgWithPublishedTrack();
    const rows = await rowCounts(org.organization.id);
    const cases: Array<[Record<string, unknown>, number, string | null]> = [
      [{ trackId: draftOnly.json!.id }, 422, "body.trackId"],
      [{ versionNumber: 2 }, 422, "body.versionNumber"],
      [{ trackId: outsider.trackId }, 404, null],
      [{ assigneeIds: [outsider.hire.userId] }, 422, "body.assigneeIds"],
      [{ mentorIds: [org.otherHire.userId] }, 422, "body.mentorIds"],
      [{ mentorIds: [outsider.mentor.userId] }, 422, "body.mentorIds"],
      [{ assigneeIds: [org.mentor.userId], mentorIds: [org.mentor.userId] }, 422, "body.mentorIds"],
      [{ skippedKeys: ["unknownkey1"] }, 422, "body.skippedKeys"],
      [{ dueDate: "2026-10-01" }, 422, "body.dueDate"],
      [{ startDate: "2026-02-30" }, 422, "body.startDate"],
      // Year 0000 passes the ISO date check, but PostgreSQL has no year 0: it was a 500 (the OpenAPI fuzz, decision 0021).
      [{ startDate: "0000-01-01" }, 422, "body.startDate"],
      [{ startDate: "0000-01-01", dueDate: "0000-12-31" }, 422, "body.dueDate"],
      [{ assigneeIds: [] }, 422, "body.assigneeIds"],
      [{ mentorIds: [] }, 422, "body.mentorIds"],
      [{ extra: true }, 422, "body.extra"],
    ];
    for (const [overrides, status, path] of cases) {
      const result = await createAssignments(org.slug, org.admin.cookie, assignBody(org, overrides));
      const paths = result.json!.error.details?.issues?.map((issue: { path: string }) => issue.path) ?? [];
      expect({ overrides, status: result.status, hasPath: path === null || paths.includes(path) }).toEqual({ overrides, status, hasPath: true });
    }
    expect(await rowCounts(org.organization.id)).toEqual(rows);
  });

  it("lets only owners and admins assign", async () => {
    const org = await orgWithPublishedTrack();
    expect((await createAssignments(org.slug, org.mentor.cookie, assignBody(org))).status).toBe(403);
    expect((await createAssignments(org.slug, org.hire.cookie, assignBody(org))).status).toBe(403);
    expect((await createAssignments(org.slug, org.owner.cookie, assignBody(org))).status).toBe(201);
  });
});

describe("who sees which assignment", () => {
  it("shows the hire their own, the mentor their mentees', managers all, and 404s the rest (and other organizations)", async () => {
    const org = await orgWithPublishedTrack();
    const mine = await assignOne(org);
    const theirs = await assignOne(org, { assigneeIds: [org.otherHire.userId], mentorIds: [org.otherMentor.userId] });
    const outsider = await orgWithPublishedTrack();
    const idsFor = async (cookie: string) => ((await listAssignments(org.slug, cookie)).json!.items as Array<{ id: string }>).map((item) => item.id).sort();

    expect(await idsFor(org.hire.cookie)).toEqual([mine.id]);
    expect(await idsFor(org.mentor.cookie)).toEqual([mine.id]);
    expect(await idsFor(org.otherMentor.cookie)).toEqual([theirs.id]);
    expect(await idsFor(org.admin.cookie)).toEqual([mine.id, theirs.id].sort());
    expect((await getAssignment(org.slug, org.hire.cookie, theirs.id)).status).toBe(404);
    expect((await getAssignment(org.slug, org.mentor.cookie, theirs.id)).status).toBe(404);
    expect((await getAssignment(org.slug, org.otherMentor.cookie, theirs.id)).status).toBe(200);

    // Another organization's owner: with their slug and this id, or this slug.
    for (const slug of [outsider.slug, org.slug]) {
      expect((await getAssignment(slug, outsider.owner.cookie, mine.id)).status).toBe(404);
      expect((await updateAssignment(slug, outsider.owner.cookie, mine.id, { dueDate: null })).status).toBe(404);
      expect((await updateItem(slug, outsider.owner.cookie, mine.id, org.key("Types"), { state: "DONE" })).status).toBe(404);
    }
    expect((await listAssignments(outsider.slug, outsider.owner.cookie)).json!.items).toEqual([]);
  });

  it("lets only the assignee log progress (403 for their mentor and admins)", async () => {
    const org = await orgWithPublishedTrack();
    const assignment = await assignOne(org);
    expect((await updateItem(org.slug, org.mentor.cookie, assignment.id, org.key("Types"), { state: "DONE" })).status).toBe(403);
    expect((await updateItem(org.slug, org.admin.cookie, assignment.id, org.key("Types"), { state: "DONE" })).status).toBe(403);
    expect((await updateItem(org.slug, org.otherHire.cookie, assignment.id, org.key("Types"), { state: "DONE" })).status).toBe(404);
    expect(await getDb().itemProgress.count({ where: { assignmentId: assignment.id } })).toBe(0);
  });
});

describe("PUT /assignments/{id}/items/{key}", () => {
  it("moves an item through its states with progress.updated (old and new state), notes and links", async () => {
    const org = await orgWithPublishedTrack();
    const assignment = await assignOne(org);
    const types = org.key("Types");
    const started = await updateItem(org.slug, org.hire.cookie, assignment.id, types, { state: "IN_PROGRESS", note: "Reading **PEP 484**", links: [{ url: "https://peps.python.org/pep-0484/" }] });
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ item: { stableKey: types, state: "IN_PROGRESS", note: "Reading **PEP 484**", links: [{ url: "https://peps.python.org/pep-0484/" }] }, assignment: { status: "ACTIVE", progress: { total: 5, inProgress: 1, done: 0 } } });
    const done = await updateItem(org.slug, org.hire.cookie, assignment.id, types, { state: "DONE" });
    expect(done.json).toMatchObject({ item: { state: "DONE", note: "Reading **PEP 484**" }, assignment: { progress: { done: 1, percent: 20 } } });

    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: "progress.updated" }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => event.payload)).toEqual([
      { assignmentId: assignment.id, key: types, from: "NOT_STARTED", to: "IN_PROGRESS", noteChanged: true, linksChanged: true },
      { assignmentId: assignment.id, key: types, from: "IN_PROGRESS", to: "DONE" },
    ]);

    const detail = await getAssignment(org.slug, org.mentor.cookie, assignment.id);
    expect(detail.json!.progress).toEqual([expect.objectContaining({ stableKey: types, state: "DONE", note: "Reading **PEP 484**", archived: false })]);
    // The note is private to the hire and their mentors: an admin who does not mentor sees the state only.
    expect((await getAssignment(org.slug, org.admin.cookie, assignment.id)).json!.progress).toEqual([expect.objectContaining({ stableKey: types, state: "DONE", note: null })]);
    expect(detail.json!.nextUp.map((item: { title: string }) => item.title)).toEqual(["Scope", "Loops", "HTTP", "Routing"]);
  });

  it("refuses transitions that are not allowed (422 with the allowed ones), DONE on an evidence item, N/A without a reason, and sections", async () => {
    const org = await orgWithPublishedTrack();
    const assignment = await assignOne(org);
    await updateItem(org.slug, org.hire.cookie, assignment.id, org.key("Types"), { state: "DONE" });
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["Types", { state: "NOT_APPLICABLE", notApplicableReason: "Done already" }, "cannot go from DONE to NOT_APPLICABLE"],
      ["Loops", { state: "DONE" }, "needs evidence"],
      ["Scope", { state: "NOT_APPLICABLE" }, "Say why"],
      ["Basics", { state: "IN_PROGRESS" }, "Sections have no state"],
    ];
    for (const [title, body, message] of cases) {
      const { status, json } = await updateItem(org.slug, org.hire.cookie, assignment.id, org.key(title), body);
      expect({ title, status, message: json!.error.message }).toEqual({ title, status: 422, message: expect.stringContaining(message) });
    }
    const refused = await updateItem(org.slug, org.hire.cookie, assignment.id, org.key("Types"), { state: "NOT_APPLICABLE", notApplicableReason: "x" });
    expect(refused.json!.error.details).toMatchObject({ from: "DONE", to: "NOT_APPLICABLE", allowed: ["IN_PROGRESS", "NOT_STARTED"] });
    expect((await updateItem(org.slug, org.hire.cookie, assignment.id, "unknownkey1", { state: "DONE" })).status).toBe(404);
    const states = await getDb().itemProgress.findMany({ where: { assignmentId: assignment.id }, select: { stableKey: true, state: true } });
    expect(states).toEqual([{ stableKey: org.key("Types"), state: "DONE" }]);
  });

  it("completes the assignment with the last counted item (N/A and skips do not count) and reopens it when one is undone", async () => {
    const org = await orgWithPublishedTrack();
    const assignment = await assignOne(org, { skippedKeys: [org.key("Web (optional)")] });
    await updateItem(org.slug, org.hire.cookie, assignment.id, org.key("Types"), { state: "DONE" });
    await updateItem(org.slug, org.hire.cookie, assignment.id, org.key("Loops"), { state: "NOT_APPLICABLE", notApplicableReason: "Covered in the bootcamp" });
    const last = await updateItem(org.slug, org.hire.cookie, assignment.id, org.key("Scope"), { state: "DONE" });
    expect(last.json!.assignment).toMatchObject({ status: "COMPLETED", progress: { total: 2, done: 2, notApplicable: 1, skipped: 2, percent: 100 } });
    const completed = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: "assignment.completed" } });
    expect(completed).toHaveLength(1);
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id: assignment.id } })).completedAt).not.toBeNull();

    const reopened = await updateItem(org.slug, org.hire.cookie, assignment.id, org.key("Scope"), { state: "IN_PROGRESS" });
    expect(reopened.json!.assignment).toMatchObject({ status: "ACTIVE", progress: { done: 1, percent: 50 } });
  });
});

describe("GET /assignments (filters and pages) and PATCH", () => {
  it("filters by person, mentor, track, status and overdue, and pages with a cursor", async () => {
    const org = await orgWithPublishedTrack();
    const overdue = await assignOne(org, { startDate: "2025-01-06", dueDate: "2025-02-07" });
    const onTime = await assignOne(org, { assigneeIds: [org.otherHire.userId], mentorIds: [org.otherMentor.userId], dueDate: "2099-01-01" });
    const ids = async (query: string) => ((await listAssignments(org.slug, org.admin.cookie, query)).json!.items as Array<{ id: string }>).map((item) => item.id);
    expect(await ids(`assigneeId=${org.hire.userId}`)).toEqual([overdue.id]);
    expect(await ids(`mentorId=${org.otherMentor.userId}`)).toEqual([onTime.id]);
    expect(await ids(`trackId=${org.trackId}`)).toEqual([onTime.id, overdue.id]);
    expect(await ids("overdue=true")).toEqual([overdue.id]);
    expect(await ids("overdue=false")).toEqual([onTime.id]);
    expect((await listAssignments(org.slug, org.admin.cookie)).json!.items.find((item: { id: string }) => item.id === overdue.id).overdue).toBe(true);

    const firstPage = await listAssignments(org.slug, org.admin.cookie, "limit=1");
    expect(firstPage.json!.items.map((item: { id: string }) => item.id)).toEqual([onTime.id]);
    const secondPage = await listAssignments(org.slug, org.admin.cookie, `limit=1&cursor=${firstPage.json!.nextCursor}`);
    expect(secondPage.json).toMatchObject({ items: [{ id: overdue.id }], nextCursor: null });

    await updateAssignment(org.slug, org.admin.cookie, overdue.id, { archived: true });
    expect(await ids("")).toEqual([onTime.id]);
    expect(await ids("status=ARCHIVED")).toEqual([overdue.id]);
    expect((await listAssignments(org.slug, org.admin.cookie, "status=LOST")).status).toBe(422);
  });

  it("changes mentors and the due date, archives (no more progress) and refuses non-managers", async () => {
    const org = await orgWithPublishedTrack();
    const assignment = await assignOne(org);
    const changed = await updateAssignment(org.slug, org.admin.cookie, assignment.id, { mentorIds: [org.otherMentor.userId, org.admin.userId], dueDate: "2027-01-15" });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ mentors: [{ id: org.otherMentor.userId }, { id: org.admin.userId }], dueDate: "2027-01-15" });
    // The old mentor lost sight of it; the new one sees it.
    expect((await getAssignment(org.slug, org.mentor.cookie, assignment.id)).status).toBe(404);
    expect((await getAssignment(org.slug, org.otherMentor.cookie, assignment.id)).status).toBe(200);
    expect((await updateAssignment(org.slug, org.admin.cookie, assignment.id, { mentorIds: [org.hire.userId] })).status).toBe(422);
    expect((await updateAssignment(org.slug, org.admin.cookie, assignment.id, { dueDate: "2020-01-01" })).status).toBe(422);
    expect((await updateAssignment(org.slug, org.mentor.cookie, assignment.id, { dueDate: null })).status).toBe(403);

    expect((await updateAssignment(org.slug, org.admin.cookie, assignment.id, { archived: true })).json).toMatchObject({ status: "ARCHIVED" });
    expect((await updateItem(org.slug, org.hire.cookie, assignment.id, org.key("Types"), { state: "DONE" })).status).toBe(409);
  });
});
