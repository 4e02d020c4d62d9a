import { describe, expect, it } from "vitest";
import { dueText, formatDay } from "./due-date";

describe("due dates", () => {
  it("are calendar days, the same in every time zone", () => {
    expect(formatDay("2026-12-01")).toBe("Dec 1, 2026");
  });

  it("say overdue in words for an active assignment past its day", () => {
    expect(dueText({ dueDate: "2026-03-02", overdue: true, status: "ACTIVE" })).toEqual({ text: "Overdue: was due Mar 2, 2026", overdue: true });
    expect(dueText({ dueDate: "2026-03-02", overdue: true, status: "COMPLETED" })).toEqual({ text: "Due Mar 2, 2026", overdue: false });
    expect(dueText({ dueDate: "2026-03-02", overdue: false, status: "ACTIVE" })).toEqual({ text: "Due Mar 2, 2026", overdue: false });
    expect(dueText({ dueDate: null, overdue: false, status: "ACTIVE" })).toBeNull();
  });
});
