/**
 * The one logger: pino JSON lines in production (one object per line, ready for
 * any log shipper), pretty in development. Secrets never reach a log line:
 * cookies, authorization headers, passwords, tokens and keys are redacted, and a
 * `url` or `path` field goes through redactUrl (tokens in links). Request lines name
 * the route template (/api/v1/invitations/{token}), never the raw path.
 */
import { createRequire } from "node:module";
import pino from "pino";
import type { Logger } from "pino";
import { getConfig } from "@/lib/config";
import { redactUrl } from "./redact-url";
import { traceLogFields } from "./trace-log-fields";

export type { Logger };

export const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  "headers.cookie",
  "headers.authorization",
  "cookie",
  "authorization",
  "password",
  "passwordHash",
  "token",
  "secret",
  "apiKey",
  "*.password",
  "*.passwordHash",
  "*.token",
  "*.secret",
  "*.apiKey",
  "*.cookie",
  "*.authorization",
];

const redactedUrl = (value: unknown) => (typeof value === "string" ? redactUrl(value) : value);

/**
 * A logger with Cairn's options. `destination` (tests capture lines with it) writes JSON
 * lines there at `level`; without it, the configured level and format.
 */
export function createLogger({ destination, level }: { destination?: pino.DestinationStream; level?: pino.LevelWithSilent } = {}): Logger {
  const config = getConfig();
  const options: pino.LoggerOptions = {
    level: level ?? config.LOG_LEVEL,
    base: { service: "cairn" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { url: redactedUrl, path: redactedUrl },
    timestamp: pino.stdTimeFunctions.isoTime,
    // trace_id and span_id of the active span, on every line written inside a trace.
    mixin: traceLogFields,
  };
  if (destination) return pino(options, destination);
  if (config.logFormat === "pretty") {
    // pino-pretty is a development dependency; load it only when asked for, synchronously,
    // so that log lines are not lost to a worker thread at shutdown.
    const pretty = createRequire(import.meta.url)("pino-pretty") as (opts: object) => pino.DestinationStream;
    return pino(options, pretty({ sync: true, singleLine: true, ignore: "pid,hostname,service", translateTime: "HH:MM:ss.l" }));
  }
  return pino(options);
}

const globalForLogger = globalThis as unknown as { __cairnLogger?: Logger };

/** Replaces the process's logger (tests that read log lines); null goes back to the configured one. */
export function setLogger(logger: Logger | null): void {
  globalForLogger.__cairnLogger = logger ?? undefined;
}

export function getLogger(): Logger {
  globalForLogger.__cairnLogger ??= createLogger();
  return globalForLogger.__cairnLogger;
}
