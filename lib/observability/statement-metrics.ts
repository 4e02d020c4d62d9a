/**
 * Database statement durations by operation name (cairn_db_statement_duration_seconds):
 * - every Prisma operation, through a client extension: "Assignment.findMany",
 *   "$transaction" is not one (its statements are), raw queries are "$queryRaw",
 *   "$executeRaw" or "$queryRawUnsafe" (the latter also for lib/db/sql.ts statements run
 *   inside a Prisma transaction, and for pg-boss's enqueue in one);
 * - the plain-SQL statements of lib/db/sql.ts on the pool, by the name their caller gives
 *   ("session.authenticate"), "sql" when unnamed, and "sql.begin"/"sql.commit" for
 *   withTransaction's own statements.
 * The hot path stays cheap: a histogram child per name is made once and reused, so a
 * statement costs two clock reads, a Map lookup and an observe (decision 0022).
 */
import { getMetrics } from "./metrics";

type Observer = { observe(seconds: number): void };
type Incrementer = { inc(): void };

const durations = new Map<string, Observer>();
const errors = new Map<string, Incrementer>();

/** Records one statement that started at `startedMs` (performance.now()) and has just ended. */
export function observeStatement(operation: string, startedMs: number, failed = false): void {
  const seconds = (performance.now() - startedMs) / 1000;
  let child = durations.get(operation);
  if (!child) durations.set(operation, (child = getMetrics().dbStatementDuration.labels(operation)));
  child.observe(seconds);
  if (failed) {
    let counter = errors.get(operation);
    if (!counter) errors.set(operation, (counter = getMetrics().dbStatementErrors.labels(operation)));
    counter.inc();
  }
}

/** Runs a statement and records its duration under `operation`. */
export async function timedStatement<T>(operation: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await run();
    observeStatement(operation, started);
    return result;
  } catch (error) {
    observeStatement(operation, started, true);
    throw error;
  }
}

interface OperationInput {
  model?: string;
  operation: string;
  args: unknown;
  query: (args: unknown) => Promise<unknown>;
}

/**
 * The Prisma client extension that times every operation. Model and operation names
 * come from the schema and Prisma's API, so the label values are bounded. The names are
 * built once per pair (the cache), not per call.
 */
const operationNames = new Map<string, Map<string, string>>();
function operationName(model: string | undefined, operation: string): string {
  if (!model) return operation;
  let byOperation = operationNames.get(model);
  if (!byOperation) operationNames.set(model, (byOperation = new Map()));
  let name = byOperation.get(operation);
  if (!name) byOperation.set(operation, (name = `${model}.${operation}`));
  return name;
}

export const statementMetricsExtension = {
  name: "cairn-statement-metrics",
  query: {
    async $allOperations({ model, operation, args, query }: OperationInput) {
      return timedStatement(operationName(model, operation), () => query(args));
    },
  },
};
