/**
 * Whether this process traces, from the standard OTEL_* variables, and the running
 * SDK's handle: kept apart from tracing.ts so that deciding "off" loads nothing of
 * the SDK (its packages take about 250 ms to load).
 */

export interface Tracing {
  /** Exports what is buffered and stops (shutdown). */
  shutdown(): Promise<void>;
}

/** Where spans go; null when tracing is off (no endpoint, or OTEL_SDK_DISABLED=true). */
export function tracingTarget(env: Readonly<Record<string, string | undefined>>): { endpoint: string; protocol: "http/protobuf" | "http/json" } | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return null;
  const endpoint = (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT)?.trim();
  if (!endpoint) return null;
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim();
  if (protocol && protocol !== "http/protobuf" && protocol !== "http/json") {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol}: Cairn exports traces over http/protobuf (the default) or http/json`);
  }
  return { endpoint, protocol: protocol === "http/json" ? "http/json" : "http/protobuf" };
}

const globalForTracing = globalThis as unknown as { __cairnTracing?: Tracing };

/** The running SDK, or null when tracing is off (server.ts flushes it at shutdown). */
export function getTracing(): Tracing | null {
  return globalForTracing.__cairnTracing ?? null;
}

export function setTracing(tracing: Tracing | null): void {
  globalForTracing.__cairnTracing = tracing ?? undefined;
}
