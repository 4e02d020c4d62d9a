import { describe, expect, it } from "vitest";
import { orderMyAssignments } from "./my-assignments-order";

const a = (id: string, status: "ACTIVE" | "COMPLETED" | "ARCHIVED", dueDate: string | null = null, overdue = false) => ({ id, status, dueDate, overdue });

describe("the hire's list", () => {
  it("puts overdue work first, then active work by due date (undated last), then completed, keeping the API's order otherwise", () => {
    const ordered = orderMyAssignments([
      a("done", "COMPLETED", "2026-01-01"),
      a("undated", "ACTIVE"),
      a("later", "ACTIVE", "2026-09-01"),
      a("late", "ACTIVE", "2026-01-15", true),
      a("sooner", "ACTIVE", "2026-05-01"),
      a("undated-older", "ACTIVE"),
    ]);
    expect(ordered.map((item) => item.id)).toEqual(["late", "sooner", "later", "undated", "undated-older", "done"]);
  });
});
