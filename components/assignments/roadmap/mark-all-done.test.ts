import { describe, expect, it } from "vitest";
import { markAllDoneKeys } from "./mark-all-done";
import { effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { detailOf, keyOf, progressRow } from "./test-detail";

describe("a section's Mark all done", () => {
  it("sends the counted leaves not done yet, without those that need evidence", () => {
    const model = roadmapModelOf(detailOf());
    const effective = effectiveStates(model, statesOf([progressRow("Types", "DONE")]));
    // Basics: Types is done, Loops needs evidence, Variables is a branch (its leaves count).
    expect(markAllDoneKeys(model, effective, keyOf("Basics"))).toEqual([keyOf("Scope")]);
    expect(markAllDoneKeys(model, effective, keyOf("Web"))).toEqual([keyOf("HTTP"), keyOf("Paths")]);
    expect(markAllDoneKeys(model, effective, keyOf("Empty"))).toEqual([]);
    expect(markAllDoneKeys(model, effective, "no-such-key")).toEqual([]);
  });

  it("leaves out skipped and not-applicable items, and takes those in progress", () => {
    const model = roadmapModelOf(detailOf({ skippedKeys: [keyOf("Routing")] }));
    const effective = effectiveStates(model, statesOf([progressRow("HTTP", "IN_PROGRESS"), progressRow("Variables", "NOT_APPLICABLE")]));
    expect(markAllDoneKeys(model, effective, keyOf("Web"))).toEqual([keyOf("HTTP")]);
    expect(markAllDoneKeys(model, effective, keyOf("Basics"))).toEqual([]);
  });
});
