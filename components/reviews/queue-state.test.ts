import { describe, expect, it } from "vitest";
import { commandIntent, INITIAL_QUEUE_STATE, listedEntries, queueReducer, requestToSend, selectedOf, shownEntries, unconfirmedCount } from "./queue-state";
import type { ReviewBody, ReviewQueueEntryJson } from "@/components/evidence/types";
import type { QueueAction, QueueState } from "./queue-state";

const SHOWN = ["a1", "a2", "a3"];
const run = (actions: QueueAction[], from: QueueState = INITIAL_QUEUE_STATE) => actions.reduce(queueReducer, from);

describe("selection", () => {
  it("is the first entry until one is chosen, and falls back to the first when the chosen one is gone", () => {
    expect(selectedOf(INITIAL_QUEUE_STATE, SHOWN)).toBe("a1");
    const state = run([{ type: "select", id: "a2" }]);
    expect(selectedOf(state, SHOWN)).toBe("a2");
    expect(selectedOf(state, ["a1", "a3"])).toBe("a1");
    expect(selectedOf(state, [])).toBeNull();
  });

  it("does not make a new state when the same entry is selected again (entries are not rendered again)", () => {
    const state = run([{ type: "select", id: "a2" }]);
    expect(queueReducer(state, { type: "select", id: "a2" })).toBe(state);
  });
});

describe("a decision", () => {
  it("takes the selected entry off and selects the next one, moving focus there when it was in the list", () => {
    const state = run([
      { type: "select", id: "a2" },
      { type: "takeOff", id: "a2", shown: SHOWN, moveFocus: true },
    ]);
    expect(state.hidden).toEqual(new Set(["a2"]));
    expect(state.selectedId).toBe("a3");
    expect(state.focus).toEqual({ id: "a3", nonce: 1 });
  });

  it("selects the previous entry when the last one goes, and asks for the heading when none is left", () => {
    const last = run([
      { type: "select", id: "a3" },
      { type: "takeOff", id: "a3", shown: SHOWN, moveFocus: true },
    ]);
    expect(last.selectedId).toBe("a2");
    const none = run([{ type: "takeOff", id: "a1", shown: ["a1"], moveFocus: true }]);
    expect(none.selectedId).toBeNull();
    expect(none.focus).toEqual({ id: null, nonce: 1 });
  });

  it("leaves focus alone when it was elsewhere on the page", () => {
    const state = run([{ type: "takeOff", id: "a1", shown: SHOWN, moveFocus: false }]);
    expect(state.selectedId).toBe("a2");
    expect(state.focus).toBeNull();
  });

  it("on another entry than the selected one keeps the selection", () => {
    const state = run([
      { type: "select", id: "a1" },
      { type: "takeOff", id: "a3", shown: SHOWN, moveFocus: true },
    ]);
    expect(state.selectedId).toBe("a1");
    expect(state.focus).toBeNull();
    expect(state.hidden.has("a3")).toBe(true);
  });

  it("closes the entry's request form when it is sent", () => {
    const state = run([
      { type: "openRequest", id: "a1" },
      { type: "comment", id: "a1", comment: "Add a test" },
      { type: "takeOff", id: "a1", shown: SHOWN, moveFocus: false },
    ]);
    expect(state.requests.has("a1")).toBe(false);
  });

  it("refused, puts the entry back with the comment and the server's reason", () => {
    const sent = run([
      { type: "openRequest", id: "a1" },
      { type: "comment", id: "a1", comment: "Add a test" },
      { type: "takeOff", id: "a1", shown: SHOWN, moveFocus: false },
    ]);
    const back = queueReducer(sent, { type: "putBack", id: "a1", request: { comment: "Add a test", error: "Too long" } });
    expect(back.hidden.has("a1")).toBe(false);
    expect(back.requests.get("a1")).toEqual({ comment: "Add a test", error: "Too long" });
  });

  it("refused approval puts the entry back without a form", () => {
    const back = run([
      { type: "takeOff", id: "a2", shown: SHOWN, moveFocus: false },
      { type: "putBack", id: "a2", request: null },
    ]);
    expect(back.hidden.size).toBe(0);
    expect(back.requests.size).toBe(0);
  });
});

describe("Approve chosen", () => {
  it("ticks and unticks entries, or all shown at once", () => {
    const ticked = run([
      { type: "choose", id: "a1", chosen: true },
      { type: "choose", id: "a3", chosen: true },
      { type: "choose", id: "a1", chosen: false },
    ]);
    expect(ticked.chosen).toEqual(new Set(["a3"]));
    expect(queueReducer(ticked, { type: "chooseAll", ids: SHOWN }).chosen).toEqual(new Set(SHOWN));
  });

  it("takes the approved ones off and unticks everything", () => {
    const state = run([
      { type: "chooseAll", ids: SHOWN },
      { type: "approved", ids: ["a1", "a2"] },
    ]);
    expect(state.hidden).toEqual(new Set(["a1", "a2"]));
    expect(state.chosen.size).toBe(0);
    expect(shownEntries(SHOWN.map((id) => ({ attempt: { id } })), state.hidden)).toEqual([{ attempt: { id: "a3" } }]);
  });
});

