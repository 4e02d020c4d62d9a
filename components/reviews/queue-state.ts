/**
 * What the review queue keeps besides the server's pages: the entries this tab took off
 * (decided, answer pending or confirmed), the selection, the open request-changes forms,
 * the ticks for "Approve chosen", the shortcuts dialog, and where focus should go next.
 * Pure, so the rules (the neighbour a decision selects, what a key does) are tested
 * without a browser; review-queue.tsx dispatches and does the DOM work.
 */
import type { ReviewBody, ReviewQueueEntryJson } from "@/components/evidence/types";
import type { QueueCommand } from "./queue-keys";
import { movedIndex } from "./queue-keys";

export interface EntryRequest {
  comment: string;
  error: string | null;
}

/**
 * A decision made in this tab (decision 0043): held for HOLD_MS while Undo can take it back,
 * then sent, then confirmed by the server. Its entry shows as one line in its place meanwhile.
 */
export interface QueueDecision {
  body: ReviewBody;
  status: "holding" | "sending" | "confirmed";
  /** The entry as decided, and its place in the list then: its line stays there when the pages are read again without it. */
  entry: ReviewQueueEntryJson;
  index: number;
}

/** Why the server refused an entry's decision, shown on the entry with Retry. */
export interface EntryFailure {
  message: string;
  body: ReviewBody;
}

export interface QueueState {
  /** Attempts decided in this tab: off the waiting list while held, sent and after. */
  hidden: ReadonlySet<string>;
  /** The decisions behind `hidden` that still show as a line in place (held, sending or confirmed). */
  decisions: ReadonlyMap<string, QueueDecision>;
  /** Entries whose decision the server refused: back on the list with the reason and Retry. */
  failures: ReadonlyMap<string, EntryFailure>;
  /** The chosen entry; when it is not on the list, the first one is (selectedOf). */
  selectedId: string | null;
  /** Open request-changes forms by attempt, with what was typed. */
  requests: ReadonlyMap<string, EntryRequest>;
  /** Ticked for "Approve chosen" (only ids still on the list count). */
  chosen: ReadonlySet<string>;
  helpOpen: boolean;
  /** Focus to move after the render: an entry, or null for the page heading; the nonce makes a repeat a change. */
  focus: { id: string | null; nonce: number } | null;
}

export const INITIAL_QUEUE_STATE: QueueState = { hidden: new Set(), decisions: new Map(), failures: new Map(), selectedId: null, requests: new Map(), chosen: new Set(), helpOpen: false, focus: null };

