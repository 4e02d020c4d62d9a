import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as extendRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/due-date-extensions/route";
import { getDb } from "@/lib/db/client";
import { callRoute } from "../support/call-route";
import { createAssignments, getAssignment, orgWithPublishedTrack, updateAssignment } from "./assignments-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues the "assigned" emails (lib/reminders).
useJobQueue();

type Org = Awaited<ReturnType<typeof orgWithPublishedTrack>>;

const extend = (slug: string, cookie: string, assignmentId: string, body: unknown) =>
  callRoute(extendRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/due-date-extensions`, params: { orgSlug: slug, assignmentId }, cookie, body });
const history = (slug: string, cookie: string, assignmentId: string) =>
  callRoute(listRoute, { path: `/api/v1/o/${slug}/assignments/${assignmentId}/due-date-extensions`, params: { orgSlug: slug, assignmentId }, cookie });

async function assigned(org: Org, dueDate: string | null = "2027-01-15") {
  const created = await createAssignments(org.slug, org.admin.cookie, {
    trackId: org.trackId,
    assigneeIds: [org.hire.userId],
    mentorIds: [org.mentor.userId],
    startDate: "2027-01-01",
    ...(dueDate && { dueDate }),
  });
  expect(created.status).toBe(201);
  return created.json!.items[0].id as string;
}

const stored = async (assignmentId: string) => {
  const db = getDb();
  const [assignment, extensions, events] = await Promise.all([
    db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { dueDate: true, updatedAt: true } }),
    db.dueDateExtension.count({ where: { assignmentId } }),
    db.event.count({ where: { subjectId: assignmentId, type: "assignment.due_date_extended" } }),
  ]);
  return { assignment, extensions, events };
};

describe("due-date extensions", () => {
  it("move the due date later with a reason, kept as history and an event, shown to the hire and the mentor", async () => {
    const org = await orgWithPublishedTrack();
    const id = await assigned(org);

    const first = await extend(org.slug, org.admin.cookie, id, { dueDate: "2027-01-22", reason: "  Parental leave for a week " });
    expect(first.status).toBe(201);
    expect(first.json!.extension).toMatchObject({ previousDueDate: "2027-01-15", newDueDate: "2027-01-22", reason: "Parental leave for a week", createdBy: { id: org.admin.userId } });
    expect(first.json!.assignment).toMatchObject({ id, dueDate: "2027-01-22" });
    const second = await extend(org.slug, org.owner.cookie, id, { dueDate: "2027-02-05", reason: "Team offsite" });
    expect(second.status).toBe(201);

    expect((await getAssignment(org.slug, org.hire.cookie, id)).json!.assignment.dueDate).toBe("2027-02-05");
    for (const cookie of [org.hire.cookie, org.mentor.cookie, org.admin.cookie]) {
      const list = await history(org.slug, cookie, id);
      expect(list.status).toBe(200);
      expect(list.json!.items.map((item: { previousDueDate: string; newDueDate: string; reason: string }) => [item.previousDueDate, item.newDueDate, item.reason])).toEqual([
        ["2027-01-22", "2027-02-05", "Team offsite"],
        ["2027-01-15", "2027-01-22", "Parental leave for a week"],
      ]);
    }
    const events = await getDb().event.findMany({ where: { subjectId: id, type: "assignment.due_date_extended" }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => event.payload)).toMatchObject([
      { assignmentId: id, previousDueDate: "2027-01-15", dueDate: "2027-01-22", reason: "Parental leave for a week" },
      { assignmentId: id, previousDueDate: "2027-01-22", dueDate: "2027-02-05", reason: "Team offsite" },
    ]);
  });

  it("refuses an earlier or equal date, a missing or overlong reason, and malformed input, changing nothing", async () => {
    const org = await orgWithPublishedTrack();
    const id = await assigned(org);
    const before = await stored(id);
    const cases: Array<[unknown, string]> = [
      [{ dueDate: "2027-01-15", reason: "Same day" }, "body.dueDate"],
      [{ dueDate: "2027-01-10", reason: "Earlier" }, "body.dueDate"],
      [{ dueDate: "2027-01-20", reason: "" }, "body.reason"],
      [{ dueDate: "2027-01-20", reason: "   " }, "body.reason"],
      [{ dueDate: "2027-01-20", reason: "x".repeat(501) }, "body.reason"],
      [{ dueDate: "2027-01-20" }, "body.reason"],
      [{ dueDate: "2027-02-30", reason: "No such day" }, "body.dueDate"],
      [{ dueDate: "0000-01-01", reason: "Year zero" }, "body.dueDate"],
      [{ dueDate: "tomorrow", reason: "Words" }, "body.dueDate"],
      [{ dueDate: "2027-01-20", reason: "Fine", extra: 1 }, "body"],
    ];
    for (const [body, path] of cases) {
      const answer = await extend(org.slug, org.admin.cookie, id, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(answer.json!.error.details.issues.map((issue: { path: string }) => issue.path).join(" "), JSON.stringify(body).slice(0, 80)).toContain(path);
    }
    expect((await extend(org.slug, org.admin.cookie, id, { dueDate: "2027-01-20", reason: "x".repeat(500) })).status).toBe(201);
    const after = await stored(id);
    expect(after.extensions - before.extensions).toBe(1);
    expect(after.events - before.events).toBe(1);
  });

  it("needs a current due date and an assignment that is not archived", async () => {
    const org = await orgWithPublishedTrack();
    const undated = await assigned(org, null);
    const refused = await extend(org.slug, org.admin.cookie, undated, { dueDate: "2027-03-01", reason: "Later" });
    expect(refused.status).toBe(422);
    expect(refused.json!.error.message).toMatch(/no due date/);

    expect((await updateAssignment(org.slug, org.admin.cookie, undated, { dueDate: "2027-02-01", archived: true })).status).toBe(200);
    const archived = await extend(org.slug, org.admin.cookie, undated, { dueDate: "2027-03-01", reason: "Later" });
    expect(archived.status).toBe(409);
    expect(await getDb().dueDateExtension.count({ where: { assignmentId: undated } })).toBe(0);
  });

  it("lets only managers extend, and answers 404 for another organization's assignment or slug", async () => {
    const org = await orgWithPublishedTrack();
    const outsider = await orgWithPublishedTrack();
    const id = await assigned(org);
    const before = await stored(id);
    for (const cookie of [org.mentor.cookie, org.hire.cookie]) expect((await extend(org.slug, cookie, id, { dueDate: "2027-02-01", reason: "Mine" })).status).toBe(403);
    expect((await history(org.slug, org.otherHire.cookie, id)).status).toBe(404);
    expect((await history(org.slug, org.otherMentor.cookie, id)).status).toBe(404);
    for (const slug of [outsider.slug, org.slug]) {
      expect((await extend(slug, outsider.owner.cookie, id, { dueDate: "2027-02-01", reason: "Theirs" })).status).toBe(404);
      expect((await history(slug, outsider.owner.cookie, id)).status).toBe(404);
    }
    expect(await stored(id)).toEqual(before);
  });
});
