/**
 * The one logger: pino JSON lines in production (one object per line, ready for
 * any log shipper), pretty in development. Secrets never reach a log line:
 * cookies, authorization headers, passwords, tokens and keys are redacted.
 */
import { createRequire } from "node:module";
import pino from "pino";
import type { Logger } from "pino";
import { getConfig } from "@/lib/config";

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

function createLogger(): Logger {
  const config = getConfig();
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: "cairn" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (config.logFormat === "pretty") {
    // pino-pretty is a development dependency; load it only when asked for, synchronously,
    // so that log lines are not lost to a worker thread at shutdown.
    const pretty = createRequire(import.meta.url)("pino-pretty") as (opts: object) => pino.DestinationStream;
    return pino(options, pretty({ sync: true, singleLine: true, ignore: "pid,hostname,service", translateTime: "HH:MM:ss.l" }));
  }
  return pino(options);
}

const globalForLogger = globalThis as unknown as { __cairnLogger?: Logger };

export function getLogger(): Logger {
  globalForLogger.__cairnLogger ??= createLogger();
  return globalForLogger.__cairnLogger;
}
