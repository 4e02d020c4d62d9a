import { describe, expect, it } from "vitest";
import { withItems } from "@/components/assignments/roadmap/optimistic-progress";
import { detailOf, keyOf, progressRow } from "@/components/assignments/roadmap/test-detail";
import type { LiveEvent } from "./live-stream";
import { patchProgress } from "./patch-progress";

let sequence = 0;
const progressEvent = (title: string, from: string, to: string, extra: Record<string, unknown> = {}): LiveEvent => ({
  sequence: ++sequence,
  type: "progress.updated",
  subjectType: "assignment",
  subjectId: "a1",
  actorId: "u1",
  payload: { assignmentId: "a1", key: keyOf(title), from, to, ...extra },
  createdAt: "2026-12-06T10:00:00.000Z",
});
const completedEvent = (): LiveEvent => ({ sequence: ++sequence, type: "assignment.completed", subjectType: "assignment", subjectId: "a1", actorId: "u1", payload: { assignmentId: "a1" }, createdAt: "2026-12-06T10:00:00.000Z" });

/** The detail as a fresh read would show it: counted like the server counts. */
const counted = (progress: Parameters<typeof detailOf>[0] = {}) => {
  const detail = detailOf(progress);
  return withItems(detail, new Map(detail.progress.map((row) => [row.stableKey, row])));
};
const stateOf = (detail: ReturnType<typeof detailOf>, title: string) => detail.progress.find((row) => row.stableKey === keyOf(title))?.state ?? "NOT_STARTED";

describe("patchProgress", () => {
  it("moves an item and recounts the assignment and its section as a fresh read would", () => {
    const before = counted({ progress: [progressRow("Types", "DONE")] });
    const patched = patchProgress(before, [progressEvent("Scope", "NOT_STARTED", "IN_PROGRESS"), progressEvent("Scope", "IN_PROGRESS", "DONE")]);
    expect(patched?.keys).toEqual([keyOf("Scope")]);
    const fresh = counted({ progress: [progressRow("Types", "DONE"), progressRow("Scope", "DONE")] });
    expect(patched!.detail.assignment.progress).toEqual(fresh.assignment.progress);
    expect(patched!.detail.sections).toEqual(fresh.sections);
    expect(patched!.detail.nextUp).toEqual(fresh.nextUp);
    expect(stateOf(patched!.detail, "Scope")).toBe("DONE");
  });

  it("completes the assignment when the server said so and the recount agrees", () => {
    const before = counted({ progress: ["Types", "Scope", "Loops", "HTTP"].map((title) => progressRow(title, "DONE")) });
    const patched = patchProgress(before, [progressEvent("Paths", "NOT_STARTED", "DONE"), completedEvent()]);
    expect(patched?.detail.assignment.status).toBe("COMPLETED");
  });

  it("refuses when the copy disagrees with the server about completion", () => {
    expect(patchProgress(counted(), [progressEvent("Paths", "NOT_STARTED", "DONE"), completedEvent()])).toBeNull();
  });

  it("leaves an item that already shows the new state alone (the hire's own write answered first)", () => {
    const before = counted({ progress: [progressRow("Types", "DONE")] });
    const patched = patchProgress(before, [progressEvent("Types", "IN_PROGRESS", "DONE")]);
    expect(patched?.detail).toBe(before);
    expect(patched?.keys).toEqual([]);
  });

  it("clears the reason when an item leaves 'not applicable'", () => {
    const patched = patchProgress(counted({ progress: [progressRow("Types", "NOT_APPLICABLE")] }), [progressEvent("Types", "NOT_APPLICABLE", "IN_PROGRESS")]);
    const row = patched!.detail.progress.find((candidate) => candidate.stableKey === keyOf("Types"));
    expect(row).toMatchObject({ state: "IN_PROGRESS", notApplicableReason: null });
  });

  it.each([
    ["a state this copy does not have (an event was missed)", [progressEvent("Types", "IN_PROGRESS", "DONE")]],
    ["'not applicable', whose reason the event does not carry", [progressEvent("Types", "NOT_STARTED", "NOT_APPLICABLE")]],
    ["a changed note", [progressEvent("Types", "NOT_STARTED", "IN_PROGRESS", { noteChanged: true })]],
    ["changed links", [progressEvent("Types", "NOT_STARTED", "NOT_STARTED", { linksChanged: true })]],
    ["an item of another version", [progressEvent("Gone", "NOT_STARTED", "DONE")]],
    ["a section's key", [progressEvent("Basics", "NOT_STARTED", "DONE")]],
    ["a malformed payload", [{ ...progressEvent("Types", "NOT_STARTED", "DONE"), payload: { key: 7, from: "NOT_STARTED", to: "DONE" } }]],
    ["an unknown state", [progressEvent("Types", "NOT_STARTED", "FINISHED")]],
    ["any other event of the assignment", [{ ...progressEvent("Types", "NOT_STARTED", "DONE"), type: "evidence.reviewed" }]],
  ])("refuses %s, so the assignment is read again", (_why, events) => {
    expect(patchProgress(counted(), events)).toBeNull();
  });
});
