/**
 * The time budgets of the application's database connections (the pool under
 * Prisma and the plain SQL of lib/db/sql.ts), so a request never waits longer
 * than its budget for a dead or hung database (docs/decisions/0024-failure-behaviour.md):
 * - connecting, or waiting for a free pooled connection: `connectionTimeoutMillis`;
 * - one statement: PostgreSQL's `statement_timeout` (57014 when spent);
 * - one lock (a row another transaction holds): `lock_timeout` (55P03 when spent);
 * - an answer from a server or network that hung mid-statement: the client's `query_timeout`.
 * The two timeouts are sent in each connection's start-up packet, so they hold on
 * every pooled connection and inside every transaction, Prisma's and plain SQL's,
 * with no extra round trip. Migrations (the Prisma CLI), pg-boss and the event relay
 * open connections of their own and are not bound by them. Work that legitimately
 * needs longer for one statement belongs on a connection of its own too (a job), not on
 * this pool: `SET LOCAL statement_timeout` would lift the server's limit but not the
 * client's guard. Bulk writes (a cohort's assignments, a bulk approval) are many short
 * statements inside a transaction whose own limit is Prisma's (30 s there): each
 * statement stays well inside the budget. lib/db/database-failure.ts turns a spent
 * budget into a 503.
 */
import type pg from "pg";

export interface ConnectionBudget {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
}

/** lib/config.ts's defaults, for pools made outside the app (scripts, tests). */
export const DEFAULT_CONNECTION_BUDGET: ConnectionBudget = { connectTimeoutMs: 5_000, statementTimeoutMs: 5_000, lockTimeoutMs: 2_000 };

export function connectionBudgetFrom(config: { DB_CONNECT_TIMEOUT_MS: number; DB_STATEMENT_TIMEOUT_MS: number; DB_LOCK_TIMEOUT_MS: number }): ConnectionBudget {
  return { connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS, lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS };
}

/**
 * The pg.Pool options that enforce `budget`. PostgreSQL enforces the statement budget
 * itself; `query_timeout` is the client's own guard for when the server or the network
 * hangs and no cancellation can come back: a little past the statement budget, so the
 * server's 57014 normally arrives first.
 */
export function poolBudgetOptions(budget: ConnectionBudget): Pick<pg.PoolConfig, "connectionTimeoutMillis" | "statement_timeout" | "lock_timeout" | "query_timeout"> {
  return {
    connectionTimeoutMillis: budget.connectTimeoutMs,
    statement_timeout: budget.statementTimeoutMs,
    lock_timeout: budget.lockTimeoutMs,
    query_timeout: budget.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
  };
}

/** How much longer than the statement budget the client waits for a hung server. */
export const QUERY_TIMEOUT_MARGIN_MS = 1_000;

/**
 * A connection whose statement outlived the client's `query_timeout` is left with that
 * statement pending (pg does not end it), and a transaction's ROLLBACK then fails on it;
 * Prisma does not give a connection back to the pool when its ROLLBACK fails, so with a
 * dead peer the pool would lose that connection for good (and, once all are lost, answer
 * nothing but connect timeouts). Such a connection is handed back at once as broken,
 * which ends it: the pool opens a fresh one. Its later release (if any) does nothing.
 * (pool.query already discards a client whose query failed.)
 */
export function abandonHungConnections(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const checkedOut = client as pg.PoolClient;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) {
        // A side branch: the caller still gets (and handles) the original rejection.
        result.catch((error: unknown) => {
          if (!(error instanceof Error) || error.message !== QUERY_READ_TIMEOUT) return;
          const release = checkedOut.release;
          checkedOut.release = () => undefined;
          // With an error, the pool removes the client and ends its connection.
          release?.call(checkedOut, error);
        });
      }
      return result;
    }) as typeof client.query;
  });
}

/** pg's message when `query_timeout` expires. */
const QUERY_READ_TIMEOUT = "Query read timeout";
