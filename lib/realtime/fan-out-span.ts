/**
 * The socket emit's span (docs/decisions/0023-traces.md). The relay emits an event
 * when PostgreSQL's NOTIFY arrives after the commit, on the relay's own connection:
 * no request is active then, and the request's span has usually ended. So the
 * writer's context travels with the row (Event.traceParent, written in the same
 * statement as the event) and the emit span is its child: one trace runs from the
 * HTTP request through the gate, the transaction and its statements to the emit,
 * which is where a reader looks when a change reached a browser late (or never).
 * An event written outside a trace (tracing off, a script) emits without a span.
 */
import { SpanKind } from "@opentelemetry/api";
import { contextFromCarrier, inSpanSync } from "@/lib/observability/trace-context";

interface TracedEvent {
  organizationId: string;
  type: string;
  sequence: bigint | number | string;
  traceParent: string | null;
}

export function inEmitSpan<T>(event: TracedEvent, emit: () => T): T {
  if (!event.traceParent) return emit();
  return inSpanSync(`event.emit ${event.type}`, emit, {
    kind: SpanKind.PRODUCER,
    parent: contextFromCarrier({ traceparent: event.traceParent }),
    attributes: { "messaging.system": "socket.io", "messaging.operation.type": "send", "cairn.event.type": event.type, "cairn.event.sequence": String(event.sequence), "cairn.organization.id": event.organizationId },
  });
}
