import { describe, expect, it } from "vitest";
import { buildRoadmapModel, effectiveStates, statesOf } from "./roadmap-model";
import { rowPacing } from "./row-pacing";
import { detailOf, keyOf, progressRow } from "./test-detail";

function pacingOf(options: Parameters<typeof detailOf>[0], edit: (title: string) => Partial<ReturnType<typeof detailOf>["nodes"][number]>, today: string) {
  const detail = detailOf(options);
  const nodes = detail.nodes.map((node) => ({ ...node, ...edit(node.title) }));
  const model = buildRoadmapModel(nodes, detail.assignment.skippedKeys);
  const effective = effectiveStates(model, statesOf(detail.progress));
  const pacing = rowPacing(model, effective, detail.assignment.startDate, today);
  return (title: string) => pacing[model.indexOf.get(keyOf(title))!]!;
}

describe("rowPacing (start 2026-01-01)", () => {
  const dues: Record<string, { unit: "day" | "week"; count: number }> = {
    Basics: { unit: "week", count: 1 },
    Types: { unit: "day", count: 3 },
    Scope: { unit: "week", count: 3 },
    HTTP: { unit: "day", count: 10 },
  };
  const minutes: Record<string, number> = { Types: 30, Scope: 45, Loops: 60, HTTP: 20, Paths: 90 };
  const edit = (title: string) => ({ due: dues[title] ?? null, estimatedMinutes: minutes[title] ?? null });

  it("says when open items are due, inheriting the section's earlier due, and says nothing once done", () => {
    const at = pacingOf({ progress: [progressRow("Loops", "DONE")] }, edit, "2026-01-02");
    expect(at("Types")).toMatchObject({ due: "due tomorrow", overdue: false, dueDay: "2026-01-03" });
    // Scope's own week 3 is later than its section's week 1: the section's day wins.
    expect(at("Scope")).toMatchObject({ due: "due in 5 days", dueDay: "2026-01-07" });
    expect(at("Loops")).toMatchObject({ due: null, dueDay: "2026-01-07" });
    expect(at("Basics")).toMatchObject({ due: "due in 5 days" });
    expect(at("HTTP")).toMatchObject({ due: "due in 8 days" });
    expect(at("Routing")).toMatchObject({ due: null, dueDay: null });
  });

  it("marks overdue items", () => {
    const at = pacingOf({}, edit, "2026-01-05");
    expect(at("Types")).toMatchObject({ due: "overdue by 2 days", overdue: true });
    expect(at("Basics")).toMatchObject({ due: "due in 2 days", overdue: false });
  });

  it("sums estimated minutes per branch, leaving out skipped and not applicable items", () => {
    const at = pacingOf({ progress: [progressRow("Scope", "NOT_APPLICABLE")], skippedKeys: [keyOf("Routing")] }, edit, "2026-01-01");
    expect(at("Types").minutes).toBe("about 30 min");
    expect(at("Variables").minutes).toBe("about 30 min in all");
    expect(at("Basics").minutes).toBe("about 1 h 30 min in all");
    expect(at("Web").minutes).toBe("about 20 min in all");
    expect(at("Empty").minutes).toBeNull();
  });
});
