/**
 * The app's database behind a proxy the test cuts, hangs and restores (db-proxy.ts), for
 * the tests of the database failing (decision 0024). `databaseBehindProxy()` registers
 * the file's hooks: start the proxy; after each test restore it and point the app back at
 * the file's own database; close it at the end. `useDatabase` points the app's pool at a
 * URL (the proxy's) with other time budgets, as a restart with that environment would.
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import { resetConfig } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { startDbProxy } from "./db-proxy";
import type { DbProxy } from "./db-proxy";

const BUDGET_ENV = ["DB_CONNECT_TIMEOUT_MS", "DB_STATEMENT_TIMEOUT_MS", "DB_LOCK_TIMEOUT_MS"] as const;
export type DatabaseBudget = Partial<Record<(typeof BUDGET_ENV)[number], string>>;

export async function useDatabase(url: string, budget: DatabaseBudget = {}): Promise<void> {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  for (const name of BUDGET_ENV) {
    if (budget[name] === undefined) delete process.env[name];
    else process.env[name] = budget[name];
  }
  resetConfig();
}

export function databaseBehindProxy(): { readonly proxy: DbProxy; readonly fileDatabaseUrl: string } {
  const fileDatabaseUrl = process.env.DATABASE_URL!;
  let proxy: DbProxy | undefined;
  beforeAll(async () => {
    proxy = await startDbProxy(fileDatabaseUrl);
  });
  afterEach(async () => {
    await proxy?.restore();
    await useDatabase(fileDatabaseUrl);
  });
  afterAll(async () => {
    await proxy?.close();
  });
  return {
    get proxy() {
      if (!proxy) throw new Error("the database proxy starts in beforeAll");
      return proxy;
    },
    fileDatabaseUrl,
  };
}
