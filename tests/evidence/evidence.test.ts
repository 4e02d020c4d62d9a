import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { getAssignment, updateItem } from "../assignments/assignments-fixture";
import { assignedOrg, bulkApprove, listEvidence, reviewEvidence, reviewQueue, submitEvidence } from "./evidence-fixture";

const PR = "https://github.com/acme/api/pull/42";

// Submitting and reviewing enqueue emails in their transaction; nothing runs them here.
let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const eventsOf = async (organizationId: string, type: string) =>
  (await getDb().event.findMany({ where: { organizationId, type }, orderBy: { sequence: "asc" } })).map((event) => event.payload);

describe("submitting and reviewing evidence", () => {
  it("takes attempts, sends one back with a comment, approves the next, and the evidence-required item is then done", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    // Evidence-required: not done directly.
    expect((await updateItem(org.slug, org.hire.cookie, org.assignmentId, loops, { state: "DONE" })).status).toBe(422);

    const first = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { link: PR, note: "I wrote **tests**." });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ number: 1, status: "SUBMITTED", link: { url: PR, kind: "github-pull", label: "acme/api#42" }, note: "I wrote **tests**.", review: null });
    expect(first.json!.noteHtml).toContain("<strong>tests</strong>");
    // The first attempt starts the item.
    const started = await getAssignment(org.slug, org.hire.cookie, org.assignmentId);
    expect(started.json!.progress).toContainEqual(expect.objectContaining({ stableKey: loops, state: "IN_PROGRESS" }));

    // One attempt waits at a time.
    expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "again" })).status).toBe(409);

    const sentBack = await reviewEvidence(org.slug, org.mentor.cookie, first.json!.id, { decision: "REQUEST_CHANGES", comment: "Add a test for the empty list." });
    expect(sentBack.status).toBe(200);
    expect(sentBack.json).toMatchObject({ attempt: { status: "CHANGES_REQUESTED", review: { reviewer: { id: org.mentor.userId }, comment: "Add a test for the empty list." } }, item: null });
    // A closed attempt is not reviewed again: 422 naming its status, nothing changes.
    const twice = await reviewEvidence(org.slug, org.admin.cookie, first.json!.id, { decision: "APPROVE" });
    expect(twice.status).toBe(422);
    expect(twice.json!.error.details).toMatchObject({ status: "CHANGES_REQUESTED", allowed: [] });

    const second = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { link: PR, note: "Added it." });
    expect(second.json).toMatchObject({ number: 2, status: "SUBMITTED" });
    const approved = await reviewEvidence(org.slug, org.mentor.cookie, second.json!.id, { decision: "APPROVE" });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ attempt: { status: "APPROVED" }, item: { stableKey: loops, state: "DONE" }, assignment: { progress: { done: 1 } } });
    expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "more" })).status).toBe(409);

    // Both attempts are kept, newest first, with their reviews.
    const listed = await listEvidence(org.slug, org.mentor.cookie, org.assignmentId, loops);
    expect(listed.json!.items.map((attempt: { number: number; status: string }) => [attempt.number, attempt.status])).toEqual([
      [2, "APPROVED"],
      [1, "CHANGES_REQUESTED"],
    ]);
    expect(listed.json).toMatchObject({ canSubmit: false, canReview: false });
    expect(await eventsOf(org.organization.id, "evidence.reviewed")).toEqual([
      expect.objectContaining({ attemptId: first.json!.id, decision: "REQUEST_CHANGES" }),
      expect.objectContaining({ attemptId: second.json!.id, decision: "APPROVE" }),
    ]);
    expect((await eventsOf(org.organization.id, "progress.updated")).map((payload) => (payload as { to: string }).to)).toEqual(["IN_PROGRESS", "DONE"]);
    expect(await eventsOf(org.organization.id, "evidence.submitted")).toHaveLength(2);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    const cases: Array<[unknown, string]> = [
      [{}, "body.link"],
      [{ link: "javascript:alert(1)" }, "body.link"],
      [{ link: "ftp://example.com/file" }, "body.link"],
      [{ link: `https://example.com/${"a".repeat(2100)}` }, "body.link"],
      [{ note: "   " }, "body.link"],
      [{ note: "x", extra: true }, "body"],
    ];
    for (const [body, path] of cases) {
      const refused = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(refused.json!.error.details), JSON.stringify(body)).toContain(path.replace("body.", ""));
    }
    expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Basics"), { note: "a section" })).status).toBe(422);
    expect((await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, "nosuchkey1", { note: "x" })).status).toBe(404);
    const attempt = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "ok" });
    expect((await reviewEvidence(org.slug, org.mentor.cookie, attempt.json!.id, { decision: "REQUEST_CHANGES" })).status).toBe(422);
    expect((await reviewEvidence(org.slug, org.mentor.cookie, attempt.json!.id, { decision: "MAYBE" })).status).toBe(422);
    expect(await getDb().evidenceAttempt.count({ where: { organizationId: org.organization.id } })).toBe(1);
    expect((await getDb().evidenceAttempt.findFirstOrThrow({ where: { organizationId: org.organization.id } })).status).toBe("SUBMITTED");
  });

  it("replays a retried submission with the same Idempotency-Key instead of making a second attempt", async () => {
    const org = await assignedOrg();
    const body = { link: PR };
    const first = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), body, "submit-loops-0001");
    const retry = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), body, "submit-loops-0001");
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.response.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json!.id).toBe(first.json!.id);
    expect(await getDb().evidenceAttempt.count({ where: { organizationId: org.organization.id } })).toBe(1);
  });
});

