/**
 * The Event log (lib/db/events.ts): per-organization sequences handed out in
 * commit order, gap-free under concurrent writers and rollbacks, and rows that
 * cannot be rewritten once recorded.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { eventsAfter, recordEvent } from "@/lib/db/events";
import type { NewEvent } from "@/lib/db/events";
import { createOrganization, createUser } from "../support/factories";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function event(organizationId: string, overrides: Partial<NewEvent> = {}): NewEvent {
  return { organizationId, type: "test.happened", actorId: null, subjectType: "Test", subjectId: "subject-1", ...overrides };
}

/** Records one event in its own transaction, as a service would. */
function record(organizationId: string, overrides: Partial<NewEvent> = {}) {
  return getDb().$transaction((tx) => recordEvent(tx, event(organizationId, overrides)));
}

async function sequencesOf(organizationId: string): Promise<bigint[]> {
  const rows = await getDb().event.findMany({ where: { organizationId }, orderBy: { sequence: "asc" }, select: { sequence: true } });
  return rows.map((row) => row.sequence);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => BigInt(from + index));

describe("recordEvent and eventsAfter", () => {
  it("gives concurrent writers gap-free sequences, and a polling reader sees every event exactly once", async () => {
    const db = getDb();
    const organization = await createOrganization();
    const writers = 8;
    const perWriter = 10;
    const total = writers * perWriter;

    let writing = true;
    const seen: { id: string; sequence: bigint; subjectId: string }[] = [];
    const reader = (async () => {
      let lastSeen = 0n;
      let polls = 0;
      // Keep polling until the writers are done, then once more to catch the last commits.
      for (let finalPass = false; ; ) {
        finalPass = !writing;
        const batch = await eventsAfter(db, organization.id, lastSeen, 1000);
        polls += 1;
        for (const row of batch) {
          seen.push({ id: row.id, sequence: row.sequence, subjectId: row.subjectId });
          if (row.sequence > lastSeen) lastSeen = row.sequence;
        }
        if (finalPass) return polls;
        await sleep(2);
      }
    })();

    const writerLoops = Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; index < perWriter; index += 1) {
        await db.$transaction(async (tx) => {
          const recorded = await recordEvent(tx, event(organization.id, { subjectId: `writer-${writer}-${index}`, payload: { writer, index } }));
          // Hold the transaction open for a moment now and then, so writers overlap and queue.
          if (Math.random() < 0.5) await sleep(Math.random() * 4);
          return recorded;
        });
      }
    });
    try {
      await Promise.all(writerLoops);
    } finally {
      writing = false;
    }
    const polls = await reader;

    expect(polls).toBeGreaterThan(1); // the reader really ran alongside the writers
    // Every event exactly once, in sequence order, numbered 1..80.
    expect(seen.map((row) => row.sequence)).toEqual(range(1, total));
    expect(new Set(seen.map((row) => row.id)).size).toBe(total);
    expect(new Set(seen.map((row) => row.subjectId)).size).toBe(total);
    expect(await sequencesOf(organization.id)).toEqual(range(1, total));
    const counter = await db.organization.findUniqueOrThrow({ where: { id: organization.id }, select: { eventSequence: true } });
    expect(counter.eventSequence).toBe(BigInt(total));
  });

  it("numbers each organization's events separately, each starting at 1", async () => {
    const first = await createOrganization();
    const second = await createOrganization();
    for (let round = 0; round < 3; round += 1) {
      await record(first.id);
      await record(second.id);
    }
    await record(first.id);

    expect(await sequencesOf(first.id)).toEqual(range(1, 4));
    expect(await sequencesOf(second.id)).toEqual(range(1, 3));
    expect((await eventsAfter(getDb(), second.id, 1n, 1000)).map((row) => row.sequence)).toEqual([2n, 3n]);
    expect((await eventsAfter(getDb(), first.id, 0n, 2)).map((row) => row.sequence)).toEqual([1n, 2n]);
  });

  it("does not use up a sequence number in a transaction that rolls back", async () => {
    const organization = await createOrganization();
    await record(organization.id, { subjectId: "kept-1" });

    const failure = new Error("the change failed after its event was recorded");
    await expect(
      getDb().$transaction(async (tx) => {
        const recorded = await recordEvent(tx, event(organization.id, { subjectId: "rolled-back" }));
        expect(recorded.sequence).toBe(2n); // it was handed a number inside the transaction…
        throw failure;
      }),
    ).rejects.toBe(failure);

    const next = await record(organization.id, { subjectId: "kept-2" });
    expect(next.sequence).toBe(2n); // …which the next committed event gets instead
    const rows = await getDb().event.findMany({ where: { organizationId: organization.id }, orderBy: { sequence: "asc" } });
    expect(rows.map((row) => [row.sequence, row.subjectId])).toEqual([
      [1n, "kept-1"],
      [2n, "kept-2"],
    ]);
  });
});

describe("the Event table is append-only", () => {
  it("refuses to change an event's type or payload", async () => {
    const organization = await createOrganization();
    const recorded = await record(organization.id, { type: "original.type", payload: { value: 1 } });

    await expect(getDb().event.update({ where: { id: recorded.id }, data: { type: "rewritten.type" } })).rejects.toThrow(/append-only/);
    await expect(getDb().event.update({ where: { id: recorded.id }, data: { payload: { value: 2 } } })).rejects.toThrow(/append-only/);
    await expect(getDb().event.updateMany({ where: { organizationId: organization.id }, data: { subjectId: "other" } })).rejects.toThrow(/append-only/);

    const stored = await getDb().event.findUniqueOrThrow({ where: { id: recorded.id } });
    expect(stored).toMatchObject({ type: "original.type", payload: { value: 1 }, subjectId: "subject-1", sequence: 1n });
  });

  it("still lets deleting the organization remove its events", async () => {
    const organization = await createOrganization();
    const other = await createOrganization();
    await record(organization.id);
    await record(organization.id);
    await record(other.id);

    await getDb().organization.delete({ where: { id: organization.id } });

    expect(await getDb().event.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await getDb().event.count({ where: { organizationId: other.id } })).toBe(1);
  });

  it("sets actorId to null when the actor is deleted, keeping the event", async () => {
    const organization = await createOrganization();
    const actor = await createUser();
    const recorded = await record(organization.id, { actorId: actor.id, type: "member.acted" });
    expect(recorded.actorId).toBe(actor.id);

    await getDb().user.delete({ where: { id: actor.id } });

    const stored = await getDb().event.findUniqueOrThrow({ where: { id: recorded.id } });
    expect(stored).toMatchObject({ actorId: null, type: "member.acted", sequence: recorded.sequence, payload: {} });
  });
});
