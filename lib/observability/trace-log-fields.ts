/**
 * The pino mixin that ties log lines to traces: inside a recorded span, every line
 * carries `trace_id` and `span_id` (OpenTelemetry's names for log correlation);
 * outside one (or with tracing off) it adds nothing.
 */
import { activeTraceIds } from "./trace-context";

export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const ids = activeTraceIds();
  return ids ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}
