/**
 * The authorization matrix for live events (issue 13, decision 0021): for every kind
 * of caller, whether the socket handshake lets them follow organization A and which
 * rooms the server puts them in, what the replay (GET /api/v1/o/{slug}/events?after=)
 * gives them, and what they hear when the hire's assignment changes. A demoted mentor
 * keeps a socket (they are still a member) but not the assignment's room or events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventLogRoute } from "@/app/api/v1/o/[orgSlug]/events/log/route";
import { GET as eventsRoute } from "@/app/api/v1/o/[orgSlug]/events/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { assignmentRoom, managersRoom, memberRoom } from "@/lib/realtime/rooms";
import { sessionRoom, userRoom } from "@/lib/realtime/socket-server";
import type { SocketData } from "@/lib/realtime/socket-server";
import type { WireEvent } from "@/lib/realtime/wire-event";
import { updateItem } from "../assignments/assignments-fixture";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import type { Follower } from "../support/live-instances";
import { until, useLiveInstances } from "../support/live-instances";
import { ACTORS, callerFor } from "./matrix/actors";
import type { Actor } from "./matrix/actors";
import { buildWorld } from "./matrix/world";
import type { World } from "./matrix/world";

/** What a caller may hear of organization A: everything (managers), the hire's assignment (its assignee and mentor), or nothing. */
type Hearing = "every event" | "the assignment's events" | "nothing of A";

interface LiveRow {
  /** The handshake following the caller's organization in the path (A; B for crossOrg): refused with this code, or connects. */
  handshake: "UNAUTHENTICATED" | "NOT_FOUND" | "connects";
  /** GET …/events?after=0. */
  replay: number;
  hears?: Hearing;
}

// prettier-ignore
const LIVE_MATRIX: Record<Actor, LiveRow> = {
  anonymous:   { handshake: "UNAUTHENTICATED", replay: 401 },
  outsider:    { handshake: "NOT_FOUND",       replay: 404 },
  owner:       { handshake: "connects",        replay: 200, hears: "every event" },
  admin:       { handshake: "connects",        replay: 200, hears: "every event" },
  mentor:      { handshake: "connects",        replay: 200, hears: "the assignment's events" },
  otherMentor: { handshake: "connects",        replay: 200, hears: "nothing of A" },
  hire:        { handshake: "connects",        replay: 200, hears: "the assignment's events" },
  member:      { handshake: "connects",        replay: 200, hears: "nothing of A" },
  suspended:   { handshake: "NOT_FOUND",       replay: 403 },
  demoted:     { handshake: "connects",        replay: 200, hears: "nothing of A" },
  removed:     { handshake: "NOT_FOUND",       replay: 404 },
  // Following their own organization B: B's rooms only, nothing of A's.
  crossOrg:    { handshake: "connects",        replay: 200, hears: "nothing of A" },
};

let queue: JobQueue | undefined;
let world: World;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
  world = await buildWorld();
});
afterAll(() => stopTestJobQueue(queue));

const live = useLiveInstances(1);

function replay(actor: Actor, after: number) {
  const caller = callerFor(world, actor);
  return callRoute(eventsRoute, { path: `/api/v1/o/${caller.slug}/events?after=${after}`, params: { orgSlug: caller.slug }, cookie: caller.cookie });
}

/** The rooms a hearing puts a socket in (besides its user's and its session's). */
function roomsFor(actor: Actor): string[] {
  const caller = callerFor(world, actor);
  const person = world.people[caller.person!];
  if (actor === "crossOrg") return [memberRoom(world.other.organization.id, person.userId), managersRoom(world.other.organization.id)];
  const own = memberRoom(world.organization.id, person.userId);
  const hears = LIVE_MATRIX[actor].hears;
  if (hears === "every event") return [own, managersRoom(world.organization.id)];
  if (hears === "the assignment's events") return [own, assignmentRoom(world.assignmentId)];
  return [own];
}

async function eventsOfA(where: { subjectId?: string; after?: number } = {}) {
  const rows = await getDb().event.findMany({
    where: { organizationId: world.organization.id, ...(where.subjectId ? { subjectType: "assignment", subjectId: where.subjectId } : {}), sequence: { gt: BigInt(where.after ?? 0) } },
    orderBy: { sequence: "asc" },
    select: { sequence: true },
  });
  return rows.map((row) => Number(row.sequence));
}

async function expectedReplay(actor: Actor, after: number): Promise<number[]> {
  const hears = LIVE_MATRIX[actor].hears;
  if (hears === "every event") return eventsOfA({ after });
  if (hears === "the assignment's events") return eventsOfA({ subjectId: world.assignmentId, after });
  return [];
}

