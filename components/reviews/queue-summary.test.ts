import { describe, expect, it } from "vitest";
import { waitingSummary, waitingTotal } from "./queue-summary";

describe("waitingTotal", () => {
  it("is unknown before the first page", () => {
    expect(waitingTotal(null, 0, 0)).toBeNull();
  });

  it("takes off what this tab decided and the server still counts", () => {
    expect(waitingTotal(12, 10, 8)).toBe(10);
  });

  it("never goes below zero when the server already left them out", () => {
    expect(waitingTotal(1, 3, 0)).toBe(0);
  });
});

describe("waitingSummary", () => {
  it("says nothing for an unknown or empty queue", () => {
    expect(waitingSummary({ total: null, shown: 0, filtered: false })).toBe("");
    expect(waitingSummary({ total: 0, shown: 0, filtered: true })).toBe("");
  });

  it("counts what waits, says when filters apply, and how many are shown when not all", () => {
    expect(waitingSummary({ total: 2, shown: 2, filtered: false })).toBe("2 waiting.");
    expect(waitingSummary({ total: 30, shown: 25, filtered: true })).toBe("30 waiting with these filters, 25 shown.");
  });
});
