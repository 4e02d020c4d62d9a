import { describe, expect, it } from "vitest";
import { continues, eventSentence, foldIntoLines, lineSentence, RAPID_MS } from "./activity-lines";
import type { ActivityEvent, ItemPlace } from "./activity-lines";

const T0 = Date.parse("2026-12-07T10:00:00Z");
const BASICS = { key: "s-basics", title: "FastAPI basics" };
const PLACES: Record<string, ItemPlace> = {
  routes: { title: "Routes", section: BASICS },
  models: { title: "Models", section: BASICS },
  deps: { title: "Dependencies", section: BASICS },
  deploy: { title: "Deploy", section: { key: "s-ship", title: "Shipping" } },
  intro: { title: "Intro", section: null },
};
const placeOf = (_assignmentId: string, key: string) => PLACES[key] ?? null;

let sequence = 1000;
/** Events newest first: each call is older than the one before. */
function event(key: string, to: string, extra: Partial<ActivityEvent> & { from?: string; minutesAgo?: number; payload?: Record<string, unknown> } = {}): ActivityEvent {
  const { from = "NOT_STARTED", minutesAgo = 0, payload = {}, ...rest } = extra;
  return { sequence: sequence--, type: "progress.updated", at: new Date(T0 - minutesAgo * 60_000), actorId: "noah", assignmentId: "a1", payload: { key, from, to, ...payload }, ...rest };
}
const lines = (events: ActivityEvent[]) => foldIntoLines([], events, placeOf);
const sizes = (events: ActivityEvent[]) => lines(events).map((line) => line.length);

describe("merging a person's rapid changes", () => {
  it("merges neighbouring changes in one section or on one item, within the window", () => {
    expect(sizes([event("routes", "DONE"), event("models", "DONE", { minutesAgo: 1 }), event("deps", "DONE", { minutesAgo: 2 })])).toEqual([3]);
    expect(sizes([event("routes", "DONE"), event("routes", "NOT_STARTED", { from: "DONE", minutesAgo: 1 }), event("routes", "DONE", { minutesAgo: 2 })])).toEqual([3]);
    // An item outside any section merges only with itself.
    expect(sizes([event("intro", "DONE"), event("intro", "IN_PROGRESS", { minutesAgo: 1 }), event("routes", "DONE", { minutesAgo: 2 })])).toEqual([2, 1]);
  });

  it("does not merge across sections, people, assignments, other events or a pause longer than the window", () => {
    expect(sizes([event("routes", "DONE"), event("deploy", "DONE")])).toEqual([1, 1]);
    expect(sizes([event("routes", "DONE"), event("models", "DONE", { actorId: "ada" })])).toEqual([1, 1]);
    expect(sizes([event("routes", "DONE"), event("models", "DONE", { assignmentId: "a2" })])).toEqual([1, 1]);
    expect(sizes([event("routes", "DONE"), { ...event("models", "DONE"), type: "comment.created" }, event("deps", "DONE")])).toEqual([1, 1, 1]);
    const apart = RAPID_MS / 60_000 + 1;
    expect(sizes([event("routes", "DONE"), event("models", "DONE", { minutesAgo: apart })])).toEqual([1, 1]);
    // The window is between neighbours: a steady run stays one line.
    expect(sizes([event("routes", "DONE"), event("models", "DONE", { minutesAgo: 8 }), event("deps", "DONE", { minutesAgo: 16 })])).toEqual([3]);
    // Events without a person (the hourly scan's) never merge.
    expect(sizes([event("routes", "DONE", { actorId: null }), event("models", "DONE", { actorId: null })])).toEqual([1, 1]);
  });

  it("keeps note saves apart from state changes, merging only saves on the same item", () => {
    const note = (key: string, minutesAgo = 0) => event(key, "IN_PROGRESS", { from: "IN_PROGRESS", minutesAgo, payload: { noteChanged: true } });
    expect(sizes([note("routes"), note("routes", 1), event("routes", "IN_PROGRESS", { minutesAgo: 2 })])).toEqual([2, 1]);
    expect(sizes([note("routes"), note("models", 1)])).toEqual([1, 1]);
  });

  it("draws the same lines whatever batch the events come in, and a newer event only continues the top line", () => {
    const events = [event("deploy", "DONE"), event("routes", "DONE", { minutesAgo: 1 }), event("models", "DONE", { minutesAgo: 2 }), event("deps", "DONE", { minutesAgo: 3 }), event("intro", "DONE", { minutesAgo: 4 })];
    const whole = lines(events).map((line) => line.map((e) => e.sequence));
    for (let cut = 0; cut <= events.length; cut++) {
      const batched = foldIntoLines(foldIntoLines([], events.slice(0, cut), placeOf), events.slice(cut), placeOf);
      expect(batched.map((line) => line.map((e) => e.sequence))).toEqual(whole);
    }
    expect(whole.map((line) => line.length)).toEqual([1, 3, 1]);
    // Without the newest event, the lines below are the same.
    expect(lines(events.slice(1)).map((line) => line.map((e) => e.sequence))).toEqual(whole.slice(1));
    expect(continues(events[1]!, events[2]!, placeOf)).toBe(true);
  });
});

describe("a line in words", () => {
  it("says how many items of which section, by each item's latest state", () => {
    const done = lines([event("routes", "DONE"), event("models", "DONE", { minutesAgo: 1 }), event("deps", "DONE", { minutesAgo: 2 })])[0]!;
    expect(lineSentence(done, "Noah", placeOf)).toBe("Noah completed 3 items in “FastAPI basics”.");
    const started = lines([event("routes", "IN_PROGRESS"), event("models", "IN_PROGRESS")])[0]!;
    expect(lineSentence(started, "Noah", placeOf)).toBe("Noah marked 2 items in “FastAPI basics” in progress.");
    // Models was started, then finished: its latest state counts.
    const mixed = lines([event("models", "DONE", { from: "IN_PROGRESS" }), event("routes", "IN_PROGRESS"), event("models", "IN_PROGRESS"), event("deps", "DONE")])[0]!;
    expect(lineSentence(mixed, "Noah", placeOf)).toBe("Noah updated 3 items in “FastAPI basics”: 2 done, 1 in progress.");
  });

  it("tells toggles on one item by where they ended", () => {
    const toggled = lines([event("routes", "DONE"), event("routes", "NOT_STARTED", { from: "DONE" }), event("routes", "DONE")])[0]!;
    expect(lineSentence(toggled, "Noah", placeOf)).toBe("Noah marked “Routes” done.");
  });

  it("tells a saved note or links as such, never as a state", () => {
    expect(eventSentence("progress.updated", "Noah", "Routes", { from: "IN_PROGRESS", to: "IN_PROGRESS", noteChanged: true })).toBe("Noah saved a note on “Routes”.");
    expect(eventSentence("progress.updated", "Noah", "Routes", { from: "DONE", to: "DONE", linksChanged: true })).toBe("Noah updated the links on “Routes”.");
    expect(eventSentence("progress.updated", "Noah", "Routes", { from: "NOT_STARTED", to: "IN_PROGRESS", noteChanged: true })).toBe("Noah marked “Routes” in progress.");
  });
});
