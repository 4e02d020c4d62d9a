import { describe, expect, it } from "vitest";
import { applyItemChanges, changedItem, itemRowOf, sameItem, withItems } from "./optimistic-progress";
import { detailOf, keyOf, progressRow } from "./test-detail";

const NOW = "2026-02-03T04:05:06.000Z";
const sectionCounts = (detail: ReturnType<typeof detailOf>, title: string) => detail.sections.find((section) => section.key === keyOf(title))!.counts;

describe("an optimistic change to the cached detail", () => {
  it("sets the item's row and recounts the track, its sections and the next items", () => {
    const before = detailOf();
    const after = applyItemChanges(before, [{ key: keyOf("Types"), change: { state: "DONE" } }], NOW);
    expect(itemRowOf(after, keyOf("Types"))).toEqual({ stableKey: keyOf("Types"), state: "DONE", notApplicableReason: null, note: null, links: [], updatedAt: NOW, archived: false });
    // Five leaves: Types, Scope, Loops, HTTP, Paths.
    expect(after.assignment.progress).toEqual({ total: 5, done: 1, inProgress: 0, notApplicable: 0, skipped: 0, percent: 20 });
    expect(sectionCounts(after, "Basics")).toEqual({ total: 3, done: 1, inProgress: 0, notApplicable: 0, skipped: 0, percent: 33 });
    expect(sectionCounts(after, "Web")).toMatchObject({ total: 2, done: 0 });
    expect(after.nextUp.map((item) => item.title)).toEqual(["Scope", "Loops", "HTTP", "Paths"]);
    // The tree is the same array, so the page's model of it is reused.
    expect(after.nodes).toBe(before.nodes);
    expect(after.assignment.skippedKeys).toBe(before.assignment.skippedKeys);
    expect(before.progress).toEqual([]);
  });

  it("leaves a not-applicable branch and skipped items out of the counts", () => {
    const detail = detailOf({ skippedKeys: [keyOf("Routing")] });
    const after = applyItemChanges(detail, [{ key: keyOf("Variables"), change: { state: "NOT_APPLICABLE", notApplicableReason: "We use Go" } }], NOW);
    expect(itemRowOf(after, keyOf("Variables"))).toMatchObject({ state: "NOT_APPLICABLE", notApplicableReason: "We use Go" });
    expect(after.assignment.progress).toEqual({ total: 2, done: 0, inProgress: 0, notApplicable: 2, skipped: 1, percent: 0 });
    expect(sectionCounts(after, "Basics")).toMatchObject({ total: 1, notApplicable: 2 });
  });

  it("applies several changes in order, the last one to an item winning", () => {
    const after = applyItemChanges(
      detailOf(),
      [
        { key: keyOf("Types"), change: { state: "DONE" } },
        { key: keyOf("Types"), change: { state: "NOT_STARTED" } },
        { key: keyOf("HTTP"), change: { state: "IN_PROGRESS" } },
      ],
      NOW,
    );
    expect(after.assignment.progress).toMatchObject({ done: 0, inProgress: 1 });
    expect(itemRowOf(after, keyOf("Types"))?.state).toBe("NOT_STARTED");
  });

  it("completes the assignment with the last counted item, and reopens it when one is undone", () => {
    const almost = detailOf({ progress: ["Types", "Scope", "Loops", "HTTP"].map((title) => progressRow(title, "DONE")) });
    const complete = applyItemChanges(almost, [{ key: keyOf("Paths"), change: { state: "DONE" } }], NOW);
    expect(complete.assignment).toMatchObject({ status: "COMPLETED", progress: { total: 5, done: 5, percent: 100 } });
    const reopened = applyItemChanges(complete, [{ key: keyOf("HTTP"), change: { state: "NOT_STARTED" } }], NOW);
    expect(reopened.assignment).toMatchObject({ status: "ACTIVE", progress: { done: 4, percent: 80 } });
    const archived = applyItemChanges({ ...almost, assignment: { ...almost.assignment, status: "ARCHIVED" } }, [{ key: keyOf("Paths"), change: { state: "DONE" } }], NOW);
    expect(archived.assignment.status).toBe("ARCHIVED");
  });

  it("changes a note or links without touching the state, as the server stores them", () => {
    const detail = detailOf({ progress: [progressRow("Scope", "IN_PROGRESS")] });
    const noted = applyItemChanges(detail, [{ key: keyOf("Scope"), change: { note: "  closures!  " } }], NOW);
    expect(itemRowOf(noted, keyOf("Scope"))).toMatchObject({ state: "IN_PROGRESS", note: "closures!" });
    const linked = applyItemChanges(noted, [{ key: keyOf("Scope"), change: { links: [{ url: "https://example.test/pr/1" }] } }], NOW);
    expect(itemRowOf(linked, keyOf("Scope"))).toMatchObject({ state: "IN_PROGRESS", note: "closures!", links: [{ url: "https://example.test/pr/1" }] });
    const cleared = applyItemChanges(linked, [{ key: keyOf("Scope"), change: { note: "   " } }], NOW);
    expect(itemRowOf(cleared, keyOf("Scope"))?.note).toBeNull();
  });

  it("drops the reason when an item leaves not applicable, and starts an archived row afresh", () => {
    const na = progressRow("Types", "NOT_APPLICABLE");
    expect(changedItem(na, na.stableKey, { state: "NOT_STARTED" }, NOW)).toMatchObject({ state: "NOT_STARTED", notApplicableReason: null });
    const old = progressRow("Types", "DONE", { archived: true, note: "old" });
    expect(changedItem(old, old.stableKey, { note: "new" }, NOW)).toMatchObject({ state: "NOT_STARTED", note: "new", archived: false });
  });

  it("writes the server's rows back, or removes a row to leave the item not started", () => {
    const optimistic = applyItemChanges(detailOf(), [{ key: keyOf("Types"), change: { state: "DONE" } }], NOW);
    const restored = withItems(optimistic, new Map([[keyOf("Types"), null]]));
    expect(itemRowOf(restored, keyOf("Types"))).toBeUndefined();
    expect(restored.assignment.progress).toMatchObject({ done: 0, percent: 0 });
    const stored = progressRow("Types", "DONE", { updatedAt: "2026-02-03T04:05:07.000Z" });
    expect(itemRowOf(withItems(optimistic, new Map([[stored.stableKey, stored]])), stored.stableKey)).toEqual(stored);
    expect(withItems(optimistic, new Map())).toBe(optimistic);
  });

  it("tells a server answer that only confirms the screen (a new updatedAt) from one that changes it", () => {
    const shown = progressRow("Types", "DONE", { links: [{ url: "https://example.test/a" }] });
    expect(sameItem(shown, { ...shown, updatedAt: "2030-01-01T00:00:00.000Z", links: [{ url: "https://example.test/a" }] })).toBe(true);
    expect(sameItem(shown, { ...shown, state: "IN_PROGRESS" })).toBe(false);
    expect(sameItem(shown, { ...shown, note: "n" })).toBe(false);
    expect(sameItem(shown, { ...shown, links: [{ title: "PR", url: "https://example.test/a" }] })).toBe(false);
    expect(sameItem(shown, null)).toBe(false);
    expect(sameItem(undefined, null)).toBe(true);
  });
});