describe("authorization matrix: live events", () => {
  const followers = new Map<Actor, Follower>();

  it("lets each caller's socket in or refuses it, and puts it in exactly the rooms their access gives", async () => {
    const outcome = {} as Record<Actor, string>;
    const rooms = {} as Record<Actor, string[]>;
    const expectedRooms = {} as Record<Actor, string[]>;
    for (const actor of ACTORS) {
      const caller = callerFor(world, actor);
      try {
        const follower = await live.follow(caller.cookie ?? "", live.instances[0]!, caller.slug);
        followers.set(actor, follower);
        outcome[actor] = "connects";
        const [socket] = await live.instances[0]!.io.in(follower.socket.id!).fetchSockets();
        const data = socket!.data as SocketData;
        const own = [follower.socket.id!, userRoom(data.user.id), sessionRoom(data.session.id)];
        rooms[actor] = [...socket!.rooms].filter((room) => !own.includes(room)).sort();
        expectedRooms[actor] = roomsFor(actor).sort();
      } catch (error) {
        outcome[actor] = String((error as { data?: { code?: string } }).data?.code ?? error);
      }
    }
    expect(outcome).toEqual(Object.fromEntries(ACTORS.map((actor) => [actor, LIVE_MATRIX[actor].handshake])));
    expect(rooms).toEqual(expectedRooms);
    // The point of it: neither a demoted mentor nor another organization's owner is in any of A's assignment rooms.
    expect(rooms.demoted).not.toContain(assignmentRoom(world.assignmentId));
    expect(rooms.crossOrg.some((room) => room.includes(world.organization.id))).toBe(false);
  });

  it("replays to each caller exactly what their socket would have heard", async () => {
    const statuses = {} as Record<Actor, number>;
    const replayed = {} as Record<Actor, number[]>;
    const expected = {} as Record<Actor, number[]>;
    for (const actor of ACTORS) {
      const answer = await replay(actor, 0);
      statuses[actor] = answer.status;
      if (answer.status !== 200) {
        expect(answer.json!.error, actor).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
        continue;
      }
      expect(answer.json!.resync, actor).toBe(false);
      replayed[actor] = (answer.json!.items as WireEvent[]).map((event) => event.sequence);
      expected[actor] = actor === "crossOrg" ? [] : await expectedReplay(actor, 0);
    }
    expect(statuses).toEqual(Object.fromEntries(ACTORS.map((actor) => [actor, LIVE_MATRIX[actor].replay])));
    expect(replayed).toEqual(expected);
    // Not vacuous: the assignment's history (its mentors' links ending among it) is there for those who may see it.
    expect(replayed.mentor!.length).toBeGreaterThan(3);
    expect(replayed.owner!.length).toBeGreaterThan(replayed.mentor!.length);
  });

  it("pages the event log to each caller with exactly what the replay gives them (decision 0025)", async () => {
    const statuses = {} as Record<Actor, number>;
    const paged = {} as Record<Actor, number[]>;
    const expected = {} as Record<Actor, number[]>;
    for (const actor of ACTORS) {
      const caller = callerFor(world, actor);
      const sequences: number[] = [];
      let query = "limit=2";
      for (;;) {
        const page = await callRoute(eventLogRoute, { path: `/api/v1/o/${caller.slug}/events/log?${query}`, params: { orgSlug: caller.slug }, cookie: caller.cookie });
        statuses[actor] = page.status;
        if (page.status !== 200) break;
        sequences.push(...(page.json!.items as WireEvent[]).map((event) => event.sequence));
        if (page.json!.nextCursor === null) break;
        query = `limit=2&cursor=${page.json!.nextCursor as string}`;
      }
      if (statuses[actor] !== 200) continue;
      paged[actor] = sequences;
      expected[actor] = actor === "crossOrg" ? [] : await expectedReplay(actor, 0);
    }
    expect(statuses).toEqual(Object.fromEntries(ACTORS.map((actor) => [actor, LIVE_MATRIX[actor].replay])));
    expect(paged).toEqual(expected);
    expect(paged.mentor!.length).toBeGreaterThan(3);
  });

  it("delivers a change to the hire's assignment live to those who may hear it, and replays it to them alone", async () => {
    const before = Number((await getDb().organization.findUniqueOrThrow({ where: { id: world.organization.id } })).eventSequence);
    expect((await updateItem(world.slug, world.people.hire.cookie, world.assignmentId, world.key("Scope"), { state: "IN_PROGRESS" })).status).toBe(200);
    const [change] = await eventsOfA({ subjectId: world.assignmentId, after: before });
    expect(change).toBeDefined();

    const hearers = ACTORS.filter((actor) => LIVE_MATRIX[actor].hears === "every event" || LIVE_MATRIX[actor].hears === "the assignment's events");
    for (const actor of hearers) await until(() => followers.get(actor)!.heard.some((event) => event.sequence === change), `${actor} to hear the change`);
    // The relay emitted to the rooms at once; the others, whose rooms (above) do not include the assignment's, got nothing of A's.
    for (const actor of ACTORS.filter((candidate) => followers.has(candidate) && !hearers.includes(candidate))) {
      expect(followers.get(actor)!.heard.filter((event) => event.subjectId === world.assignmentId), actor).toEqual([]);
    }

    const replayed = {} as Record<string, number[]>;
    for (const actor of ACTORS.filter((candidate) => LIVE_MATRIX[candidate].replay === 200)) {
      replayed[actor] = ((await replay(actor, before)).json!.items as WireEvent[]).map((event) => event.sequence);
    }
    expect(replayed).toEqual(Object.fromEntries(Object.keys(replayed).map((actor) => [actor, hearers.includes(actor as Actor) ? [change] : []])));
  });
});
