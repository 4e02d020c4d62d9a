import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAssignments } from "../assignments/assignments-fixture";
import { assignedOrg } from "../evidence/evidence-fixture";
import { activity, insertEvents } from "./activity-events";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

interface Entry {
  sequence: number;
  assignmentId: string;
  type: string;
}

/** Follows nextBefore from the newest page to the end, checking each page's size. */
async function allPages(slug: string, cookie: string, limit: number) {
  const pages: Entry[][] = [];
  let before: number | null | undefined;
  do {
    const { status, json } = await activity(slug, cookie, `limit=${limit}${before ? `&before=${before}` : ""}`);
    expect(status).toBe(200);
    expect(json!.items.length).toBeLessThanOrEqual(limit);
    pages.push(json!.items);
    before = json!.nextBefore as number | null;
    if (before !== null) expect(before).toBe(json!.items.at(-1).sequence);
  } while (before !== null && pages.length < 50);
  return pages;
}

/** An organization whose two hires each have an assignment, and a history of events on both. */
async function orgWithHistory() {
  const org = await assignedOrg();
  const other = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherHire.userId], mentorIds: [org.otherMentor.userId] });
  expect(other.status).toBe(201);
  const otherAssignmentId = other.json!.items[0].id as string;
  // An hour apart, so no two are one person's rapid changes (those merge into one line: the last test).
  let hoursAgo = 12;
  const at = () => new Date(Date.now() - hoursAgo-- * 3_600_000).toISOString();
  const progress = (actorId: string, subjectId: string) => ({ type: "progress.updated", actorId, subjectId, payload: { key: org.key("Types"), to: "DONE" }, at: at() });
  const sequences = await insertEvents(org.organization.id, [
    progress(org.hire.userId, org.assignmentId),
    progress(org.otherHire.userId, otherAssignmentId),
    progress(org.hire.userId, org.assignmentId),
    // Not activity: an edited comment, and an event about something other than an assignment.
    { type: "comment.edited", actorId: org.hire.userId, subjectId: org.assignmentId },
    { type: "member.role_changed", actorId: org.admin.userId, subjectId: org.hire.membershipId, subjectType: "membership" },
    progress(org.otherHire.userId, otherAssignmentId),
    progress(org.hire.userId, org.assignmentId),
    { type: "evidence.reviewed", actorId: org.mentor.userId, subjectId: org.assignmentId, payload: { key: org.key("Loops"), decision: "APPROVE" }, at: at() },
    progress(org.otherHire.userId, otherAssignmentId),
  ]);
  return { ...org, otherAssignmentId, sequences };
}

