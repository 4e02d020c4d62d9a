/**
 * Which failures mean "the database is unavailable or over its time budget" rather
 * than "Cairn has a bug": those are answered 503 SERVICE_UNAVAILABLE with a
 * Retry-After (the request did nothing wrong and will work again), never the 500
 * INTERNAL a bug gets. The same errors arrive in several shapes, so each is read:
 * - pg and pg-pool: a socket error code (ECONNREFUSED…), a SQLSTATE (57014 when
 *   statement_timeout cancelled the statement, 55P03 when lock_timeout gave up, 57P0x
 *   when the server is shutting down, 08xxx connection failures, 53300 too many
 *   connections), or only a message ("Connection terminated unexpectedly", "timeout
 *   exceeded when trying to connect");
 * - Prisma: P1001/P1002/P1008/P1017/P2024/P2037, or a P2010 raw-query failure, with
 *   the adapter's error under `meta.driverAdapterError.cause` (its `kind`:
 *   DatabaseNotReachable, ConnectionClosed, SocketTimeout, TooManyConnections, or
 *   "postgres" with the SQLSTATE);
 * - any of those wrapped as another error's `cause`.
 */
import { AppError } from "@/lib/http/errors";

export type DatabaseFailureKind = "unreachable" | "timeout";

/** How long a client should wait before trying again. */
export const RETRY_AFTER_SECONDS: Record<DatabaseFailureKind, number> = {
  // A restart or a failover takes seconds.
  unreachable: 5,
  // The budget was spent behind a lock or a slow statement: the next try may well pass.
  timeout: 2,
};

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_UNREACHABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** statement_timeout (57014 query_canceled) and lock_timeout (55P03 lock_not_available). */
const SQLSTATE_TIMEOUT = new Set(["57014", "55P03"]);
/** Shutting down, cannot connect now, too many connections; class 08 is connection exceptions. */
const SQLSTATE_UNREACHABLE = /^(57P0[1-4]|53300|08...)$/;
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection is closed/i,
  // pg's query_timeout (lib/db/connection-budget.ts): the server or the network hung mid-statement.
  /Query read timeout/i,
  /server closed the connection/i,
];
const TIMEOUT_MESSAGES = [/canceling statement due to (statement|lock) timeout/i, /could not obtain lock/i];

/** What kind of database failure `error` is, or null when it is not one. */
export function classifyDatabaseFailure(error: unknown, depth = 0): DatabaseFailureKind | null {
  if (depth > 5 || typeof error !== "object" || error === null) return null;
  // An AppError is an answer a service chose (a 404, a 409): never reinterpret it.
  if (error instanceof AppError) return null;
  const record = error as { code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown; errors?: unknown; originalCode?: unknown };
  const code = typeof record.code === "string" ? record.code : undefined;
  for (const sqlState of [code, typeof record.originalCode === "string" ? record.originalCode : undefined]) {
    if (sqlState && SQLSTATE_TIMEOUT.has(sqlState)) return "timeout";
    if (sqlState && /^[0-9A-Z]{5}$/.test(sqlState) && SQLSTATE_UNREACHABLE.test(sqlState)) return "unreachable";
  }
  if (code && (SOCKET_CODES.has(code) || PRISMA_UNREACHABLE.has(code))) return "unreachable";
  if (typeof record.kind === "string" && ADAPTER_UNREACHABLE.has(record.kind)) return "unreachable";

  const adapterCause = (record.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError?.cause;
  for (const inner of [adapterCause, record.cause, ...(Array.isArray(record.errors) ? record.errors : [])]) {
    const kind = classifyDatabaseFailure(inner, depth + 1);
    if (kind) return kind;
  }
  const message = typeof record.message === "string" ? record.message : "";
  if (TIMEOUT_MESSAGES.some((pattern) => pattern.test(message))) return "timeout";
  if (UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return "unreachable";
  return null;
}

/** The 503 to answer for `error`, or null when it is not a database failure (a bug stays a 500). */
export function databaseUnavailable(error: unknown): AppError | null {
  const kind = classifyDatabaseFailure(error);
  if (!kind) return null;
  const message =
    kind === "timeout"
      ? "The database is busy and this request ran out of time. Try again in a moment."
      : "The database is temporarily unavailable. Try again in a moment.";
  return new AppError("SERVICE_UNAVAILABLE", message, { retryAfterSeconds: RETRY_AFTER_SECONDS[kind] });
}