describe("who may submit, see and review", () => {
  it("lets only the assignee submit, only mentors and admins review, never their own, and hides everything from others", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    expect((await submitEvidence(org.slug, org.mentor.cookie, org.assignmentId, loops, { note: "mine" })).status).toBe(403);
    // Someone in the organization who cannot see the assignment, and another organization: 404.
    expect((await submitEvidence(org.slug, org.otherHire.cookie, org.assignmentId, loops, { note: "x" })).status).toBe(404);
    const outsider = await assignedOrg();
    expect((await submitEvidence(outsider.slug, outsider.hire.cookie, org.assignmentId, loops, { note: "x" })).status).toBe(404);
    expect((await listEvidence(outsider.slug, outsider.owner.cookie, org.assignmentId, loops)).status).toBe(404);

    const attempt = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "done" });
    const id = attempt.json!.id as string;
    // The hire cannot review (the role lacks evidence.review), another mentor of the org does not mentor this hire.
    expect((await reviewEvidence(org.slug, org.hire.cookie, id, { decision: "APPROVE" })).status).toBe(403);
    expect((await reviewEvidence(org.slug, org.otherMentor.cookie, id, { decision: "APPROVE" })).status).toBe(404);
    expect((await reviewEvidence(outsider.slug, outsider.owner.cookie, id, { decision: "APPROVE" })).status).toBe(404);
    expect((await reviewEvidence(outsider.slug, outsider.mentor.cookie, outsider.assignmentId, { decision: "APPROVE" })).status).toBe(404);
    expect((await getDb().evidenceAttempt.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");

    expect((await listEvidence(org.slug, org.mentor.cookie, org.assignmentId, loops)).json).toMatchObject({ canSubmit: false, canReview: true });
    expect((await listEvidence(org.slug, org.hire.cookie, org.assignmentId, loops)).json).toMatchObject({ canSubmit: false, canReview: false });
    expect((await reviewEvidence(org.slug, org.admin.cookie, id, { decision: "APPROVE" })).status).toBe(200);
  });

  it("refuses a mentor who is also the author of the attempt (self-review)", async () => {
    const org = await assignedOrg();
    const { createAssignments } = await import("../assignments/assignments-fixture");
    // The mentor holds an assignment of their own, mentored by the admin; they cannot review their own attempt even as a mentor-role member.
    const own = await createAssignments(org.slug, org.owner.cookie, { trackId: org.trackId, assigneeIds: [org.admin.userId], mentorIds: [org.owner.userId] });
    const assignmentId = own.json!.items[0].id as string;
    const attempt = await submitEvidence(org.slug, org.admin.cookie, assignmentId, org.key("Loops"), { note: "my own" });
    const self = await reviewEvidence(org.slug, org.admin.cookie, attempt.json!.id, { decision: "APPROVE" });
    expect(self.status).toBe(403);
    expect(self.json!.error.message).toMatch(/your own/);
    expect((await listEvidence(org.slug, org.admin.cookie, assignmentId, org.key("Loops"))).json).toMatchObject({ canSubmit: false, canReview: false });
    expect((await reviewEvidence(org.slug, org.owner.cookie, attempt.json!.id, { decision: "APPROVE" })).status).toBe(200);
  });
});

