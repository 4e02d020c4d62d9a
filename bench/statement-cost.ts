/**
 * What each statement of one progress write costs PostgreSQL, unnamed (parsed
 * and planned on every run) and prepared (named: parsed and planned once per
 * connection, lib/db/prepared-statements.ts). It measures the CPU of the one
 * backend that runs them (/proc/<pid>/stat), not wall time, so the figure holds
 * on a machine busy with other work. Decision 0036.
 *
 *   npx tsx bench/statement-cost.ts          (BENCH_ITERATIONS, default 1500 runs of each)
 *
 * The statements are the real ones: a progress write goes through the PUT route
 * while pg's Client#query is watched, then the session check and the locking
 * read are replayed with the same values (the write itself inserts rows, so it
 * is left out).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type PgModule from "pg";
import { assignedHires } from "./support/assigned-hires";
import { runBenchmark, setBenchEnvironment, startBenchDatabase, whole } from "./support/bench-database";

setBenchEnvironment();
// The pg the app loads (CommonJS): its Client is the one the pool's connections are made of.
const pg = createRequire(import.meta.url)("pg") as typeof PgModule;
const ITERATIONS = whole("BENCH_ITERATIONS", 1500);

/** CPU (user + system) of a process so far, in ms: ticks of 10 ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// Watched before any connection is made: the pool wraps each client's query when it connects.
let watched: Array<{ text: string; values: unknown[] }> | null = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: InstanceType<typeof pg.Client>, ...args: unknown[]) {
  const first = args[0] as { text: string; values?: unknown[] } | string;
  watched?.push(typeof first === "string" ? { text: first, values: [] } : { text: first.text, values: first.values ?? [] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function main(): Promise<void> {
  const database = await startBenchDatabase();
  try {
    const setup = await assignedHires(1);
    const { updateItem } = await import("../tests/assignments/assignments-fixture");
    const hire = setup.hires[0]!;
    watched = [];
    const { status } = await updateItem(setup.slug, hire.cookie, hire.assignmentId, setup.leafKeys[0]!, { state: "DONE" });
    const statements = watched.filter((statement) => /^\s*SELECT/.test(statement.text));
    watched = null;
    if (status !== 200) throw new Error(`the write answered ${status}`);

    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    console.log(`Backend CPU per statement over ${ITERATIONS} runs each (ms; ticks of 10 ms):\n`);
    for (const [index, statement] of statements.entries()) {
      const cost: string[] = [];
      for (const name of [undefined, `bench_${index}`]) {
        const before = cpuMs(backend);
        for (let i = 0; i < ITERATIONS; i++) await client.query({ text: statement.text, values: statement.values, name });
        cost.push(((cpuMs(backend) - before) / ITERATIONS).toFixed(3));
      }
      console.log(`unnamed ${cost[0]}   prepared ${cost[1]}   ${statement.text.replace(/\s+/g, " ").trim().slice(0, 90)}…`);
    }
    await client.end();
  } finally {
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
    await database.stop();
  }
}

runBenchmark(main);
