/**
 * For test files whose code sends email: a fake Resend server, the app configured
 * to send through it, and a job queue with workers in this file's database.
 * Registers its own hooks; call once at the top level of a test file.
 */
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startFakeResend } from "./fake-resend";
import type { FakeResend } from "./fake-resend";
import { startTestJobQueue, stopTestJobQueue } from "./job-queue";

export function useEmailDelivery(): { readonly fake: FakeResend; readonly queue: JobQueue } {
  let fake: FakeResend | undefined;
  let queue: JobQueue | undefined;

  beforeAll(async () => {
    fake = await startFakeResend();
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = fake.url;
    resetConfig();
    queue = await startTestJobQueue();
  });

  afterEach(() => fake?.clear());

  afterAll(async () => {
    await stopTestJobQueue(queue);
    await fake?.stop();
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    resetConfig();
  });

  return {
    get fake() {
      if (!fake) throw new Error("useEmailDelivery: the fake Resend server starts in beforeAll");
      return fake;
    },
    get queue() {
      if (!queue) throw new Error("useEmailDelivery: the job queue starts in beforeAll");
      return queue;
    },
  };
}

/**
 * Every table (ours and pg-boss's) holding a row whose text contains `needle`:
 * proves a secret is stored nowhere in clear. `expectTables` guards against a
 * scan that silently reads nothing.
 */
export async function tablesContaining(needle: string, expectTables: string[]): Promise<string[]> {
  const db = getDb();
  const tables = await db.$queryRawUnsafe<Array<{ schema: string; name: string }>>(
    `select table_schema::text as schema, table_name::text as name from information_schema.tables
      where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'`,
  );
  expect(tables.map((table) => `${table.schema}.${table.name}`)).toEqual(expect.arrayContaining(expectTables));
  const hits: string[] = [];
  for (const { schema, name } of tables) {
    const [row] = await db.$queryRawUnsafe<Array<{ n: number }>>(`select count(*)::int as n from "${schema}"."${name}" t where strpos(t::text, $1) > 0`, needle);
    if (row!.n > 0) hits.push(`${schema}.${name}`);
  }
  return hits;
}
