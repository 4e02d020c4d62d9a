import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { classifyDatabaseFailure, databaseUnavailable } from "./database-failure";

/** A pg DatabaseError as the driver builds it. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "ERROR" });
/** Prisma's known request error, with the adapter's error under meta. */
const prismaError = (code: string, cause?: unknown) => Object.assign(new Error(`Invalid invocation (${code})`), { code, meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : {} });

describe("classifyDatabaseFailure", () => {
  it.each([
    ["pg: connection refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["pg: connection reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["pg: terminated", new Error("Connection terminated unexpectedly")],
    ["pg-pool: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["pg: query_timeout (hung mid-statement)", new Error("Query read timeout")],
    ["pg: server shutting down", pgError("57P01", "terminating connection due to administrator command")],
    ["pg: cannot connect now", pgError("57P03", "the database system is starting up")],
    ["pg: too many connections", pgError("53300", "sorry, too many clients already")],
    ["pg: connection exception", pgError("08006", "connection failure")],
    ["Prisma P1001", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["Prisma P1017", prismaError("P1017")],
    ["Prisma P2024 (pool timeout)", prismaError("P2024")],
    ["Prisma raw query, adapter ConnectionClosed", prismaError("P2010", { kind: "ConnectionClosed" })],
    ["Prisma raw query, message only", new Error("Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:1`")],
    ["wrapped as a cause", new Error("sending the email failed", { cause: new Error("Connection terminated due to connection timeout") })],
  ])("%s → unreachable", (_, error) => {
    expect(classifyDatabaseFailure(error)).toBe("unreachable");
  });

  it.each([
    ["pg: statement_timeout", pgError("57014", "canceling statement due to statement timeout")],
    ["pg: lock_timeout", pgError("55P03", "canceling statement due to lock timeout")],
    ["Prisma raw query, adapter postgres 57014", prismaError("P2010", { kind: "postgres", code: "57014", originalCode: "57014", message: "canceling statement due to statement timeout" })],
    ["Prisma model query, adapter postgres 55P03", prismaError("P2034", { kind: "postgres", code: "55P03", originalCode: "55P03", message: "could not obtain lock on row" })],
  ])("%s → timeout", (_, error) => {
    expect(classifyDatabaseFailure(error)).toBe("timeout");
  });

  it.each([
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a unique violation", pgError("23505", "duplicate key value violates unique constraint")],
    ["Prisma P2002", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["an AppError the service chose", new AppError("NOT_FOUND", "No such resource.", { cause: new Error("Connection terminated") })],
    ["not an error", "Connection terminated"],
    ["null", null],
  ])("%s → not a database failure", (_, error) => {
    expect(classifyDatabaseFailure(error)).toBeNull();
  });

  it("survives a cycle of causes", () => {
    const error = new Error("outer") as Error & { cause?: unknown };
    error.cause = error;
    expect(classifyDatabaseFailure(error)).toBeNull();
  });
});

describe("databaseUnavailable", () => {
  it("is a 503 whose Retry-After suits the failure", () => {
    expect(databaseUnavailable(new Error("Connection terminated unexpectedly"))).toMatchObject({ code: "SERVICE_UNAVAILABLE", status: 503, details: { retryAfterSeconds: 5 } });
    expect(databaseUnavailable(pgError("55P03", "lock"))).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { retryAfterSeconds: 2 } });
    expect(databaseUnavailable(new Error("bug"))).toBeNull();
  });
});
