import { describe, expect, it } from "vitest";
import { replaceAssignment } from "./assignment-cache";
import type { AssignmentPages } from "./assignment-cache";
import type { AssignmentJson } from "./types";

function assignment(id: string, dueDate: string | null = null): AssignmentJson {
  const person = { id: `u-${id}`, name: `Person ${id}`, email: `${id}@example.test` };
  return {
    id,
    status: "ACTIVE",
    track: { id: "t1", title: "Track" },
    version: { id: "v1", number: 1 },
    assignee: person,
    mentors: [],
    startDate: "2026-01-05",
    dueDate,
    overdue: false,
    skippedKeys: [],
    completedAt: null,
    archivedAt: null,
    createdAt: "2026-01-05T10:00:00.000Z",
    progress: { total: 3, done: 0, inProgress: 0, notApplicable: 0, skipped: 0, percent: 0 },
  };
}

describe("replaceAssignment", () => {
  it("swaps in the server's copy on whichever page holds it, keeping the other rows as they were", () => {
    const [a, b, c] = [assignment("a"), assignment("b"), assignment("c")];
    const data: AssignmentPages = { pages: [{ items: [a, b], nextCursor: "x" }, { items: [c], nextCursor: null }], pageParams: [null, "x"] };
    const updated = assignment("c", "2026-04-01");
    const next = replaceAssignment(data, updated)!;
    expect(next.pages[1]!.items[0]).toBe(updated);
    // Unchanged rows keep their identity, so memoized rows do not re-render.
    expect(next.pages[0]!.items[0]).toBe(a);
    expect(next.pageParams).toEqual([null, "x"]);
  });

  it("leaves a list without the assignment (or no list) untouched", () => {
    const data: AssignmentPages = { pages: [{ items: [assignment("a")], nextCursor: null }], pageParams: [null] };
    expect(replaceAssignment(data, assignment("z"))).toBe(data);
    expect(replaceAssignment(undefined, assignment("z"))).toBeUndefined();
  });
});
