/**
 * Every log line written inside a recorded span names its trace and span (the pino
 * mixin, lib/observability/trace-log-fields.ts); lines outside any span name none.
 */
import { describe, expect, it } from "vitest";
import { getLogger } from "@/lib/observability/logger";
import { activeTraceIds, inSpan } from "@/lib/observability/trace-context";
import { captureLogs } from "../support/capture-logs";

const logs = captureLogs();

describe("trace ids in log lines", () => {
  it("adds trace_id and span_id inside a span, of the innermost span, and nothing outside", async () => {
    getLogger().info("before any span");
    const ids = await inSpan("outer", async () => {
      const outer = activeTraceIds()!;
      getLogger().child({ component: "test" }).info("in the outer span");
      const inner = await inSpan("inner", async () => {
        getLogger().warn("in the inner span");
        return activeTraceIds()!;
      });
      return { outer, inner };
    });
    const [before, outer, inner] = logs.lines();
    expect(before).not.toHaveProperty("trace_id");
    expect(before).not.toHaveProperty("span_id");
    expect(outer).toMatchObject({ msg: "in the outer span", component: "test", trace_id: ids.outer.traceId, span_id: ids.outer.spanId });
    expect(inner).toMatchObject({ msg: "in the inner span", trace_id: ids.outer.traceId, span_id: ids.inner.spanId });
    expect(ids.inner.spanId).not.toBe(ids.outer.spanId);
  });
});
