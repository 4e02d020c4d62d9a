/**
 * Cairn's own spans and trace ids, on @opentelemetry/api only (docs/decisions/0023-traces.md).
 * The API finds the SDK through globalThis, so these work the same from server.ts's
 * module graph and from route handlers that Next.js bundles separately; with no SDK
 * started (no OTLP endpoint) every span here is the API's non-recording one and no
 * id is reported.
 */
import { context, INVALID_SPAN_CONTEXT, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Attributes, Context, Link, Span, SpanContext } from "@opentelemetry/api";
import { getTracing } from "./tracing-config";

export const TRACER_NAME = "cairn";
const tracer = () => trace.getTracer(TRACER_NAME);
/** With tracing off, `fn` runs with this span and no context switch: ~0.1 µs instead of the API's ~4 µs no-op span. */
const OFF_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
const tracingOff = () => getTracing() === null;

export interface SpanOptions {
  attributes?: Attributes;
  kind?: SpanKind;
  /** The parent; the active context when absent. */
  parent?: Context;
  links?: Link[];
}

/**
 * `fn` inside a span named `name` (the active span while it runs): ended when `fn`
 * settles, marked as an error (with the exception recorded) when it throws.
 */
export function inSpan<T>(name: string, fn: (span: Span) => Promise<T>, options: SpanOptions = {}): Promise<T> {
  if (tracingOff()) return fn(OFF_SPAN);
  const { parent, ...spanOptions } = options;
  return tracer().startActiveSpan(name, spanOptions, parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The synchronous twin of inSpan (the socket emit). */
export function inSpanSync<T>(name: string, fn: (span: Span) => T, options: SpanOptions = {}): T {
  if (tracingOff()) return fn(OFF_SPAN);
  const { parent, ...spanOptions } = options;
  return tracer().startActiveSpan(name, spanOptions, parent ?? context.active(), (span) => {
    try {
      return fn(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

function recordFailure(span: Span, error: unknown) {
  // An AppError (a 4xx the gate answers) is the caller's mistake, not the server's: its code is enough.
  const code = (error as { code?: unknown; status?: unknown } | null)?.code;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number" && status < 500 && typeof code === "string") {
    span.setAttribute("cairn.error.code", code);
    return;
  }
  span.recordException(error instanceof Error ? error : new Error(String(error)));
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** The active span's ids, when a trace is being recorded (else null). */
export function activeTraceIds(active: Context = context.active()): { traceId: string; spanId: string } | null {
  const spanContext: SpanContext | undefined = trace.getSpanContext(active);
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return null;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

/** The W3C `traceparent` (and `tracestate`) of the active context: {} when no trace is active. */
export function traceCarrier(active: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  if (activeTraceIds(active)) propagation.inject(active, carrier);
  return carrier;
}

/** The active context's `traceparent`, or null (what an Event row stores). */
export function activeTraceParent(): string | null {
  return traceCarrier().traceparent ?? null;
}

/** A context whose parent is the span a carrier names; the root context for an empty or unreadable one. */
export function contextFromCarrier(carrier: Record<string, unknown> | null | undefined): Context {
  if (!carrier || typeof carrier.traceparent !== "string") return ROOT_CONTEXT;
  const text: Record<string, string> = { traceparent: carrier.traceparent };
  if (typeof carrier.tracestate === "string") text.tracestate = carrier.tracestate;
  return propagation.extract(ROOT_CONTEXT, text);
}

/**
 * The route gate's span: a route handler runs inside `${method} ${route}`, named by
 * the route template, never the raw path (ids, tokens). In the server it hangs under
 * the HTTP server span and Next.js's own spans; when a test calls the handler
 * directly it is the root.
 */
export function traceRoute<Args extends [Request, ...unknown[]]>(route: string, handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return (...args) =>
    inSpan(`${args[0].method} ${route}`, async (span) => {
      const response = await handler(...args);
      span.setAttribute("http.response.status_code", response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    }, { attributes: { "http.route": route, "http.request.method": args[0].method } });
}

export { SpanKind };
