import { describe, expect, it } from "vitest";
import { LiveStream } from "./live-stream";
import type { LiveEvent, ReplayPage } from "./live-stream";

const event = (sequence: number): LiveEvent => ({ sequence, type: "progress.updated", subjectType: "assignment", subjectId: "a", actorId: null, payload: {}, createdAt: "2026-11-26T00:00:00Z" });

function harness(pages: ReplayPage[]) {
  const applied: number[] = [];
  const asked: Array<number | null> = [];
  let reloads = 0;
  let release: (() => void) | null = null;
  const stream = new LiveStream({
    replay: async (after) => {
      asked.push(after);
      const page = pages.shift()!;
      // Hold the replay open until the test lets it finish (live events arrive meanwhile).
      await new Promise<void>((resolve) => (release = resolve));
      return page;
    },
    apply: (events) => applied.push(...events.map((entry) => entry.sequence)),
    reload: () => reloads++,
  });
  const finish = async (done: Promise<void>) => {
    while (!release) await Promise.resolve();
    const go = release as () => void;
    release = null;
    go();
    await done;
  };
  return { stream, applied, asked, reloads: () => reloads, finish };
}

describe("LiveStream", () => {
  it("starts from where the stream is, then applies live events once each, in order", async () => {
    const { stream, applied, asked, finish } = harness([{ items: [], latestSequence: 10, resync: false }]);
    await finish(stream.catchUp());
    expect(asked).toEqual([null]);
    stream.receive(event(12));
    stream.receive(event(12));
    stream.receive(event(11));
    stream.receive(event(14));
    expect(applied).toEqual([12, 14]);
  });

  it("replays what it missed after a reconnect, holding live events until the replay is applied, without duplicates", async () => {
    const { stream, applied, asked, finish } = harness([
      { items: [], latestSequence: 10, resync: false },
      { items: [event(11), event(13)], latestSequence: 13, resync: false },
    ]);
    await finish(stream.catchUp());
    const replaying = stream.catchUp();
    // Live events during the replay: one already in it, one after it.
    stream.receive(event(13));
    stream.receive(event(15));
    expect(applied).toEqual([]);
    await finish(replaying);
    expect(asked).toEqual([null, 10]);
    expect(applied).toEqual([11, 13, 15]);
    expect(stream.lastSequence).toBe(15);
  });

  it("reloads instead of replaying when too much was missed, and follows on from the latest sequence", async () => {
    const { stream, applied, reloads, finish } = harness([
      { items: [], latestSequence: 10, resync: false },
      { items: [], latestSequence: 900, resync: true },
    ]);
    await finish(stream.catchUp());
    await finish(stream.catchUp());
    expect(reloads()).toBe(1);
    stream.receive(event(900));
    stream.receive(event(901));
    expect(applied).toEqual([901]);
  });

  it("catches up once more when asked again during a replay", async () => {
    const { stream, asked, finish } = harness([
      { items: [], latestSequence: 10, resync: false },
      { items: [event(11)], latestSequence: 11, resync: false },
      { items: [event(12)], latestSequence: 12, resync: false },
    ]);
    await finish(stream.catchUp());
    const first = stream.catchUp();
    void stream.catchUp();
    await finish(Promise.resolve());
    await finish(first);
    expect(asked).toEqual([null, 10, 11]);
    expect(stream.lastSequence).toBe(12);
  });
});
