/**
 * The spans a test file's process records (tests/setup/tracing.ts starts the SDK with
 * this exporter), and how to read them as traces.
 */
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";

const globalForSpans = globalThis as unknown as { __cairnTestSpans?: InMemorySpanExporter };
export const recordedSpans = (globalForSpans.__cairnTestSpans ??= new InMemorySpanExporter());

export const traceIdOf = (span: ReadableSpan) => span.spanContext().traceId;
export const spanIdOf = (span: ReadableSpan) => span.spanContext().spanId;

/** The finished spans named `name` (a string: exactly; a RegExp: matching). */
export function spansNamed(name: string | RegExp, spans = recordedSpans.getFinishedSpans()): ReadableSpan[] {
  return spans.filter((span) => (typeof name === "string" ? span.name === name : name.test(span.name)));
}

/** `span`'s ancestors' names, nearest first, as far as they were recorded. */
export function ancestry(span: ReadableSpan, spans = recordedSpans.getFinishedSpans()): string[] {
  const byId = new Map(spans.map((each) => [spanIdOf(each), each]));
  const names: string[] = [];
  for (let parent = byId.get(span.parentSpanContext?.spanId ?? ""); parent; parent = byId.get(parent.parentSpanContext?.spanId ?? "")) names.push(parent.name);
  return names;
}