export type QueueAction =
  | { type: "select"; id: string }
  | { type: "choose"; id: string; chosen: boolean }
  | { type: "chooseAll"; ids: readonly string[] }
  /** A decision was sent: the entry leaves the list; if it was selected, its neighbour is (and gets focus when `moveFocus`). */
  | { type: "takeOff"; id: string; shown: readonly string[]; moveFocus: boolean; decided?: Pick<QueueDecision, "body" | "entry" | "index"> }
  /** The hold ended: the decision is on its way (Undo is gone). */
  | { type: "sending"; id: string }
  /** The server recorded the decision. */
  | { type: "confirmed"; id: string }
  /** Undo during the hold: nothing was sent; the entry is back, selected, with its comment when it was a request for changes. */
  | { type: "undo"; id: string }
  /** Someone else decided first: the entry stays off the list, without a line of its own. */
  | { type: "stale"; id: string }
  /** Other filters: the saved lines go (those still held or on their way stay in view). */
  | { type: "clearConfirmed" }
  /** The server refused a decision: the entry comes back, with its comment when it was a request for changes, and the reason with Retry. */
  | { type: "putBack"; id: string; request: EntryRequest | null; failure?: EntryFailure }
  /** "Approve chosen" succeeded: these leave the list and nothing stays ticked. */
  | { type: "approved"; ids: readonly string[] }
  | { type: "openRequest"; id: string }
  | { type: "comment"; id: string; comment: string }
  | { type: "requestError"; id: string; error: string }
  | { type: "cancelRequest"; id: string }
  | { type: "focus"; id: string | null }
  | { type: "help"; open: boolean };

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case "select":
      return state.selectedId === action.id ? state : { ...state, selectedId: action.id };
    case "choose":
      return { ...state, chosen: action.chosen ? withId(state.chosen, action.id) : without(state.chosen, action.id) };
    case "chooseAll":
      return { ...state, chosen: new Set(action.ids) };
    case "takeOff": {
      let next: QueueState = {
        ...state,
        hidden: withId(state.hidden, action.id),
        requests: withoutKey(state.requests, action.id),
        failures: withoutKey(state.failures, action.id),
        decisions: action.decided ? new Map(state.decisions).set(action.id, { ...action.decided, status: "holding" }) : state.decisions,
      };
      const index = action.shown.indexOf(action.id);
      if (index >= 0 && selectedOf(state, action.shown) === action.id) {
        const neighbour = action.shown[index + 1] ?? action.shown[index - 1] ?? null;
        next = { ...next, selectedId: neighbour };
        if (action.moveFocus) next = withFocus(next, neighbour);
      }
      return next;
    }
    case "sending":
    case "confirmed": {
      const decision = state.decisions.get(action.id);
      return decision ? { ...state, decisions: new Map(state.decisions).set(action.id, { ...decision, status: action.type }) } : state;
    }
    case "undo": {
      const decision = state.decisions.get(action.id);
      if (decision?.status !== "holding") return state;
      const { body } = decision;
      const next: QueueState = {
        ...state,
        hidden: without(state.hidden, action.id),
        decisions: withoutKey(state.decisions, action.id),
        selectedId: action.id,
        requests: body.decision === "REQUEST_CHANGES" ? new Map(state.requests).set(action.id, { comment: body.comment ?? "", error: null }) : state.requests,
      };
      return withFocus(next, action.id);
    }
    case "stale":
      return { ...state, decisions: withoutKey(state.decisions, action.id) };
    case "clearConfirmed": {
      if (![...state.decisions.values()].some((decision) => decision.status === "confirmed")) return state;
      return { ...state, decisions: new Map([...state.decisions].filter(([, decision]) => decision.status !== "confirmed")) };
    }
    case "putBack": {
      const { request, failure } = action;
      return {
        ...state,
        hidden: without(state.hidden, action.id),
        decisions: withoutKey(state.decisions, action.id),
        failures: failure ? new Map(state.failures).set(action.id, failure) : state.failures,
        requests: request ? new Map(state.requests).set(action.id, request) : state.requests,
      };
    }
    case "approved":
      return { ...state, hidden: new Set([...state.hidden, ...action.ids]), chosen: new Set() };
    case "openRequest":
      return {
        ...state,
        selectedId: action.id,
        requests: state.requests.has(action.id) ? state.requests : new Map(state.requests).set(action.id, { comment: "", error: null }),
      };
    case "comment":
      return { ...state, requests: new Map(state.requests).set(action.id, { comment: action.comment, error: null }) };
    case "requestError": {
      const request = state.requests.get(action.id);
      return request ? { ...state, requests: new Map(state.requests).set(action.id, { ...request, error: action.error }) } : state;
    }
    case "cancelRequest":
      return withFocus({ ...state, requests: withoutKey(state.requests, action.id) }, action.id);
    case "focus":
      return withFocus(state, action.id);
    case "help":
      return state.helpOpen === action.open ? state : { ...state, helpOpen: action.open };
  }
}

/** The selected entry's id among those shown: the chosen one if it is there, else the first; null for an empty list. */
export function selectedOf(state: Pick<QueueState, "selectedId">, shown: readonly string[]): string | null {
  if (state.selectedId !== null && shown.includes(state.selectedId)) return state.selectedId;
  return shown[0] ?? null;
}

