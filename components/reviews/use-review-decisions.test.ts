import { describe, expect, it } from "vitest";
import { fitsKeepalive } from "./use-review-decisions";

describe("fitsKeepalive", () => {
  it("lets an approval or a usual comment go as a request that outlives the page", () => {
    expect(fitsKeepalive({ decision: "APPROVE" })).toBe(true);
    expect(fitsKeepalive({ decision: "REQUEST_CHANGES", comment: "Add a test for the empty list.".repeat(100) })).toBe(true);
  });

  it("counts bytes, not characters: the longest comment the server takes (20,000) in Chinese is too big for keepalive", () => {
    expect(fitsKeepalive({ decision: "REQUEST_CHANGES", comment: "x".repeat(20_000) })).toBe(true);
    expect(fitsKeepalive({ decision: "REQUEST_CHANGES", comment: "界".repeat(20_000) })).toBe(false);
  });
});
