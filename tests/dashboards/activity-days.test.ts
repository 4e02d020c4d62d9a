import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAssignments, updateItem } from "../assignments/assignments-fixture";
import { assignedOrg } from "../evidence/evidence-fixture";
import { countQueries } from "../support/count-queries";
import { addMember, createUser } from "../support/factories";
import { activityDays, insertEvents } from "./activity-events";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

const MARCH = "from=2026-03-01&to=2026-03-31";
const utcToday = () => new Date().toISOString().slice(0, 10);

describe("GET /people/{userId}/activity-days", () => {
  it("counts the person's own assignment changes per UTC day, from the first instant of `from` to the last of `to`", async () => {
    const org = await assignedOrg();
    const { hire, mentor, assignmentId } = org;
    const own = (type: string, at: string) => ({ type, actorId: hire.userId, subjectId: assignmentId, at });
    await insertEvents(org.organization.id, [
      own("progress.updated", "2026-02-28T23:59:59.999Z"), // the day before the range
      own("progress.updated", "2026-03-01T00:00:00.000Z"),
      own("evidence.submitted", "2026-03-01T23:59:59.999Z"),
      own("comment.created", "2026-03-02T00:00:00.000Z"),
      own("progress.updated", "2026-03-05T08:00:00.000Z"),
      own("progress.updated", "2026-03-05T12:00:00.000Z"),
      own("assignment.completed", "2026-03-05T20:30:00.000Z"),
      own("progress.updated", "2026-03-31T23:59:59.999Z"),
      own("progress.updated", "2026-04-01T00:00:00.000Z"), // the day after
      // Not the hire's own activity: another person's change, an edited comment, an event about no assignment.
      { type: "evidence.reviewed", actorId: mentor.userId, subjectId: assignmentId, at: "2026-03-03T10:00:00.000Z" },
      own("comment.edited", "2026-03-03T10:00:00.000Z"),
      { type: "member.joined", actorId: hire.userId, subjectId: hire.membershipId, subjectType: "membership", at: "2026-03-03T10:00:00.000Z" },
    ]);
    // The same person's changes in another organization stay there.
    const elsewhere = await assignedOrg();
    await addMember(elsewhere.organization.id, hire.userId, "MEMBER");
    await insertEvents(elsewhere.organization.id, [{ type: "progress.updated", actorId: hire.userId, subjectId: elsewhere.assignmentId, at: "2026-03-03T10:00:00.000Z" }]);

    const { status, json } = await activityDays(org.slug, hire.cookie, hire.userId, MARCH);
    expect(status).toBe(200);
    expect(json).toEqual({
      userId: hire.userId,
      from: "2026-03-01",
      to: "2026-03-31",
      days: [
        { day: "2026-03-01", count: 2 },
        { day: "2026-03-02", count: 1 },
        { day: "2026-03-05", count: 3 },
        { day: "2026-03-31", count: 1 },
      ],
    });
    // One day is a range too.
    expect((await activityDays(org.slug, hire.cookie, hire.userId, "from=2026-03-05&to=2026-03-05")).json!.days).toEqual([{ day: "2026-03-05", count: 3 }]);
  });

  it("defaults to the 365 days ending today (UTC), where a change made now is counted", async () => {
    const org = await assignedOrg();
    expect((await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" })).status).toBe(200);
    await insertEvents(org.organization.id, [{ type: "progress.updated", actorId: org.hire.userId, subjectId: org.assignmentId, at: new Date(Date.now() - 400 * 86_400_000).toISOString() }]);
    const before = utcToday();
    const { status, json } = await activityDays(org.slug, org.mentor.cookie, org.hire.userId);
    const after = utcToday();
    expect(status).toBe(200);
    // The call may straddle midnight UTC.
    expect([before, after]).toContain(json!.to);
    expect((Date.parse(json!.to) - Date.parse(json!.from)) / 86_400_000).toBe(364);
    // The write's event (its day) and nothing from 400 days ago.
    expect(json!.days).toEqual([{ day: expect.stringMatching(new RegExp(`^(${before}|${after})$`)), count: 1 }]);
  });

  it("refuses a backwards or too long range, or a date that does not exist, naming the field (422)", async () => {
    const org = await assignedOrg();
    const refusal = async (query: string) => {
      const { status, json } = await activityDays(org.slug, org.hire.cookie, org.hire.userId, query);
      expect(status, query).toBe(422);
      expect(json!.error.code).toBe("VALIDATION_FAILED");
      return json!.error.details.issues.map((issue: { path: string }) => issue.path);
    };
    expect(await refusal("from=2026-03-02&to=2026-03-01")).toEqual(["query.to"]);
    expect(await refusal(`from=2999-01-01`)).toEqual(["query.from"]); // after today, the default end
    expect(await refusal("from=2025-01-01&to=2026-01-02")).toEqual(["query.from"]); // 367 days
    expect(await refusal("from=2026-02-30")).toEqual(["query.from"]);
    expect(await refusal("to=26-03-01")).toEqual(["query.to"]);
    expect(await refusal("since=2026-01-01")).toEqual(["query.since"]);
    // Year 0000 passes the ISO date check, but PostgreSQL has no year 0: it was a 500 (the OpenAPI fuzz, decision 0021).
    expect(await refusal("from=0000-01-01&to=0000-03-01")).toEqual(["query.from", "query.to"]);
    // 366 days is the most: a leap year.
    expect((await activityDays(org.slug, org.hire.cookie, org.hire.userId, "from=2024-01-01&to=2024-12-31")).status).toBe(200);
  });

  it("is read by the person, the organization's owners and admins, and the person's mentors; anyone else gets 404", async () => {
    const org = await assignedOrg();
    await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherHire.userId], mentorIds: [org.otherMentor.userId] });
    const status = async (cookie: string, userId: string) => (await activityDays(org.slug, cookie, userId, MARCH)).status;

    for (const reader of [org.hire, org.owner, org.admin, org.mentor]) expect(await status(reader.cookie, org.hire.userId)).toBe(200);
    // A mentor of someone else, another hire, and a hire about their mentor.
    expect(await status(org.otherMentor.cookie, org.hire.userId)).toBe(404);
    expect(await status(org.otherHire.cookie, org.hire.userId)).toBe(404);
    expect(await status(org.hire.cookie, org.mentor.userId)).toBe(404);
    // The mentor reads their own, not their fellow mentor's.
    expect(await status(org.mentor.cookie, org.mentor.userId)).toBe(200);
    expect(await status(org.mentor.cookie, org.otherMentor.userId)).toBe(404);
    // Nobody, for a manager either: an unknown id, a user with no organization.
    const stranger = await createUser();
    expect(await status(org.admin.cookie, "no-such-user")).toBe(404);
    expect(await status(org.admin.cookie, stranger.id)).toBe(404);

    // A removed hire's assignment stays, and so does their calendar for those who follow it.
    await getDb().membership.delete({ where: { id: org.hire.membershipId } });
    expect(await status(org.admin.cookie, org.hire.userId)).toBe(200);
    expect(await status(org.mentor.cookie, org.hire.userId)).toBe(200);
    expect(await status(org.otherHire.cookie, org.hire.userId)).toBe(404);
  });

  it("does not exist across organizations: another organization's user, or its slug (404)", async () => {
    const org = await assignedOrg();
    const outsider = await assignedOrg();
    // The owner asks about another organization's hire (who has events there) through their own slug.
    await insertEvents(outsider.organization.id, [{ type: "progress.updated", actorId: outsider.hire.userId, subjectId: outsider.assignmentId, at: "2026-03-03T10:00:00.000Z" }]);
    const foreign = await activityDays(org.slug, org.owner.cookie, outsider.hire.userId, MARCH);
    expect(foreign.status).toBe(404);
    expect(foreign.json!.error.code).toBe("NOT_FOUND");
    // And through the other organization's slug, of which they are not a member.
    expect((await activityDays(outsider.slug, org.owner.cookie, outsider.hire.userId, MARCH)).status).toBe(404);
    expect((await activityDays(outsider.slug, org.hire.cookie, org.hire.userId, MARCH)).status).toBe(404);
  });

  it("answers in the same number of statements for 2 active days as for 300", async () => {
    const few = await assignedOrg();
    const many = await assignedOrg();
    const day = (index: number) => new Date(Date.parse("2025-06-01T12:00:00Z") + index * 86_400_000).toISOString();
    await insertEvents(few.organization.id, [0, 1].map((index) => ({ type: "progress.updated", actorId: few.hire.userId, subjectId: few.assignmentId, at: day(index) })));
    await insertEvents(
      many.organization.id,
      Array.from({ length: 600 }, (_, index) => ({ type: "progress.updated", actorId: many.hire.userId, subjectId: many.assignmentId, at: day(index % 300) })),
    );
    const range = "from=2025-06-01&to=2026-05-31";
    // Through the mentor, so the access check runs too.
    const small = await countQueries(() => activityDays(few.slug, few.mentor.cookie, few.hire.userId, range));
    const large = await countQueries(() => activityDays(many.slug, many.mentor.cookie, many.hire.userId, range));
    expect(small.result.json!.days).toHaveLength(2);
    expect(large.result.json!.days).toHaveLength(300);
    expect(large.result.json!.days[0]).toEqual({ day: "2025-06-01", count: 2 });
    expect(large.statements.length).toBe(small.statements.length);
  });
});
