/**
 * Plain SQL where Prisma's client costs more than the statement: the session
 * check, the membership check and the progress write run on every request or
 * click, and the Prisma client runtime (its query compiler runs even for raw
 * SQL) was most of their CPU (bench/README.md, docs/decisions/0010-hot-path-sql.md).
 *
 * `sql` builds a parameterized statement; a `SqlRunner` runs it either on the
 * process's pg pool (or one of its clients, in `withTransaction`) or inside a
 * Prisma transaction, so helpers such as recordEvents serve both kinds of caller.
 * Write SQL that gives the same JavaScript types on both: cast counts to int
 * (a bigint is a string in pg and a BigInt in Prisma).
 */
import pg from "pg";
import { timedStatement } from "@/lib/observability/statement-metrics";
import { inSpan } from "@/lib/observability/trace-context";
import type { DbClient } from "./client";
import { getPool } from "./client";
import { preparedName } from "./prepared-statements";

const STATEMENT = Symbol("statement");

export interface Statement {
  text: string;
  values: unknown[];
  /** Marks what `sql` made, so only those are embedded as SQL (any other value is bound). */
  readonly [STATEMENT]: true;
}

/**
 * sql`… ${value} …` → `… $1 …` with the value bound, never spliced into the text.
 * A value that is itself a statement made by `sql` is embedded as SQL, its
 * parameters renumbered after the ones before it: a step shared by two writes
 * (the assignment's counts) can run alone or inside another statement's CTE.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let text = strings[0]!;
  const bound: unknown[] = [];
  values.forEach((value, index) => {
    if (isStatement(value)) {
      const offset = bound.length;
      text += value.text.replace(/\$(\d+)/g, (_, number: string) => `$${Number(number) + offset}`);
      bound.push(...value.values);
    } else {
      bound.push(value);
      text += `$${bound.length}`;
    }
    text += strings[index + 1];
  });
  return { text, values: bound, [STATEMENT]: true };
}

function isStatement(value: unknown): value is Statement {
  return typeof value === "object" && value !== null && (value as Statement)[STATEMENT] === true;
}

export interface SqlRunner {
  /**
   * `name` labels the statement's duration metric (cairn_db_statement_duration_seconds):
   * a fixed word for what it does ("session.authenticate"), never data. Inside a Prisma
   * transaction the client's own metrics name it "$queryRawUnsafe" instead.
   */
  rows<T>(statement: Statement, name?: string): Promise<T[]>;
  /** Whether its statements run in one transaction (withTransaction's), or each on its own (the pool's). */
  readonly inTransaction: boolean;
}

const TIMESTAMP_OID = 1114;
// Prisma stores DateTime as UTC in `timestamp(3)` (without time zone); pg would read it as local time.
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
/** pg type parsers that read Prisma's zone-less timestamps as UTC (for queries made outside pgRunner). */
export const utcTimestampTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export function pgRunner(client: pg.Pool | pg.PoolClient, inTransaction = false): SqlRunner {
  return {
    inTransaction,
    async rows<T>(statement: Statement, name = "sql") {
      // Named, so each connection parses and plans the statement once (prepared-statements.ts).
      const query = { name: preparedName(statement.text), text: statement.text, values: statement.values, types: utcTimestampTypes };
      const result = await timedStatement(name, () => client.query(query));
      return result.rows as T[];
    },
  };
}

/** Statements through a Prisma client or transaction; it cannot tell which, so say `inTransaction` where it matters (lib/assignments/update-item.ts). */
export function prismaRunner(db: DbClient, inTransaction = false): SqlRunner {
  return {
    inTransaction,
    rows<T>(statement: Statement) {
      return db.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
    },
  };
}

/** One statement on the pool, outside any transaction; `name` labels its duration metric. */
export function queryRows<T>(statement: Statement, name?: string): Promise<T[]> {
  return pgRunner(getPool()).rows<T>(statement, name);
}

/**
 * `fn` in one transaction on one pooled connection: committed when it returns,
 * rolled back when it throws (the error is rethrown). A connection whose
 * ROLLBACK failed is discarded rather than returned to the pool.
 */
export function withTransaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
  // One span from BEGIN to COMMIT (or ROLLBACK), the statements' spans under it (docs/decisions/0023-traces.md).
  return inSpan("db.transaction", () => runTransaction(fn), { attributes: { "db.system.name": "postgresql" } });
}

async function runTransaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    await timedStatement("sql.begin", () => client.query("BEGIN"));
    const result = await fn(pgRunner(client, true));
    await timedStatement("sql.commit", () => client.query("COMMIT"));
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
