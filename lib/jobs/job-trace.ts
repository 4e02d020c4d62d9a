/**
 * Trace context across the job queue (docs/decisions/0023-traces.md). enqueue() puts the
 * active W3C `traceparent` in the job's data under `_trace` (pg-boss has no other
 * field for it); the worker takes it out before the payload is checked against the
 * job's schema and runs the attempt in a span that is the enqueuing span's child, so
 * an email sent for a request is found in that request's trace. Jobs enqueued outside
 * a trace (cron runs, tracing off) carry nothing and start a trace of their own.
 * A batched job (enqueueBatched) keeps the context of the send that created it.
 */
import type { Job } from "pg-boss";
import { contextFromCarrier, inSpan, SpanKind, traceCarrier } from "@/lib/observability/trace-context";

export const TRACE_KEY = "_trace";

/** The payload with the active trace context added (unchanged when no trace is active). */
export function withTraceContext(payload: object): object {
  const carrier = traceCarrier();
  return Object.keys(carrier).length === 0 ? payload : { ...payload, [TRACE_KEY]: carrier };
}

/** Runs one attempt of `raw` in its span, handing `run` the job with its data as enqueued. */
export function inJobSpan(queue: string, raw: Job<unknown>, run: (job: Job<unknown>) => Promise<void>): Promise<void> {
  const data = raw.data;
  let carrier: Record<string, unknown> | null = null;
  let job = raw;
  if (data && typeof data === "object" && TRACE_KEY in data) {
    const { [TRACE_KEY]: stored, ...rest } = data as Record<string, unknown>;
    carrier = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : null;
    job = { ...raw, data: rest };
  }
  return inSpan(`job ${queue}`, () => run(job), {
    kind: SpanKind.CONSUMER,
    parent: contextFromCarrier(carrier),
    attributes: { "messaging.system": "pg-boss", "messaging.operation.type": "process", "messaging.destination.name": queue, "messaging.message.id": raw.id, "cairn.job.attempt": raw.retryCount + 1 },
  });
}
