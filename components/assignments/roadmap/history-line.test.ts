import { describe, expect, it } from "vitest";
import { historyLine } from "./history-line";

describe("a history line", () => {
  it("names the move, and what else changed", () => {
    expect(historyLine({ from: "NOT_STARTED", to: "DONE", noteChanged: false, linksChanged: false })).toBe("Not started → Done");
    expect(historyLine({ from: "IN_PROGRESS", to: "DONE", noteChanged: true, linksChanged: false })).toBe("In progress → Done · note changed");
    expect(historyLine({ from: "DONE", to: "DONE", noteChanged: true, linksChanged: true })).toBe("Note changed · links changed");
    expect(historyLine({ from: "DONE", to: "DONE", noteChanged: false, linksChanged: false })).toBe("Done (unchanged)");
  });
});