describe("GET /activity, page by page", () => {
  it("walks back the whole feed with before/nextBefore: newest first, nothing skipped or repeated, null at the end", async () => {
    const org = await orgWithHistory();
    const whole = await activity(org.slug, org.admin.cookie, "limit=100");
    expect(whole.json!.nextBefore).toBeNull();
    const everything = whole.json!.items as Entry[];
    // The two assignment.created events and the seven inserted activity events; the comment edit and the membership event are not activity.
    const [hire1, other1, hire2, , , other2, hire3, review, other3] = org.sequences;
    expect(everything.map((entry) => entry.sequence)).toEqual([other3, review, hire3, other2, hire2, other1, hire1, ...everything.slice(7).map((entry) => entry.sequence)]);
    expect(everything.slice(7).map((entry) => entry.type)).toEqual(["assignment.created", "assignment.created"]);

    for (const limit of [1, 2, 3, 9]) {
      const pages = await allPages(org.slug, org.admin.cookie, limit);
      expect(pages.flat()).toEqual(everything);
      // A last page that is exactly full still says it is the last (one more row is read to know).
      expect(pages.length).toBe(Math.ceil(everything.length / limit));
    }
  });

  it("keeps the pages already read stable while new events arrive, and starts a page just below `before`", async () => {
    const org = await orgWithHistory();
    const first = await activity(org.slug, org.admin.cookie, "limit=3");
    const [newest] = await insertEvents(org.organization.id, [{ type: "comment.created", actorId: org.hire.userId, subjectId: org.assignmentId, payload: { key: org.key("Scope") } }]);
    const second = await activity(org.slug, org.admin.cookie, `limit=3&before=${first.json!.nextBefore}`);
    expect(second.json!.items[0].sequence).toBeLessThan(first.json!.items[2].sequence);
    const all = (await activity(org.slug, org.admin.cookie, "limit=100")).json!.items as Entry[];
    expect(all[0]!.sequence).toBe(newest);
    expect([...first.json!.items, ...second.json!.items]).toEqual(all.slice(1, 7));
    // `before` is exclusive: before = a sequence starts at the one under it.
    const below = await activity(org.slug, org.admin.cookie, `limit=1&before=${all[2]!.sequence}`);
    expect(below.json!.items.map((entry: Entry) => entry.sequence)).toEqual([all[3]!.sequence]);
  });

  it("pages through only what each person follows, as before", async () => {
    const org = await orgWithHistory();
    for (const [person, assignmentId] of [
      [org.mentor, org.assignmentId],
      [org.hire, org.assignmentId],
      [org.otherHire, org.otherAssignmentId],
      [org.otherMentor, org.otherAssignmentId],
    ] as const) {
      const seen = (await allPages(org.slug, person.cookie, 2)).flat();
      // Their assignment's creation and its three or four inserted events, and nothing of the other assignment.
      expect(seen.length).toBe(assignmentId === org.assignmentId ? 5 : 4);
      expect(seen.every((entry) => entry.assignmentId === assignmentId)).toBe(true);
    }
    // A `before` from someone else's page reveals nothing more: it only bounds the same narrowed list.
    const below = await activity(org.slug, org.otherHire.cookie, `limit=100&before=${org.sequences.at(-1)}`);
    expect(below.json!.items.map((entry: Entry) => entry.assignmentId)).toEqual([org.otherAssignmentId, org.otherAssignmentId, org.otherAssignmentId]);
  });

  it("refuses a `before` or `limit` it cannot use, naming the field, and another organization's slug", async () => {
    const org = await assignedOrg();
    for (const [query, path] of [
      ["before=0", "query.before"],
      ["before=abc", "query.before"],
      ["before=1.5", "query.before"],
      ["limit=0", "query.limit"],
      ["limit=101", "query.limit"],
      ["after=3", "query.after"],
    ] as const) {
      const { status, json } = await activity(org.slug, org.admin.cookie, query);
      expect(status, query).toBe(422);
      expect(json!.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual([path]);
    }
    const outsider = await assignedOrg();
    expect((await activity(org.slug, outsider.admin.cookie)).status).toBe(404);
    expect((await activity(outsider.slug, org.hire.cookie, "before=5")).status).toBe(404);
  });

  it("merges a person's rapid changes in one section into one line, whatever the page size, and tells a review and a note save as one line each", async () => {
    const org = await assignedOrg();
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const hire = org.hire.userId;
    const change = (key: string, from: string, to: string, minutes: number, extra: Record<string, string> = {}) => ({
      type: "progress.updated",
      actorId: hire,
      subjectId: org.assignmentId,
      payload: { key: org.key(key), from, to, ...extra },
      at: minutesAgo(minutes),
    });
    const sequences = await insertEvents(org.organization.id, [
      change("Types", "NOT_STARTED", "DONE", 6),
      change("Scope", "NOT_STARTED", "DONE", 5),
      change("HTTP", "NOT_STARTED", "IN_PROGRESS", 4),
      change("Routing", "NOT_STARTED", "IN_PROGRESS", 4),
      change("HTTP", "IN_PROGRESS", "DONE", 3),
      // A note saved: the state stays.
      { ...change("Loops", "IN_PROGRESS", "IN_PROGRESS", 2), payload: { key: org.key("Loops"), from: "IN_PROGRESS", to: "IN_PROGRESS", noteChanged: "true" } },
      // A review and the progress change it made: one line.
      { type: "evidence.reviewed", actorId: org.mentor.userId, subjectId: org.assignmentId, payload: { key: org.key("Loops"), decision: "APPROVE" }, at: minutesAgo(1) },
      { ...change("Loops", "IN_PROGRESS", "DONE", 1, { via: "evidence" }), actorId: org.mentor.userId },
    ]);
    const whole = await activity(org.slug, org.mentor.cookie, "limit=100");
    const items = whole.json!.items as { sequence: number; lastSequence: number; events: number; itemKey: string | null; text: string }[];
    const hireName = (await getDb().user.findUniqueOrThrow({ where: { id: hire } })).name;
    const mentorName = (await getDb().user.findUniqueOrThrow({ where: { id: org.mentor.userId } })).name;
    expect(items.map((line) => line.text)).toEqual([
      `${mentorName} approved the evidence for “Loops”.`,
      `${hireName} saved a note on “Loops”.`,
      `${hireName} updated 2 items in “Web (optional)”: 1 done, 1 in progress.`,
      `${hireName} completed 2 items in “Variables”.`,
      expect.stringMatching(/ assigned the track\.$/),
    ]);
    expect(items.map((line) => line.events)).toEqual([1, 1, 3, 2, 1]);
    expect(items[2]).toMatchObject({ sequence: sequences[2], lastSequence: sequences[4], itemKey: org.key("HTTP") });
    expect(items[3]).toMatchObject({ sequence: sequences[0], lastSequence: sequences[1], itemKey: org.key("Scope") });
    // Page by page, a line is never split: each page ends on a whole line and the next starts below it.
    for (const limit of [1, 2, 3]) expect((await allPages(org.slug, org.mentor.cookie, limit)).flat()).toEqual(items);
  });
});
