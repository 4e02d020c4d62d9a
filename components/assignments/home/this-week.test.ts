import { describe, expect, it } from "vitest";
import { detailOf, keyOf, progressRow } from "../roadmap/test-detail";
import { dueThisWeek } from "./this-week";

function withDues(detail: ReturnType<typeof detailOf>, dues: Record<string, { unit: "day" | "week"; count: number }>, id = detail.assignment.id) {
  return { ...detail, assignment: { ...detail.assignment, id }, nodes: detail.nodes.map((node) => ({ ...node, due: dues[node.title] ?? null })) };
}

describe("dueThisWeek (start 2026-01-01)", () => {
  it("lists open items due within 7 days or overdue, soonest first, across assignments", () => {
    const a = withDues(detailOf({ progress: [progressRow("Scope", "DONE")] }), { Types: { unit: "day", count: 5 }, Scope: { unit: "day", count: 2 }, Web: { unit: "week", count: 3 } }, "a");
    const b = withDues(detailOf({ progress: [progressRow("Loops", "NOT_APPLICABLE")] }), { Basics: { unit: "day", count: 2 }, Routing: { unit: "day", count: 20 } }, "b");
    const week = dueThisWeek([a, b], "2026-01-03");
    expect(week.items.map((item) => [item.assignmentId, item.title, item.dueDay, item.due])).toEqual([
      // b's Basics section is due on day 2: its open items inherit it; Loops is not applicable.
      ["b", "Types", "2026-01-02", "overdue by 1 day"],
      ["b", "Scope", "2026-01-02", "overdue by 1 day"],
      ["a", "Types", "2026-01-05", "due in 2 days"],
    ]);
    expect(week.items[0]).toMatchObject({ key: keyOf("Types"), overdue: true, trackTitle: "Starter" });
    expect(week.more).toBe(0);
  });

  it("leaves out completed and archived assignments and skipped items", () => {
    const done = withDues(detailOf({ status: "COMPLETED" }), { Types: { unit: "day", count: 1 } });
    const skipped = withDues(detailOf({ skippedKeys: [keyOf("Basics")] }), { Types: { unit: "day", count: 1 } });
    expect(dueThisWeek([done, skipped], "2026-01-03").items).toEqual([]);
  });
});
