/**
 * Counts the SQL statements a piece of work sends. Prisma's adapter-pg sends each
 * one (BEGIN and COMMIT included) through pg.Client#query, and route handlers run
 * in the test's process, so wrapping that method sees them all.
 */
import pg from "pg";
import { JOB_QUEUE_APPLICATION } from "@/lib/jobs/job-queue";

let statements: string[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  // pg-boss's own connections (its polling and maintenance loops) run at any moment and are
  // not the counted work's; a job the work enqueues goes through the work's own connection.
  const ownJobQueue = (this as unknown as { connectionParameters?: { application_name?: string } }).connectionParameters?.application_name === JOB_QUEUE_APPLICATION;
  if (!ownJobQueue) statements?.push(typeof first === "string" ? first : String((first as { text?: unknown } | undefined)?.text ?? "?"));
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

export async function countQueries<T>(task: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  if (statements) throw new Error("countQueries does not nest");
  statements = [];
  try {
    const result = await task();
    return { result, statements };
  } finally {
    statements = null;
  }
}
