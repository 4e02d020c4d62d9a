import { describe, expect, it } from "vitest";
import { changeSummary } from "./upgrade-api";

describe("changeSummary", () => {
  it("names only what changed, in words, and never calls added nodes items (they may be topics)", () => {
    expect(changeSummary({ added: 3, removed: 1, renamed: 0, moved: 0 })).toBe("3 added, 1 removed");
    expect(changeSummary({ added: 1, removed: 0, renamed: 2, moved: 1 })).toBe("1 added, 2 renamed, 1 moved");
    expect(changeSummary({ added: 0, removed: 0, renamed: 0, moved: 0 })).toBe("no changes to the outline");
  });
});
