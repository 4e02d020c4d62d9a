/**
 * The live stream: committed events reach the sockets that may hear them (rooms
 * by role), nothing uncommitted is sent, a reconnecting client replays what it
 * missed through GET /events, and two instances both deliver.
 */
import { describe, expect, it } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/o/[orgSlug]/events/route";
import { getDb } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import { REPLAY_MAX } from "@/lib/events/schema";
import type { WireEvent } from "@/lib/realtime/wire-event";
import { updateItem } from "../assignments/assignments-fixture";
import { assignedOrg } from "../evidence/evidence-fixture";
import { callRoute } from "../support/call-route";
import { until, useLiveInstances } from "../support/live-instances";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

const live = useLiveInstances(2);

/**
 * A socket following an organization, and what it hears from now on. The set-up's own
 * events (the assignment being created) may still be on their way through the relay
 * when the socket joins, so only events after the organization's sequence at this
 * moment count: what the test's own changes caused.
 */
async function follow(cookie: string, org: { slug: string; organization: { id: string } }, instance = live.instances[0]!) {
  const { eventSequence } = await getDb().organization.findUniqueOrThrow({ where: { id: org.organization.id }, select: { eventSequence: true } });
  const follower = await live.follow(cookie, instance, org.slug);
  return {
    socket: follower.socket,
    get heard(): WireEvent[] {
      return follower.heard.filter((event) => event.sequence > Number(eventSequence));
    },
  };
}

/** Long enough for a stray event to have arrived: the check that nothing more comes. */
const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

const replay = (slug: string, cookie: string, after?: number) =>
  callRoute(eventsRoute, { path: `/api/v1/o/${slug}/events${after === undefined ? "" : `?after=${after}`}`, params: { orgSlug: slug }, cookie });

describe("the live stream", () => {
  it("sends a committed change to the hire, their mentor and the managers, on either instance, and to nobody else", async () => {
    const org = await assignedOrg();
    const outsider = await assignedOrg();
    const admin = await follow(org.admin.cookie, org);
    const mentor = await follow(org.mentor.cookie, org, live.instances[1]);
    const hire = await follow(org.hire.cookie, org);
    const otherMentor = await follow(org.otherMentor.cookie, org, live.instances[1]);
    const otherHire = await follow(org.otherHire.cookie, org);
    const elsewhere = await follow(outsider.owner.cookie, outsider);
    // Asking for another organization's stream gets no socket at all.
    await expect(live.follow(outsider.owner.cookie, live.instances[0]!, org.slug)).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });

    expect((await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" })).status).toBe(200);
    await until(() => admin.heard.length === 1 && mentor.heard.length === 1 && hire.heard.length === 1, "the event on three sockets");
    expect(hire.heard[0]).toMatchObject({ type: "progress.updated", subjectType: "assignment", subjectId: org.assignmentId, payload: { key: org.key("Types"), from: "NOT_STARTED", to: "DONE" } });
    expect(admin.heard[0]).toEqual(mentor.heard[0]);
    await settle();
    // Exactly once each, and nothing for those outside.
    expect([admin.heard.length, mentor.heard.length, hire.heard.length]).toEqual([1, 1, 1]);
    expect([otherMentor.heard, otherHire.heard, elsewhere.heard]).toEqual([[], [], []]);
  });

  it("sends nothing for a change that did not commit, and keeps commit order", async () => {
    const org = await assignedOrg();
    const admin = await follow(org.admin.cookie, org);
    // A refused write (evidence-required item marked done): rolled back, nothing sent.
    expect((await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { state: "DONE" })).status).toBe(422);
    // An event written in a transaction that then fails.
    await expect(
      getDb().$transaction(async (tx) => {
        await recordEvents(prismaRunner(tx), org.organization.id, [{ type: "test.rolled_back", actorId: null, subjectType: "organization", subjectId: org.organization.id }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    for (const title of ["Types", "Scope", "HTTP"]) await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key(title), { state: "IN_PROGRESS" });
    await until(() => admin.heard.length === 3, "three events");
    await settle();
    expect(admin.heard.map((event) => event.type)).toEqual(["progress.updated", "progress.updated", "progress.updated"]);
    const sequences = admin.heard.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it("replays what a client missed, filtered like the rooms, and asks for a resync after too many", async () => {
    const org = await assignedOrg();
    const start = await replay(org.slug, org.hire.cookie);
    expect(start.json).toMatchObject({ items: [], resync: false });
    const from = start.json!.latestSequence as number;

    await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" });
    await recordEvents(prismaRunner(getDb()), org.organization.id, [{ type: "track.updated", actorId: org.owner.userId, subjectType: "track", subjectId: org.trackId }]);

    const hire = await replay(org.slug, org.hire.cookie, from);
    expect(hire.json!.items.map((event: WireEvent) => event.type)).toEqual(["progress.updated"]);
    const admin = await replay(org.slug, org.admin.cookie, from);
    expect(admin.json!.items.map((event: WireEvent) => event.type)).toEqual(["progress.updated", "track.updated"]);
    expect(admin.json!.latestSequence).toBe(from + 2);
    expect((await replay(org.slug, org.otherHire.cookie, from)).json!.items).toEqual([]);
    // Up to date: nothing to replay.
    expect((await replay(org.slug, org.admin.cookie, from + 2)).json!.items).toEqual([]);
    expect((await replay(org.slug, org.admin.cookie, -1)).status).toBe(422);

    const many = Array.from({ length: REPLAY_MAX + 1 }, () => ({ type: "test.filler", actorId: null, subjectType: "organization", subjectId: org.organization.id }));
    await recordEvents(prismaRunner(getDb()), org.organization.id, many);
    expect((await replay(org.slug, org.admin.cookie, from)).json).toMatchObject({ items: [], resync: true, latestSequence: from + 2 + REPLAY_MAX + 1 });
    // Another organization's stream is a 404.
    const outsider = await assignedOrg();
    expect((await replay(org.slug, outsider.owner.cookie, 0)).status).toBe(404);
  });

  it("closes the sockets of mentors added or removed, so they follow the assignment from now on, within 5 s", async () => {
    const org = await assignedOrg();
    const otherMentor = await follow(org.otherMentor.cookie, org, live.instances[1]);
    const closed = new Promise<string>((resolve) => otherMentor.socket.once("disconnect", resolve));
    const { updateAssignment } = await import("../assignments/assignments-fixture");
    const started = Date.now();
    expect((await updateAssignment(org.slug, org.admin.cookie, org.assignmentId, { mentorIds: [org.mentor.userId, org.otherMentor.userId] })).status).toBe(200);
    expect(await closed).toBe("io server disconnect");
    expect(Date.now() - started).toBeLessThan(5_000);
    // Back, it now hears the assignment.
    const again = await follow(org.otherMentor.cookie, org, live.instances[1]);
    await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Types"), { state: "DONE" });
    await until(() => again.heard.length === 1, "the event for the new mentor");
  });
});
