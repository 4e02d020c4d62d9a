/**
 * With tracing off (no SDK: the unit project never starts one) Cairn's spans cost a
 * function call, name no trace, and change nothing about what they wrap.
 */
import { describe, expect, it } from "vitest";
import { errorEnvelope } from "@/lib/http/envelope";
import { forbidden } from "@/lib/http/errors";
import { activeTraceIds, activeTraceParent, inSpan, inSpanSync, traceCarrier } from "./trace-context";
import { traceLogFields } from "./trace-log-fields";

describe("spans with tracing off", () => {
  it("run what they wrap, with its result and its errors, and report no trace anywhere", async () => {
    const inside = await inSpan("off", async (span) => ({ recording: span.isRecording(), ids: activeTraceIds(), carrier: traceCarrier(), parent: activeTraceParent(), log: traceLogFields(), envelope: errorEnvelope(forbidden(), "req-1") }));
    expect(inside).toEqual({ recording: false, ids: null, carrier: {}, parent: null, log: {}, envelope: { error: { code: "FORBIDDEN", message: expect.any(String), requestId: "req-1" } } });
    await expect(inSpan("off", async () => Promise.reject(new Error("kept")))).rejects.toThrow("kept");
    expect(inSpanSync("off", () => 42)).toBe(42);
    expect(() => inSpanSync("off", () => {
      throw new Error("also kept");
    })).toThrow("also kept");
  });
});
