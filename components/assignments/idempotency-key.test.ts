import { describe, expect, it } from "vitest";
import { newIdempotencyKey, submissionKeys } from "./idempotency-key";

describe("submissionKeys", () => {
  it("reuses the key while the same body is sent again, and makes a new one when the body changes", () => {
    let made = 0;
    const keyFor = submissionKeys(() => `key-${++made}`);
    const first = keyFor({ trackId: "t", assigneeIds: ["a"] });
    expect(keyFor({ trackId: "t", assigneeIds: ["a"] })).toBe(first);
    const second = keyFor({ trackId: "t", assigneeIds: ["a", "b"] });
    expect(second).not.toBe(first);
    // Only the last submission is remembered: going back to an earlier body is a new submission.
    expect(keyFor({ trackId: "t", assigneeIds: ["a"] })).toBe("key-3");
  });

  it("makes keys the server accepts", () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
