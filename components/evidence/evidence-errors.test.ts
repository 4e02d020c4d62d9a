import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { describeReviewFailure, describeSubmitFailure } from "./evidence-errors";

const invalid = (fieldErrors: Record<string, string>, details: Record<string, unknown> = {}) => new ApiError(422, "VALIDATION_FAILED", "The request is not valid.", fieldErrors, "r1", details);

describe("describeSubmitFailure", () => {
  it("puts each 422 message next to its field", () => {
    expect(describeSubmitFailure(invalid({ link: "Use an http(s) address.", note: "Keep the note under 20,000 characters." }))).toEqual({
      fields: { link: "Use an http(s) address.", note: "Keep the note under 20,000 characters." },
      message: null,
      stale: false,
    });
  });

  it("keeps messages about no field (or the item) above the form", () => {
    expect(describeSubmitFailure(invalid({ "params.key": "Sections take no evidence of their own; submit it on an item." }))).toEqual({
      fields: {},
      message: "Sections take no evidence of their own; submit it on an item.",
      stale: false,
    });
    expect(describeSubmitFailure(invalid({})).message).toBe("The request is not valid.");
  });

  it("puts a refused file (422) and files too large (413) next to the files", () => {
    expect(describeSubmitFailure(invalid({ files: "report.pdf is not an allowed file type: its content is an executable." })).fields).toEqual({
      files: "report.pdf is not an allowed file type: its content is an executable.",
    });
    expect(describeSubmitFailure(new ApiError(413, "PAYLOAD_TOO_LARGE", "big.zip is larger than 10 MiB.", {}))).toEqual({ fields: { files: "big.zip is larger than 10 MiB." }, message: null, stale: false });
  });

  it("marks a 409 as stale: an attempt already waits or is approved", () => {
    const failure = describeSubmitFailure(new ApiError(409, "CONFLICT", "Attempt 1 is waiting for review.", {}));
    expect(failure).toEqual({ fields: {}, message: "Attempt 1 is waiting for review.", stale: true });
  });

  it("says something useful for anything else", () => {
    expect(describeSubmitFailure(new Error("boom")).message).toBe("Something went wrong. Try again.");
    expect(describeSubmitFailure(new ApiError(0, "NETWORK", "Could not reach Cairn.", {})).message).toBe("Could not reach Cairn.");
  });
});

describe("describeReviewFailure", () => {
  it("shows a comment problem by the comment", () => {
    expect(describeReviewFailure(invalid({ comment: "Say what should change." }))).toEqual({ comment: "Say what should change.", message: null, stale: false });
  });

  it("treats an attempt reviewed meanwhile as stale", () => {
    const said = "Attempt 2 was already approved; only a waiting attempt is reviewed.";
    const error = new ApiError(422, "VALIDATION_FAILED", said, { decision: said }, "r1", { status: "APPROVED", allowed: [] });
    expect(describeReviewFailure(error)).toEqual({ comment: null, message: said, stale: true });
    expect(describeReviewFailure(new ApiError(404, "NOT_FOUND", "attempt not found", {})).stale).toBe(true);
  });

  it("passes a refusal on as it came", () => {
    expect(describeReviewFailure(new ApiError(403, "FORBIDDEN", "You cannot review your own submission.", {}))).toEqual({
      comment: null,
      message: "You cannot review your own submission.",
      stale: false,
    });
  });
});
