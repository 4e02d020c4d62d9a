/**
 * The OpenTelemetry SDK (docs/decisions/0023-traces.md): started once per process,
 * before `pg` and `http` are loaded (register-tracing.ts is server.ts's first import),
 * and only when an OTLP endpoint is configured. Without one nothing is started: the
 * spans Cairn makes (trace-context.ts) go to @opentelemetry/api's no-op tracer, which
 * records nothing and costs a function call.
 *
 * What it traces: incoming HTTP requests (the server span every other span of a
 * request hangs from), outgoing HTTP made inside a trace (Resend), and every pg
 * statement made inside a trace, from route handlers, Prisma (its pg adapter runs on
 * the same pool) and job handlers. Statements outside any trace (pg-boss polling
 * every two seconds, the event relay's LISTEN connection) start none: they would be
 * thousands of one-span traces an hour that say nothing.
 */
import type { IncomingMessage } from "node:http";
import { context, propagation, trace } from "@opentelemetry/api";
import { OTLPTraceExporter as OtlpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace";
import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import { getTracing, setTracing, tracingTarget } from "./tracing-config";
import type { Tracing } from "./tracing-config";
import { redactUrl } from "./redact-url";

/**
 * The HTTP server span's url.path and url.query as the log lines show them: invitation,
 * reset and sign-in links carry tokens in the path or query (redact-url.ts).
 */
export function redactedUrlAttributes(request: Pick<IncomingMessage, "url">): Record<string, string> {
  const redacted = redactUrl(request.url ?? "/");
  const queryAt = redacted.indexOf("?");
  return queryAt < 0 ? { "url.path": redacted } : { "url.path": redacted.slice(0, queryAt), "url.query": redacted.slice(queryAt + 1) };
}

/** Requests whose spans would only be noise: build assets and Socket.IO's long polling. */
export function isUntracedRequest(request: Pick<IncomingMessage, "url">): boolean {
  const url = request.url ?? "";
  return url.startsWith("/_next/static/") || url.startsWith("/socket.io/") || url === "/favicon.ico";
}

/**
 * Starts the SDK when `env` names an OTLP endpoint (or `spanProcessors` are given:
 * tests use an in-memory exporter) and returns it; otherwise starts nothing and
 * returns null. A second call returns the running SDK.
 */
export function startTracing(env: Readonly<Record<string, string | undefined>> = process.env, options: { spanProcessors?: SpanProcessor[] } = {}): Tracing | null {
  const running = getTracing();
  if (running) return running;
  const target = tracingTarget(env);
  if (!target && !options.spanProcessors) return null;
  // The exporters read the endpoint (adding /v1/traces to OTEL_EXPORTER_OTLP_ENDPOINT), headers and timeout from OTEL_* themselves.
  const instrumentations = [
    new HttpInstrumentation({ ignoreIncomingRequestHook: isUntracedRequest, startIncomingSpanHook: redactedUrlAttributes, requireParentforOutgoingSpans: true }),
    new PgInstrumentation({ requireParentSpan: true }),
  ];
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || "cairn",
    spanProcessors: options.spanProcessors ?? [new BatchSpanProcessor({ exporter: target?.protocol === "http/json" ? new OtlpJsonExporter() : new OtlpProtobufExporter(), scheduledDelayMillis: exportDelay(env) })],
    // Traces only: metrics are prom-client's (/metrics) and logs are pino's JSON lines.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations,
  });
  sdk.start();
  const tracing: Tracing = {
    async shutdown() {
      setTracing(null);
      await sdk.shutdown();
      // Back to the no-op API and unpatched modules, so a later start (tests) begins clean.
      for (const instrumentation of instrumentations) instrumentation.disable();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  setTracing(tracing);
  return tracing;
}


/** OTEL_BSP_SCHEDULE_DELAY (ms between exports; the SDK's default, 5 s, when unset): the SDK reads it only for processors it makes. */
function exportDelay(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const delay = Number(env.OTEL_BSP_SCHEDULE_DELAY);
  return Number.isInteger(delay) && delay > 0 ? delay : undefined;
}
