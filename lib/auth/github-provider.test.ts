import { describe, expect, it } from "vitest";
import { verifiedPrimaryEmail } from "./github-provider";

describe("verifiedPrimaryEmail (GitHub's /user/emails)", () => {
  it("picks the primary address only when GitHub marks it verified", () => {
    expect(
      verifiedPrimaryEmail([
        { email: "old@example.test", primary: false, verified: true },
        { email: "main@example.test", primary: true, verified: true },
      ]),
    ).toBe("main@example.test");
    // A verified secondary address does not stand in for an unverified primary one.
    expect(
      verifiedPrimaryEmail([
        { email: "main@example.test", primary: true, verified: false },
        { email: "other@example.test", primary: false, verified: true },
      ]),
    ).toBeNull();
  });

  it("answers null for an error body or an empty list", () => {
    expect(verifiedPrimaryEmail({ message: "Requires authentication" })).toBeNull();
    expect(verifiedPrimaryEmail([])).toBeNull();
    expect(verifiedPrimaryEmail([null, { primary: true, verified: true }])).toBeNull();
  });
});
