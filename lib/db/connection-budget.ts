/**
 * The time budgets of the application's database connections (the pool under
 * Prisma and the plain SQL of lib/db/sql.ts), so a request never waits longer
 * than its budget for a dead or hung database (docs/decisions/0024-failure-behaviour.md):
 * - connecting, or waiting for a free pooled connection: `connectionTimeoutMillis`;
 * - one statement: PostgreSQL's `statement_timeout` (57014 when spent);
 * - one lock (a row another transaction holds): `lock_timeout` (55P03 when spent).
 * The two timeouts are sent in each connection's start-up packet, so they hold on
 * every pooled connection and inside every transaction, Prisma's and plain SQL's,
 * with no extra round trip. Migrations (the Prisma CLI), pg-boss and the event relay
 * open connections of their own and are not bound by them; a statement that is
 * known to need longer can raise its own with `SET LOCAL statement_timeout` in its
 * transaction. lib/db/database-failure.ts turns a spent budget into a 503.
 */
import type pg from "pg";

export interface ConnectionBudget {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
}

/** lib/config.ts's defaults, for pools made outside the app (scripts, tests). */
export const DEFAULT_CONNECTION_BUDGET: ConnectionBudget = { connectTimeoutMs: 3_000, statementTimeoutMs: 5_000, lockTimeoutMs: 2_000 };

export function connectionBudgetFrom(config: { DB_CONNECT_TIMEOUT_MS: number; DB_STATEMENT_TIMEOUT_MS: number; DB_LOCK_TIMEOUT_MS: number }): ConnectionBudget {
  return { connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS, lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS };
}

/** The pg.Pool options that enforce `budget`. */
export function poolBudgetOptions(budget: ConnectionBudget): Pick<pg.PoolConfig, "connectionTimeoutMillis" | "statement_timeout" | "lock_timeout"> {
  return { connectionTimeoutMillis: budget.connectTimeoutMs, statement_timeout: budget.statementTimeoutMs, lock_timeout: budget.lockTimeoutMs };
}
