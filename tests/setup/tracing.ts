/**
 * Before each file of the "traces" project, before file-database.ts loads pg: the
 * OpenTelemetry SDK with the HTTP and pg instrumentations, recording every span in
 * memory (SimpleSpanProcessor: each span is readable as soon as it ends).
 */
import { SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { afterAll } from "vitest";
import { startTracing } from "@/lib/observability/tracing";
import { recordedSpans } from "../support/recorded-spans";

const tracing = startTracing({}, { spanProcessors: [new SimpleSpanProcessor({ exporter: recordedSpans })] });

afterAll(async () => {
  await tracing?.shutdown();
});