describe("request changes", () => {
  it("opens a form once, selecting its entry, and keeps what was typed when opened again", () => {
    const typed = run([
      { type: "openRequest", id: "a2" },
      { type: "comment", id: "a2", comment: "Half" },
      { type: "openRequest", id: "a2" },
    ]);
    expect(typed.selectedId).toBe("a2");
    expect(typed.requests.get("a2")).toEqual({ comment: "Half", error: null });
  });

  it("needs a comment before it sends", () => {
    const empty = run([{ type: "openRequest", id: "a1" }]);
    expect(requestToSend(empty, "a1")).toEqual({ kind: "missing" });
    expect(requestToSend(empty, "a2")).toEqual({ kind: "none" });
    const shown = queueReducer(empty, { type: "requestError", id: "a1", error: "Write a comment" });
    expect(shown.requests.get("a1")).toEqual({ comment: "", error: "Write a comment" });
    // Typing clears the error.
    const typed = queueReducer(shown, { type: "comment", id: "a1", comment: "  Fix it " });
    expect(typed.requests.get("a1")).toEqual({ comment: "  Fix it ", error: null });
    expect(requestToSend(typed, "a1")).toEqual({ kind: "send", comment: "  Fix it " });
  });

  it("cancelled, closes the form and puts focus back on its entry", () => {
    const state = run([
      { type: "openRequest", id: "a2" },
      { type: "cancelRequest", id: "a2" },
    ]);
    expect(state.requests.size).toBe(0);
    expect(state.focus).toEqual({ id: "a2", nonce: 1 });
  });

  it("an error for a closed form changes nothing", () => {
    expect(queueReducer(INITIAL_QUEUE_STATE, { type: "requestError", id: "a1", error: "x" })).toBe(INITIAL_QUEUE_STATE);
  });
});

describe("focus requests", () => {
  it("count up, so asking for the same entry twice is still a change", () => {
    const once = queueReducer(INITIAL_QUEUE_STATE, { type: "focus", id: "a1" });
    const twice = queueReducer(once, { type: "focus", id: "a1" });
    expect(twice.focus).toEqual({ id: "a1", nonce: 2 });
    expect(twice.focus).not.toBe(once.focus);
  });
});

describe("the shortcuts dialog", () => {
  it("opens and closes", () => {
    const open = queueReducer(INITIAL_QUEUE_STATE, { type: "help", open: true });
    expect(open.helpOpen).toBe(true);
    expect(queueReducer(open, { type: "help", open: false }).helpOpen).toBe(false);
  });
});

describe("commandIntent", () => {
  it("moves from the selected entry, staying inside the list", () => {
    const state = run([{ type: "select", id: "a2" }]);
    expect(commandIntent(state, SHOWN, "next")).toEqual({ kind: "move", id: "a3" });
    expect(commandIntent(state, SHOWN, "previous")).toEqual({ kind: "move", id: "a1" });
    expect(commandIntent(state, SHOWN, "first")).toEqual({ kind: "move", id: "a1" });
    expect(commandIntent(state, SHOWN, "last")).toEqual({ kind: "move", id: "a3" });
    expect(commandIntent(run([{ type: "select", id: "a3" }]), SHOWN, "next")).toEqual({ kind: "move", id: "a3" });
  });

  it("approves or asks for changes on the selected entry (the first when none was chosen)", () => {
    expect(commandIntent(INITIAL_QUEUE_STATE, SHOWN, "approve")).toEqual({ kind: "approve", id: "a1" });
    expect(commandIntent(INITIAL_QUEUE_STATE, SHOWN, "request")).toEqual({ kind: "request", id: "a1" });
  });

  it("does not approve an entry whose request form is open (the comment would be lost)", () => {
    const writing = run([{ type: "openRequest", id: "a2" }]);
    expect(commandIntent(writing, SHOWN, "approve")).toBeNull();
    expect(commandIntent(writing, SHOWN, "request")).toEqual({ kind: "request", id: "a2" });
  });

  it("does nothing on an empty list but open the shortcuts", () => {
    expect(commandIntent(INITIAL_QUEUE_STATE, [], "next")).toBeNull();
    expect(commandIntent(INITIAL_QUEUE_STATE, [], "approve")).toBeNull();
    expect(commandIntent(INITIAL_QUEUE_STATE, [], "help")).toEqual({ kind: "help" });
  });
});

