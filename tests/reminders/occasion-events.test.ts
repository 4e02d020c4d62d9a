/**
 * The hourly scan's stuck and overdue events (decision 0035): one Event per
 * occasion however often or concurrently the scan runs, only for active
 * assignments of active hires, and each organization's sequence kept gap-free
 * while its members write progress at the same time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { recordOccasionEvents } from "@/lib/reminders/occasion-events";
import { createAssignments, updateItem } from "../assignments/assignments-fixture";
import { activity } from "../dashboards/activity-events";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { remindedOrg } from "./reminders-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const at = (iso: string) => new Date(iso);
const scan = (iso: string) => recordOccasionEvents(at(iso));

const occasionEvents = (assignmentId: string) =>
  getDb().event.findMany({ where: { subjectType: "assignment", subjectId: assignmentId, type: { in: ["assignment.overdue", "assignment.stuck"] } }, orderBy: { sequence: "asc" } });

/** Every event of the organization is numbered 1..counter, once each. */
async function expectGapFree(organizationId: string) {
  const rows = await getDb().event.findMany({ where: { organizationId }, orderBy: { sequence: "asc" }, select: { sequence: true } });
  const { eventSequence } = await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { eventSequence: true } });
  expect(rows.map((row) => Number(row.sequence))).toEqual(Array.from({ length: Number(eventSequence) }, (_, index) => index + 1));
}

