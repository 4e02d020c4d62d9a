import { describe, expect, it } from "vitest";
import { afterConnectError, backoffDelay, DEFAULT_BACKOFF } from "./reconnect-policy";

const refused = { socketWillRetry: false, attempt: 0 };

describe("afterConnectError", () => {
  it("stops only for a real sign-out or a membership that ended", () => {
    expect(afterConnectError({ code: "UNAUTHENTICATED" }, refused)).toEqual({ kind: "stop" });
    expect(afterConnectError({ code: "NOT_FOUND" }, refused)).toEqual({ kind: "stop" });
  });

  it("retries when the server says try again (the database is down), whatever else it says", () => {
    expect(afterConnectError({ code: "SERVICE_UNAVAILABLE", retry: true }, refused, DEFAULT_BACKOFF, () => 0.5)).toEqual({ kind: "retry", delayMs: 1_000 });
    expect(afterConnectError({ code: "UNAUTHENTICATED", retry: true }, refused).kind).toBe("retry");
  });

  it("retries every other refusal: a bug, an origin refusal, no code at all", () => {
    for (const data of [{ code: "INTERNAL", retry: true }, { code: "FORBIDDEN_ORIGIN" }, {}, undefined]) {
      expect(afterConnectError(data, refused).kind).toBe("retry");
    }
  });

  it("leaves a dropped connection to Socket.IO's own reconnection", () => {
    expect(afterConnectError(undefined, { socketWillRetry: true, attempt: 3 })).toEqual({ kind: "wait" });
    expect(afterConnectError({ code: "SERVICE_UNAVAILABLE", retry: true }, { socketWillRetry: true, attempt: 0 })).toEqual({ kind: "wait" });
  });

  it("backs off with each refusal", () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((attempt) => afterConnectError({ code: "SERVICE_UNAVAILABLE", retry: true }, { socketWillRetry: false, attempt }, DEFAULT_BACKOFF, () => 0.5));
    expect(delays.map((action) => (action.kind === "retry" ? action.delayMs : null))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});

describe("backoffDelay", () => {
  it("jitters within ±50%", () => {
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0)).toBe(2_000);
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0.999999)).toBe(6_000);
    expect(backoffDelay(100, DEFAULT_BACKOFF, () => 0.5)).toBe(30_000);
  });
});