/**
 * The entries on screen: those waiting and those decided in this tab, in the server's order. A
 * decided entry the pages no longer hold (the queue is read again when a review is recorded,
 * often before the answer arrives) keeps its line where it was, so "Saving…" turns into "Saved"
 * in place instead of vanishing.
 */
export function listedEntries(loaded: readonly ReviewQueueEntryJson[], state: Pick<QueueState, "hidden" | "decisions">): ReviewQueueEntryJson[] {
  const listed = loaded.filter((entry) => !state.hidden.has(entry.attempt.id) || state.decisions.has(entry.attempt.id));
  const present = new Set(listed.map((entry) => entry.attempt.id));
  const missing = [...state.decisions.entries()].filter(([id]) => !present.has(id)).sort(([, a], [, b]) => a.index - b.index);
  for (const [, decision] of missing) listed.splice(Math.min(decision.index, listed.length), 0, decision.entry);
  return listed;
}

/** Decisions not yet confirmed (held or on their way): what leaving the page would lose. */
export function unconfirmedCount(state: Pick<QueueState, "decisions">): number {
  let count = 0;
  for (const decision of state.decisions.values()) if (decision.status !== "confirmed") count++;
  return count;
}

/** The loaded entries this tab has not taken off, in the server's order. */
export function shownEntries<E extends { attempt: { id: string } }>(loaded: readonly E[], hidden: ReadonlySet<string>): E[] {
  return loaded.filter((entry) => !hidden.has(entry.attempt.id));
}

/** What a sent request-changes form does: nothing (none open), ask for a comment, or send this one. */
export function requestToSend(state: Pick<QueueState, "requests">, id: string): { kind: "none" } | { kind: "missing" } | { kind: "send"; comment: string } {
  const request = state.requests.get(id);
  if (!request) return { kind: "none" };
  if (!request.comment.trim()) return { kind: "missing" };
  return { kind: "send", comment: request.comment };
}

export type CommandIntent = { kind: "help" } | { kind: "approve"; id: string } | { kind: "request"; id: string } | { kind: "move"; id: string } | { kind: "undo"; id: string };

/** The newest decision still held (Undo can take it back), or null. */
export function latestHeld(state: Pick<QueueState, "decisions">): string | null {
  let latest: string | null = null;
  // A Map keeps insertion order, and a decision made again is inserted again: the last held one is the newest.
  for (const [id, decision] of state.decisions) if (decision.status === "holding") latest = id;
  return latest;
}

/**
 * What a shortcut does to the list on screen, or null when it does nothing: the moves
 * need an entry to move from, and "a" does not throw away a comment the reviewer is
 * writing (an open form means they were asking for changes).
 */
export function commandIntent(state: Pick<QueueState, "selectedId" | "requests" | "decisions">, shown: readonly string[], command: QueueCommand): CommandIntent | null {
  if (command === "help") return { kind: "help" };
  if (command === "undo") {
    const held = latestHeld(state);
    return held === null ? null : { kind: "undo", id: held };
  }
  const selected = selectedOf(state, shown);
  if (selected === null) return null;
  if (command === "approve") return state.requests.has(selected) ? null : { kind: "approve", id: selected };
  if (command === "request") return { kind: "request", id: selected };
  const target = movedIndex(shown.indexOf(selected), shown.length, command);
  return target === null ? null : { kind: "move", id: shown[target]! };
}

function withFocus(state: QueueState, id: string | null): QueueState {
  return { ...state, focus: { id, nonce: (state.focus?.nonce ?? 0) + 1 } };
}

function withId(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return set.has(id) ? set : new Set(set).add(id);
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}

function withoutKey<V>(map: ReadonlyMap<string, V>, id: string): ReadonlyMap<string, V> {
  if (!map.has(id)) return map;
  const next = new Map(map);
  next.delete(id);
  return next;
}
