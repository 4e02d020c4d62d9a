import { describe, expect, it } from "vitest";
import { itemRowOf } from "@/components/assignments/roadmap/optimistic-progress";
import { detailOf, keyOf, progressRow } from "@/components/assignments/roadmap/test-detail";
import { detailAfterReview, detailAfterSubmit, withAttempt, withEvidenceStatus, withoutQueueEntry } from "./evidence-cache";
import { attemptOf, entryOf } from "./test-attempts";

const NOW = "2026-02-03T04:05:06.000Z";

describe("the item's attempts", () => {
  it("puts a new attempt first and what the caller may do now", () => {
    const before = { items: [attemptOf(1, { status: "CHANGES_REQUESTED" })], canSubmit: true, canReview: false };
    const after = withAttempt(before, attemptOf(2), { canSubmit: false });
    expect(after.items.map((attempt) => attempt.number)).toEqual([2, 1]);
    expect(after.canSubmit).toBe(false);
    expect(before.items).toHaveLength(1);
  });

  it("replaces a reviewed attempt in its place", () => {
    const before = { items: [attemptOf(2), attemptOf(1, { status: "CHANGES_REQUESTED" })], canSubmit: false, canReview: true };
    const after = withAttempt(before, attemptOf(2, { status: "APPROVED" }), { canReview: false });
    expect(after.items.map((attempt) => [attempt.number, attempt.status])).toEqual([
      [2, "APPROVED"],
      [1, "CHANGES_REQUESTED"],
    ]);
    expect(after.canReview).toBe(false);
  });
});

describe("the roadmap after evidence", () => {
  it("starts a not-started item on submission, as the server does", () => {
    const after = detailAfterSubmit(detailOf(), keyOf("Loops"), NOW);
    expect(itemRowOf(after, keyOf("Loops"))).toMatchObject({ state: "IN_PROGRESS" });
    expect(after.assignment.progress).toMatchObject({ inProgress: 1, done: 0 });
  });

  it("leaves an item already under way as it is", () => {
    const before = detailOf({ progress: [progressRow("Loops", "IN_PROGRESS", { note: "kept" })] });
    expect(detailAfterSubmit(before, keyOf("Loops"), NOW)).toBe(before);
  });

  it("takes an approval's row and the server's counts and status", () => {
    const before = detailOf({ progress: [progressRow("Loops", "IN_PROGRESS")] });
    const progress = { total: 5, done: 1, inProgress: 0, notApplicable: 0, skipped: 0, percent: 20 };
    const after = detailAfterReview(before, { item: progressRow("Loops", "DONE"), assignment: { id: "a1", status: "ACTIVE", progress } });
    expect(itemRowOf(after, keyOf("Loops"))).toMatchObject({ state: "DONE" });
    expect(after.assignment.progress).toEqual(progress);
    expect(after.sections.find((section) => section.key === keyOf("Basics"))!.counts).toMatchObject({ done: 1, total: 3 });
  });

  it("changes nothing but the counts when changes were requested, and nothing for another assignment", () => {
    const before = detailOf({ progress: [progressRow("Loops", "IN_PROGRESS")] });
    const progress = { ...before.assignment.progress, inProgress: 1 };
    const after = detailAfterReview(before, { item: null, assignment: { id: "a1", status: "ACTIVE", progress } });
    expect(after.progress).toBe(before.progress);
    expect(detailAfterReview(before, { item: progressRow("Loops", "DONE"), assignment: { id: "other", status: "ACTIVE", progress } })).toBe(before);
  });
});

describe("the roadmap's evidence badge", () => {
  it("follows the latest attempt of this assignment's item, and nothing of another assignment", () => {
    const before = detailOf({ evidence: { [keyOf("Types")]: "APPROVED" } });
    const waiting = withEvidenceStatus(before, { assignmentId: "a1", stableKey: keyOf("Loops"), status: "SUBMITTED" });
    expect(waiting.evidence).toEqual({ [keyOf("Types")]: "APPROVED", [keyOf("Loops")]: "SUBMITTED" });
    expect(withEvidenceStatus(waiting, { assignmentId: "a1", stableKey: keyOf("Loops"), status: "CHANGES_REQUESTED" }).evidence[keyOf("Loops")]).toBe("CHANGES_REQUESTED");
    expect(withEvidenceStatus(waiting, { assignmentId: "a1", stableKey: keyOf("Loops"), status: "SUBMITTED" })).toBe(waiting);
    expect(withEvidenceStatus(before, { assignmentId: "other", stableKey: keyOf("Loops"), status: "SUBMITTED" })).toBe(before);
  });
});

describe("the review queue after a decision", () => {
  it("drops the reviewed entry and counts one fewer", () => {
    const data = {
      pages: [
        { items: [entryOf("x"), entryOf("y")], nextCursor: "c", total: 3, reviewTargetDays: 2, overdueCount: 0 },
        { items: [entryOf("z")], nextCursor: null, total: 3, reviewTargetDays: 2, overdueCount: 0 },
      ],
      pageParams: [null, "c"],
    };
    const after = withoutQueueEntry(data, "y");
    expect(after.pages.flatMap((page) => page.items.map((entry) => entry.attempt.id))).toEqual(["x", "z"]);
    expect(after.pages.map((page) => page.total)).toEqual([2, 2]);
    expect(withoutQueueEntry(data, "missing")).toBe(data);
  });
});