describe("a held decision (decision 0043)", () => {
  const approve = { decision: "APPROVE" as const };
  const entries = SHOWN.map((id) => ({ attempt: { id } }) as unknown as ReviewQueueEntryJson);
  const decided = (id: string, body: ReviewBody = approve) => ({ body, entry: entries[SHOWN.indexOf(id)]!, index: SHOWN.indexOf(id) });
  const ids = (list: readonly ReviewQueueEntryJson[]) => list.map((entry) => entry.attempt.id);

  it("stays listed as its own line, unconfirmed until the server says yes", () => {
    const held = run([{ type: "takeOff", id: "a2", shown: SHOWN, moveFocus: false, decided: decided("a2") }]);
    expect(ids(shownEntries(entries, held.hidden))).toEqual(["a1", "a3"]);
    expect(ids(listedEntries(entries, held))).toEqual(SHOWN);
    expect(held.decisions.get("a2")).toMatchObject({ body: approve, status: "holding" });
    expect(unconfirmedCount(held)).toBe(1);
    const sending = queueReducer(held, { type: "sending", id: "a2" });
    expect(unconfirmedCount(sending)).toBe(1);
    const confirmed = queueReducer(sending, { type: "confirmed", id: "a2" });
    expect(confirmed.decisions.get("a2")?.status).toBe("confirmed");
    expect(unconfirmedCount(confirmed)).toBe(0);
  });

  it("undone while held, brings the entry back selected and focused, with the comment of a request for changes", () => {
    const held = run([
      { type: "select", id: "a2" },
      { type: "takeOff", id: "a2", shown: SHOWN, moveFocus: true, decided: decided("a2", { decision: "REQUEST_CHANGES", comment: "Add a test" }) },
    ]);
    expect(selectedOf(held, ["a1", "a3"])).toBe("a3");
    const undone = queueReducer(held, { type: "undo", id: "a2" });
    expect(undone.hidden.has("a2")).toBe(false);
    expect(undone.decisions.size).toBe(0);
    expect(undone.selectedId).toBe("a2");
    expect(undone.focus?.id).toBe("a2");
    expect(undone.requests.get("a2")).toEqual({ comment: "Add a test", error: null });
  });

  it("is what u undoes: the newest one still held", () => {
    expect(commandIntent(INITIAL_QUEUE_STATE, SHOWN, "undo")).toBeNull();
    const two = run([
      { type: "takeOff", id: "a1", shown: SHOWN, moveFocus: false, decided: decided("a1") },
      { type: "takeOff", id: "a3", shown: ["a2", "a3"], moveFocus: false, decided: decided("a3") },
    ]);
    expect(commandIntent(two, ["a2"], "undo")).toEqual({ kind: "undo", id: "a3" });
    expect(commandIntent(queueReducer(two, { type: "sending", id: "a3" }), ["a2"], "undo")).toEqual({ kind: "undo", id: "a1" });
  });

  it("cannot be undone once sent", () => {
    const sending = run([
      { type: "takeOff", id: "a1", shown: SHOWN, moveFocus: false, decided: decided("a1") },
      { type: "sending", id: "a1" },
    ]);
    expect(queueReducer(sending, { type: "undo", id: "a1" })).toBe(sending);
  });

  it("refused, comes back with the reason until it is decided again; decided elsewhere, leaves no line", () => {
    const failure = { message: "Not yours to review.", body: approve };
    const refused = run([
      { type: "takeOff", id: "a1", shown: SHOWN, moveFocus: false, decided: decided("a1") },
      { type: "putBack", id: "a1", request: null, failure },
    ]);
    expect(refused.hidden.has("a1")).toBe(false);
    expect(refused.decisions.size).toBe(0);
    expect(refused.failures.get("a1")).toEqual(failure);
    const again = queueReducer(refused, { type: "takeOff", id: "a1", shown: SHOWN, moveFocus: false, decided: decided("a1") });
    expect(again.failures.size).toBe(0);
    const stale = queueReducer(again, { type: "stale", id: "a1" });
    expect(stale.hidden.has("a1")).toBe(true);
    expect(ids(listedEntries(entries, stale))).toEqual(["a2", "a3"]);
  });

  it("keeps a decided line in its place when the pages are read again without its entry, until other filters are chosen", () => {
    const state = run([
      { type: "takeOff", id: "a2", shown: SHOWN, moveFocus: false, decided: decided("a2") },
      { type: "takeOff", id: "a3", shown: ["a1", "a3"], moveFocus: false, decided: decided("a3") },
      { type: "confirmed", id: "a2" },
    ]);
    const reread = entries.filter((entry) => entry.attempt.id === "a1");
    expect(ids(listedEntries(reread, state))).toEqual(SHOWN);
    const refiltered = queueReducer(state, { type: "clearConfirmed" });
    expect(ids(listedEntries(reread, refiltered))).toEqual(["a1", "a3"]);
    expect(queueReducer(refiltered, { type: "clearConfirmed" })).toBe(refiltered);
  });
});
