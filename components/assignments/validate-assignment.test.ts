import { describe, expect, it } from "vitest";
import { assignmentBody, validateAssignment } from "./validate-assignment";
import type { AssignmentDraft } from "./validate-assignment";

const READY: AssignmentDraft = { trackId: "ct1", versionNumber: 2, versionState: "known", assigneeIds: ["u1", "u2"], mentorIds: ["m1"], startDate: "2026-03-02", dueDate: "2026-06-01" };

describe("validateAssignment", () => {
  it("passes a complete draft", () => {
    expect(validateAssignment(READY)).toEqual({});
  });

  it("says what is missing, in the server's words", () => {
    expect(validateAssignment({ ...READY, trackId: "", assigneeIds: [], mentorIds: [], startDate: "" })).toEqual({
      trackId: "Choose a track.",
      assigneeIds: "Choose at least one person.",
      mentorIds: "Choose at least one mentor.",
      startDate: "Use a date like 2026-12-01.",
    });
  });

  it("refuses a track with no published version, and waits for one still loading", () => {
    expect(validateAssignment({ ...READY, versionNumber: null }).trackId).toBe("This track has no published version yet; publish it first.");
    expect(validateAssignment({ ...READY, versionNumber: null, versionState: "loading" }).trackId).toBe("The track is still loading.");
    expect(validateAssignment({ ...READY, versionNumber: null, versionState: "failed" }).trackId).toBe("The track could not be loaded; choose it again or reload the page.");
  });

  it("wants the due date on or after the start date, or none", () => {
    expect(validateAssignment({ ...READY, dueDate: "2026-03-01" }).dueDate).toBe("The due date is on or after the start date.");
    expect(validateAssignment({ ...READY, dueDate: "2026-03-02" })).toEqual({});
    expect(validateAssignment({ ...READY, dueDate: "" })).toEqual({});
  });
});

describe("assignmentBody", () => {
  it("sends the chosen version and skips, and leaves out an empty due date", () => {
    expect(assignmentBody(READY, ["k1"])).toEqual({ trackId: "ct1", versionNumber: 2, assigneeIds: ["u1", "u2"], mentorIds: ["m1"], startDate: "2026-03-02", dueDate: "2026-06-01", skippedKeys: ["k1"] });
    expect(assignmentBody({ ...READY, dueDate: "" }, [])).not.toHaveProperty("dueDate");
  });
});
