import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { shouldRetryWrite, writeRetryDelay } from "./assignment-api";

describe("retrying a write", () => {
  it("happens for a lost connection or a server failure, a few times, never for a 4xx answer", () => {
    const network = new ApiError(0, "NETWORK", "offline", {});
    expect(shouldRetryWrite(0, network)).toBe(true);
    expect(shouldRetryWrite(2, new ApiError(503, "UNAVAILABLE", "down", {}))).toBe(true);
    expect(shouldRetryWrite(3, network)).toBe(false);
    for (const status of [400, 403, 404, 409, 422, 429]) expect(shouldRetryWrite(0, new ApiError(status, "X", "no", {})), String(status)).toBe(false);
    expect(shouldRetryWrite(0, new Error("a bug"))).toBe(false);
  });

  it("waits longer each time, within bounds", () => {
    expect(writeRetryDelay(0)).toBeGreaterThanOrEqual(375);
    expect(writeRetryDelay(0)).toBeLessThanOrEqual(625);
    expect(writeRetryDelay(2)).toBeGreaterThanOrEqual(1500);
    expect(writeRetryDelay(10)).toBeLessThanOrEqual(10_000);
  });
});
