import { describe, expect, it } from "vitest";
import { ancestorsOf, buildRoadmapModel, effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { detailOf, keyOf, progressRow } from "./test-detail";

describe("the roadmap model", () => {
  it("links parents by stable key and knows depths, leaves, subtrees and sections", () => {
    const detail = detailOf();
    const model = buildRoadmapModel(detail.nodes, []);
    const node = (title: string) => model.nodes[model.indexOf.get(keyOf(title))!]!;
    expect(node("Types")).toMatchObject({ parentKey: keyOf("Variables"), depth: 2, leaf: true, sectionKey: keyOf("Basics") });
    expect(node("Variables")).toMatchObject({ depth: 1, leaf: false, childCount: 2 });
    // Basics spans Variables, Types, Scope and Loops: the nodes at indexes 1..4.
    expect(node("Basics")).toMatchObject({ end: 5, leaf: false });
    expect(node("Empty")).toMatchObject({ end: 10, childCount: 0, leaf: false });
    expect(ancestorsOf(model, keyOf("Paths"))).toEqual([keyOf("Routing"), keyOf("Web")]);
  });

  it("marks a skipped branch and everything under it", () => {
    const model = buildRoadmapModel(detailOf().nodes, [keyOf("Variables")]);
    const skipped = model.nodes.filter((node) => node.skipped).map((node) => node.title);
    expect(skipped).toEqual(["Variables", "Types", "Scope"]);
  });

  it("is built once per version and reused while only progress changes", () => {
    const detail = detailOf();
    const model = roadmapModelOf(detail);
    const changed: typeof detail = { ...detail, progress: [progressRow("Types", "DONE")] };
    expect(roadmapModelOf(changed)).toBe(model);
    expect(roadmapModelOf({ ...detail, assignment: { ...detail.assignment, skippedKeys: [keyOf("Web")] } })).not.toBe(model);
  });

  it("reads states as the server counts them: archived rows are left out", () => {
    const states = statesOf([progressRow("Types", "DONE"), progressRow("Scope", "IN_PROGRESS", { archived: true })]);
    expect([...states]).toEqual([[keyOf("Types"), "DONE"]]);
  });

  it("shows skipped first, then not applicable (an item's own, or one above it), then the item's state", () => {
    const detail = detailOf({ skippedKeys: [keyOf("Routing")] });
    const model = roadmapModelOf(detail);
    const states = statesOf([progressRow("Variables", "NOT_APPLICABLE"), progressRow("Types", "DONE"), progressRow("Paths", "DONE"), progressRow("HTTP", "IN_PROGRESS")]);
    const effective = effectiveStates(model, states);
    const of = (title: string) => effective[model.indexOf.get(keyOf(title))!];
    expect(of("Variables")).toBe("NOT_APPLICABLE");
    expect(of("Types")).toBe("NOT_APPLICABLE");
    expect(of("Loops")).toBe("NOT_STARTED");
    expect(of("HTTP")).toBe("IN_PROGRESS");
    expect(of("Routing")).toBe("SKIPPED");
    expect(of("Paths")).toBe("SKIPPED");
  });
});
