/** Attempts and queue entries in the API's JSON shape, for the unit tests. */
import type { AttemptJson, ReviewQueueEntryJson } from "./types";

export function attemptOf(number: number, extra: Partial<AttemptJson> = {}): AttemptJson {
  return {
    id: `att-${number}`,
    assignmentId: "a1",
    stableKey: "key-loops",
    number,
    status: "SUBMITTED",
    link: { url: "https://github.com/acme/api/pull/42", kind: "github-pull", label: "acme/api#42" },
    note: null,
    noteHtml: null,
    files: [],
    submittedBy: { id: "u1", name: "Noah Kim", email: "noah@example.test" },
    submittedAt: `2026-01-0${number}T10:00:00.000Z`,
    verification: null,
    review: null,
    ...extra,
  };
}

export function entryOf(id: string, extra: Partial<ReviewQueueEntryJson> = {}): ReviewQueueEntryJson {
  return {
    attempt: attemptOf(1, { id }),
    assignment: { id: "a1", track: { id: "t1", title: "Starter" }, assignee: { id: "u1", name: "Noah Kim", email: "noah@example.test" } },
    item: { key: "key-loops", title: "Loops", section: { key: "key-basics", title: "Basics" } },
    waiting: { workingDays: 1, overdue: false },
    ...extra,
  };
}