describe("stuck and overdue events", () => {
  it("records overdue the day after the due day, then weekly, once each however often the scan runs", async () => {
    // Active the day before the due day, so not stuck (7 days) when it becomes overdue.
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-09", lastActivityAt: at("2030-01-08T09:00:00Z") });
    await scan("2030-01-09T23:00:00Z");
    expect(await occasionEvents(org.assignmentId)).toEqual([]);

    const first = await scan("2030-01-10T00:30:00Z");
    expect(first.recorded["assignment.overdue"]).toBeGreaterThanOrEqual(1);
    await scan("2030-01-10T01:30:00Z");
    await scan("2030-01-16T08:00:00Z");
    const events = await occasionEvents(org.assignmentId);
    expect(events.map((event) => [event.type, event.actorId, event.payload])).toEqual([
      ["assignment.overdue", null, { assignmentId: org.assignmentId, assigneeId: org.hire.userId, dueDate: "2030-01-09", daysLate: 1, week: 0 }],
    ]);
    // A week after the first: told again; the stuck rule (8 days without activity) now applies too.
    await scan("2030-01-17T12:00:00Z");
    await scan("2030-01-17T13:00:00Z");
    const later = await occasionEvents(org.assignmentId);
    expect(later.map((event) => [event.type, (event.payload as { week?: number }).week ?? null])).toEqual([
      ["assignment.overdue", 0],
      ["assignment.overdue", 1],
      ["assignment.stuck", null],
    ]);
    await expectGapFree(org.organization.id);

    // The mentor's activity feed says so, without an actor (the hire is named beside it).
    const feed = await activity(org.slug, org.mentor.cookie, "limit=3");
    expect(feed.status).toBe(200);
    expect(feed.json!.items.map((entry: { type: string; actor: unknown; text: string }) => [entry.type, entry.actor, entry.text])).toEqual([
      ["assignment.stuck", null, "Stuck: no progress for 9 days."],
      ["assignment.overdue", null, "The track is overdue: 8 days past its due day."],
      ["assignment.overdue", null, "The track is overdue: 1 day past its due day."],
    ]);
  });

  it("records stuck once per stretch of being stuck: activity ends one, the next is a new occasion", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", lastActivityAt: at("2030-01-01T10:00:00Z") });
    await scan("2030-01-08T12:00:00Z");
    expect(await occasionEvents(org.assignmentId)).toEqual([]);
    await scan("2030-01-09T12:00:00Z");
    await scan("2030-01-10T12:00:00Z");
    const [stuck, ...none] = await occasionEvents(org.assignmentId);
    expect(none).toEqual([]);
    expect(stuck).toMatchObject({ type: "assignment.stuck", actorId: null, subjectType: "assignment" });
    expect(stuck!.payload).toEqual({ assignmentId: org.assignmentId, assigneeId: org.hire.userId, stuckSince: "2030-01-01T10:00:00.000Z", stuckDays: 8, stuckAfterDays: 7, inProgress: false });

    // The hire moves again, then stalls: a new stretch, told once more.
    await getDb().assignment.update({ where: { id: org.assignmentId }, data: { lastActivityAt: at("2030-01-11T09:00:00Z") } });
    await scan("2030-01-12T12:00:00Z");
    expect(await occasionEvents(org.assignmentId)).toHaveLength(1);
    await scan("2030-01-19T12:00:00Z");
    await scan("2030-01-20T12:00:00Z");
    const events = await occasionEvents(org.assignmentId);
    expect(events.map((event) => (event.payload as { stuckSince: string }).stuckSince)).toEqual(["2030-01-01T10:00:00.000Z", "2030-01-11T09:00:00.000Z"]);
    await expectGapFree(org.organization.id);
  });

  it("records nothing for a suspended or removed hire, nor for an archived or completed assignment", async () => {
    const dates = { startDate: "2030-01-01", dueDate: "2030-01-05", lastActivityAt: null };
    const suspended = await remindedOrg(dates);
    const removed = await remindedOrg(dates);
    const archived = await remindedOrg(dates);
    const completed = await remindedOrg(dates);
    const active = await remindedOrg(dates);
    await getDb().membership.update({ where: { organizationId_userId: { organizationId: suspended.organization.id, userId: suspended.hire.userId } }, data: { status: "SUSPENDED" } });
    await getDb().membership.delete({ where: { organizationId_userId: { organizationId: removed.organization.id, userId: removed.hire.userId } } });
    await getDb().assignment.update({ where: { id: archived.assignmentId }, data: { status: "ARCHIVED", archivedAt: at("2030-01-02T00:00:00Z") } });
    await getDb().assignment.update({ where: { id: completed.assignmentId }, data: { status: "COMPLETED", completedAt: at("2030-01-02T00:00:00Z") } });
    await scan("2030-01-12T12:00:00Z");
    for (const org of [suspended, removed, archived, completed]) expect(await occasionEvents(org.assignmentId), org.organization.slug).toEqual([]);
    expect((await occasionEvents(active.assignmentId)).map((event) => event.type)).toEqual(["assignment.overdue", "assignment.stuck"]);
  });

  it("numbers each organization's events in one run, and keeps the sequence gap-free under concurrent writers and scans", async () => {
    const org = await remindedOrg({ startDate: "2030-01-01", lastActivityAt: null });
    const other = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-03", lastActivityAt: null });
    // A second hire in the first organization writes progress while the scans run.
    const writer = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.otherHire.userId], mentorIds: [org.mentor.userId] });
    expect(writer.status).toBe(201);
    const writerAssignment = writer.json!.items[0].id as string;
    const keys = [org.key("Types"), org.key("Scope"), org.key("HTTP")];

    const writes = (async () => {
      const statuses: number[] = [];
      for (let round = 0; round < 6; round += 1) {
        const answers = await Promise.all(keys.map((key) => updateItem(org.slug, org.otherHire.cookie, writerAssignment, key, { state: round % 2 === 0 ? "IN_PROGRESS" : "NOT_STARTED" })));
        statuses.push(...answers.map((answer) => answer.status));
      }
      return statuses;
    })();
    const scans = (async () => {
      const results = [];
      for (let round = 0; round < 4; round += 1) results.push(...(await Promise.all([scan("2030-01-12T12:00:00Z"), scan("2030-01-12T12:00:00Z")])));
      return results;
    })();
    const [statuses] = await Promise.all([writes, scans]);
    expect(statuses.every((status) => status === 200)).toBe(true);

    // One stuck event for the first hire (one stretch), one stuck and one overdue for the other organization's.
    expect((await occasionEvents(org.assignmentId)).map((event) => event.type)).toEqual(["assignment.stuck"]);
    expect((await occasionEvents(other.assignmentId)).map((event) => event.type)).toEqual(["assignment.overdue", "assignment.stuck"]);
    // The writer's assignment may be stuck too (the clock is fixed years ahead), once per stretch: no two events share one.
    const writerStretches = (await occasionEvents(writerAssignment)).map((event) => (event.payload as { stuckSince: string }).stuckSince);
    expect(new Set(writerStretches).size).toBe(writerStretches.length);
    await expectGapFree(org.organization.id);
    await expectGapFree(other.organization.id);
    const progress = await getDb().event.count({ where: { organizationId: org.organization.id, type: "progress.updated" } });
    expect(progress).toBe(keys.length * 6);
  });
});
