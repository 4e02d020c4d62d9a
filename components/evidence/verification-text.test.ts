import { describe, expect, it } from "vitest";
import { verificationText } from "./verification-text";
import type { VerificationJson } from "./verification-text";

const facts = {
  kind: "pull" as const,
  repository: "acme/api",
  number: 42,
  sha: "a".repeat(40),
  title: "Loops",
  url: "https://github.com/acme/api/pull/42",
  state: "merged" as const,
  author: { login: "noah", id: 7 },
  mergedBy: { login: "lead", id: 9 },
  mergedAt: "2026-01-06T12:00:00Z",
  committedAt: null,
  checks: { summary: "passing" as const, passed: 3, failed: 0, pending: 0 },
};
const of = (extra: Partial<VerificationJson>): VerificationJson => ({ status: "VERIFIED", problem: null, message: null, facts, checkedAt: "2026-01-06T13:00:00Z", ...extra });

describe("verificationText", () => {
  it("says who merged it, when, and the checks", () => {
    expect(verificationText(of({}))).toEqual({ tone: "success", text: "Verified: merged by @lead on Jan 6, 2026, checks passing" });
    expect(verificationText(of({ facts: { ...facts, kind: "commit", state: null, mergedBy: null, mergedAt: null, committedAt: "2026-01-05T10:00:00Z" } })).text).toBe(
      "Verified: committed by @noah on Jan 5, 2026, checks passing",
    );
  });

  it("names each problem clearly", () => {
    expect(verificationText(of({ status: "WARNING", problem: "other-author", message: "authored by someone else", facts: { ...facts, author: { login: "eve", id: 1 } } }))).toEqual({
      tone: "warning",
      text: "Not verified: authored by someone else (@eve)",
    });
    expect(verificationText(of({ status: "WARNING", problem: "not-merged", message: "not merged", facts: { ...facts, state: "open", mergedBy: null, mergedAt: null } })).text).toBe(
      "Not verified: not merged (still open)",
    );
    expect(verificationText(of({ status: "WARNING", problem: "not-visible", message: "repository not visible", facts: null })).text).toBe("Not verified: repository not visible");
    expect(verificationText(of({ status: "WARNING", problem: "not-linked", message: "hire has not linked GitHub" })).text).toBe("Not verified: hire has not linked GitHub");
    expect(verificationText(of({ status: "ERROR", problem: "unavailable", message: "GitHub did not answer", facts: null }))).toEqual({ tone: "danger", text: "Could not check with GitHub: GitHub did not answer" });
    expect(verificationText(of({ status: "PENDING", facts: null })).text).toBe("Checking with GitHub…");
  });
});

describe("a refused approval of an item that needs verified evidence", () => {
  it("shows the server's reason above the review form, without calling the entry stale", async () => {
    const { ApiError } = await import("@/lib/http/api-client");
    const { describeReviewFailure } = await import("./evidence-errors");
    const message = "This item needs evidence verified on GitHub before it is approved, and GitHub says: authored by someone else. Request changes, or check again.";
    expect(describeReviewFailure(new ApiError(409, "CONFLICT", message, {}, undefined, { attemptId: "a1", verification: "WARNING" }))).toEqual({ comment: null, message, stale: false });
  });
});