describe("GET /reviews", () => {
  it("lists what waits for the caller, oldest first, with filters, a cursor and a total", async () => {
    const org = await assignedOrg();
    const { createAssignments } = await import("../assignments/assignments-fixture");
    const second = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherHire.userId], mentorIds: [org.otherMentor.userId] });
    const otherAssignment = second.json!.items[0].id as string;
    const a = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "one" });
    const b = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("HTTP"), { note: "two" });
    const c = await submitEvidence(org.slug, org.otherHire.cookie, otherAssignment, org.key("Types"), { note: "three" });

    const mine = await reviewQueue(org.slug, org.mentor.cookie);
    expect(mine.status).toBe(200);
    expect(mine.json!.items.map((entry: { attempt: { id: string } }) => entry.attempt.id)).toEqual([a.json!.id, b.json!.id]);
    expect(mine.json!.items[0]).toMatchObject({ assignment: { assignee: { id: org.hire.userId } }, item: { key: org.key("Loops"), title: "Loops", section: { title: "Basics" } } });
    expect(mine.json!.total).toBe(2);

    const all = await reviewQueue(org.slug, org.admin.cookie, "limit=2");
    expect(all.json!.items.map((entry: { attempt: { id: string } }) => entry.attempt.id)).toEqual([a.json!.id, b.json!.id]);
    expect(all.json!.total).toBe(3);
    const next = await reviewQueue(org.slug, org.admin.cookie, `limit=2&cursor=${all.json!.nextCursor}`);
    expect(next.json!.items.map((entry: { attempt: { id: string } }) => entry.attempt.id)).toEqual([c.json!.id]);
    expect(next.json!.nextCursor).toBeNull();

    expect((await reviewQueue(org.slug, org.admin.cookie, `assigneeId=${org.otherHire.userId}`)).json!.total).toBe(1);
    const web = await reviewQueue(org.slug, org.admin.cookie, `sectionKey=${org.key("Web (optional)")}`);
    expect(web.json!.items.map((entry: { item: { title: string } }) => entry.item.title)).toEqual(["HTTP"]);
    expect((await reviewQueue(org.slug, org.admin.cookie, "cursor=nonsense")).status).toBe(422);
    // Hires have no queue; another organization sees none of these.
    expect((await reviewQueue(org.slug, org.hire.cookie)).status).toBe(403);
    const outsider = await assignedOrg();
    expect((await reviewQueue(outsider.slug, outsider.owner.cookie)).json).toMatchObject({ items: [], total: 0 });

    await reviewEvidence(org.slug, org.mentor.cookie, a.json!.id, { decision: "APPROVE" });
    expect((await reviewQueue(org.slug, org.mentor.cookie)).json!.total).toBe(1);
  });
});

describe("POST /evidence/approve", () => {
  it("approves the chosen attempts all or nothing, or everything a hire has waiting under a section", async () => {
    const org = await assignedOrg();
    const submit = (title: string) => submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key(title), { note: title }).then((result) => result.json!.id as string);
    const [loops, types, http, routing] = [await submit("Loops"), await submit("Types"), await submit("HTTP"), await submit("Routing")];
    await reviewEvidence(org.slug, org.mentor.cookie, types, { decision: "REQUEST_CHANGES", comment: "Not yet." });

    // One of them was already reviewed: nothing is approved, and the error names it.
    const refused = await bulkApprove(org.slug, org.mentor.cookie, { attemptIds: [loops, types] });
    expect(refused.status).toBe(422);
    expect(refused.json!.error.details).toMatchObject({ attemptId: types, status: "CHANGES_REQUESTED" });
    expect((await getDb().evidenceAttempt.findUniqueOrThrow({ where: { id: loops } })).status).toBe("SUBMITTED");

    const chosen = await bulkApprove(org.slug, org.mentor.cookie, { attemptIds: [loops] });
    expect(chosen.status).toBe(200);
    expect(chosen.json!.approved.map((attempt: { id: string; status: string }) => [attempt.id, attempt.status])).toEqual([[loops, "APPROVED"]]);
    expect(chosen.json!.assignments).toMatchObject([{ id: org.assignmentId, progress: { done: 1 } }]);

    const section = await bulkApprove(org.slug, org.mentor.cookie, { assignmentId: org.assignmentId, sectionKey: org.key("Web (optional)") });
    expect(section.json!.approved.map((attempt: { id: string }) => attempt.id)).toEqual([http, routing]);
    expect(section.json!.assignments[0].progress).toMatchObject({ done: 3 });
    expect((await reviewQueue(org.slug, org.mentor.cookie)).json!.total).toBe(0);

    expect((await bulkApprove(org.slug, org.mentor.cookie, { assignmentId: org.assignmentId, sectionKey: org.key("Loops") })).status).toBe(404);
    expect((await bulkApprove(org.slug, org.mentor.cookie, { attemptIds: [] })).status).toBe(422);
    expect((await bulkApprove(org.slug, org.mentor.cookie, { attemptIds: [loops], assignmentId: org.assignmentId, sectionKey: org.key("Basics") })).status).toBe(422);
    expect((await bulkApprove(org.slug, org.hire.cookie, { attemptIds: [loops] })).status).toBe(403);
    const outsider = await assignedOrg();
    expect((await bulkApprove(outsider.slug, outsider.owner.cookie, { attemptIds: [http] })).status).toBe(404);
    expect((await bulkApprove(outsider.slug, outsider.owner.cookie, { assignmentId: org.assignmentId, sectionKey: org.key("Basics") })).status).toBe(404);
  });
});
