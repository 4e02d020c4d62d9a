import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { describeAssignFailure } from "./assign-errors";

const NAMES: Record<string, string> = { u1: "Ada Lovelace", u2: "Grace Hopper" };
const nameOf = (id: string) => NAMES[id] ?? "someone no longer listed";

describe("describeAssignFailure", () => {
  it("names the people of a 409 with the assignment each already has", () => {
    const error = new ApiError(409, "CONFLICT", "2 people already have an active assignment of this track; nothing was assigned.", {}, "req", {
      conflicts: [
        { assigneeId: "u1", assignmentId: "a1" },
        { assigneeId: "u9", assignmentId: "a9" },
      ],
    });
    expect(describeAssignFailure(error, nameOf)).toEqual({
      fields: {},
      message: "2 people already have an active assignment of this track; nothing was assigned.",
      conflicts: [
        { userId: "u1", name: "Ada Lovelace", assignmentId: "a1" },
        { userId: "u9", name: "someone no longer listed", assignmentId: "a9" },
      ],
    });
  });

  it("puts 422 messages next to their fields, array entries included, and names refused people", () => {
    const error = new ApiError(422, "VALIDATION_FAILED", "Mentors are active members with the Mentor, Admin or Owner role.", { mentorIds: "Mentors are active members with the Mentor, Admin or Owner role." }, "req", {
      userIds: ["u2"],
    });
    expect(describeAssignFailure(error, nameOf)).toEqual({ fields: { mentorIds: "Mentors are active members with the Mentor, Admin or Owner role. (Grace Hopper)" }, message: null, conflicts: [] });

    const many = new ApiError(422, "VALIDATION_FAILED", "Invalid input", { "assigneeIds.3": "Too long", dueDate: "The due date is on or after the start date.", versionNumber: "Version 4 is not a published version of this track." }, "req");
    expect(describeAssignFailure(many, nameOf).fields).toEqual({ assigneeIds: "Too long", dueDate: "The due date is on or after the start date.", trackId: "Version 4 is not a published version of this track." });
  });

  it("keeps what belongs to no field for the top of the form", () => {
    const header = new ApiError(422, "VALIDATION_FAILED", "An Idempotency-Key is 8 to 128 letters", { "header.Idempotency-Key": "An Idempotency-Key is 8 to 128 letters" }, "req");
    expect(describeAssignFailure(header, nameOf)).toEqual({ fields: {}, message: "An Idempotency-Key is 8 to 128 letters", conflicts: [] });
    const forbidden = new ApiError(403, "FORBIDDEN", "You do not have permission to do this.", {}, "req");
    expect(describeAssignFailure(forbidden, nameOf).message).toBe("You do not have permission to do this.");
    expect(describeAssignFailure(new TypeError("boom"), nameOf).message).toBe("Something went wrong. Try again.");
  });
});
