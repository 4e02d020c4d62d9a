/**
 * Progress benchmark (issue 5, "Speed"):
 * 1. One-item progress writes through Cairn's PUT route under load, against a
 *    bare node:http + pg upsert baseline, both driven by autocannon with the same
 *    settings in the same run (target: Cairn ≥ 0.5× the baseline's throughput,
 *    p99 ≤ 50 ms at that load).
 * 2. GET of an assignment of the 703-item seed with its progress (target ≤ 30 ms).
 *
 *   npm run bench:progress          (or: npx tsx bench/progress-writes.ts)
 *
 * Knobs: BENCH_CONNECTIONS (default 16), BENCH_SECONDS (default 10), BENCH_HIRES
 * (assignments the writes are spread over, default 20), BENCH_ITERATIONS (GET
 * samples, default 30), BENCH_CPU_PROF (a directory for a CPU profile of the
 * servers), BENCH_IDEMPOTENCY=1 (also measure the same writes each carrying a fresh
 * Idempotency-Key, decision 0025). Figures only; see bench/README.md.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import readline from "node:readline";
import autocannon from "autocannon";
import { assignedHires, itemWrite } from "./support/assigned-hires";
import type { AssignedHires } from "./support/assigned-hires";
import { ROOT, loadAverageLine, runBenchmark, setBenchEnvironment, startBenchDatabase, whole as count } from "./support/bench-database";

setBenchEnvironment();

const CONNECTIONS = count("BENCH_CONNECTIONS", 16);
const SECONDS = count("BENCH_SECONDS", 10);
const ITERATIONS = count("BENCH_ITERATIONS", 30);
const HIRES = count("BENCH_HIRES", 20);
const WITH_IDEMPOTENCY = process.env.BENCH_IDEMPOTENCY === "1";

type Setup = AssignedHires;

/** The hires, and the baseline's own table. */
async function setUp(): Promise<Setup> {
  const { getDb } = await import("../lib/db/client");
  const setup = await assignedHires(HIRES);
  await getDb().$executeRawUnsafe(
    "CREATE TABLE bench_progress (assignment_id text NOT NULL, key text NOT NULL, state text NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (assignment_id, key))",
  );
  return setup;
}

async function startServers(databaseUrl: string): Promise<{ ports: { cairn: number; baseline: number; baselineTx: number }; stop: () => void }> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the servers' process there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(ROOT, "bench/support/progress-write-servers.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bench servers exited with ${code}`)));
    readline.createInterface({ input: child.stdout }).once("line", resolve);
  });
  return { ports: JSON.parse(line) as { cairn: number; baseline: number; baselineTx: number }, stop: () => child.kill("SIGTERM") };
}

/**
 * Spreads the writes over the hires (a hire's own writes take turns on their
 * assignment's row) and toggles each leaf DONE ⇄ NOT_STARTED in turn: every
 * request is a real write, and every transition is allowed.
 */
async function load(port: number, setup: Setup, idempotencyKeys = false): Promise<autocannon.Result> {
  let next = 0;
  const run = Math.random().toString(36).slice(2, 10);
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "PUT",
        setupRequest: (request) => {
          const write = itemWrite(setup, next++);
          const headers = idempotencyKeys ? { ...write.headers, "idempotency-key": `bench-${run}-${next}` } : write.headers;
          return { ...request, path: write.path, headers, body: write.body };
        },
      },
    ],
  });
}

function describe(name: string, result: autocannon.Result): string {
  const errors = result.errors + result.timeouts + result.non2xx;
  return `${name.padEnd(10)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p97.5 ${String(result.latency.p97_5).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   max ${String(result.latency.max).padStart(5)} ms   ${result.requests.total} requests, ${errors} failed`;
}

async function main(): Promise<void> {
  console.log("Starting PostgreSQL…");
  const database = await startBenchDatabase();
  let servers: Awaited<ReturnType<typeof startServers>> | undefined;
  try {
    const setup = await setUp();
    servers = await startServers(database.databaseUrl);
    const loadBefore = os.loadavg();

    // A short warm-up of each (JIT, pools), then the measured runs.
    console.log(`Load: ${CONNECTIONS} connections, ${SECONDS} s each, over ${setup.hires.length} hires' assignments, ${setup.leafKeys.length} items each toggled in turn.\n`);
    const cairn = await load(servers.ports.cairn, setup).then(() => load(servers!.ports.cairn, setup));
    const baseline = await load(servers.ports.baseline, setup).then(() => load(servers!.ports.baseline, setup));
    const baselineTx = await load(servers.ports.baselineTx, setup).then(() => load(servers!.ports.baselineTx, setup));
    console.log(describe("cairn", cairn));
    console.log(describe("baseline", baseline));
    console.log(describe("bare tx", baselineTx));
    if (WITH_IDEMPOTENCY) {
      const keyed = await load(servers.ports.cairn, setup, true).then(() => load(servers!.ports.cairn, setup, true));
      console.log(describe("cairn+key", keyed));
      console.log(`Cairn with an Idempotency-Key / without: ${(keyed.requests.average / cairn.requests.average).toFixed(2)}`);
    }
    const ratio = cairn.requests.average / baseline.requests.average;
    console.log(`\nCairn / baseline throughput: ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? "met" : "MISSED"}); Cairn p99 ${cairn.latency.p99} ms (target ≤ 50: ${cairn.latency.p99 <= 50 ? "met" : "MISSED"})`);
    console.log(`Cairn / bare transaction: ${(cairn.requests.average / baselineTx.requests.average).toFixed(2)}; bare transaction / baseline: ${(baselineTx.requests.average / baseline.requests.average).toFixed(2)}`);

    // 2. GET the assignment with its tree and progress, in this process like bench/tracks.ts.
    const { getAssignment } = await import("../tests/assignments/assignments-fixture");
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS + 3; i++) {
      const started = performance.now();
      const { status } = await getAssignment(setup.slug, setup.hires[0]!.cookie, setup.hires[0]!.assignmentId);
      if (status !== 200) throw new Error(`GET answered ${status}`);
      if (i >= 3) samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(1);
    const { getDb } = await import("../lib/db/client");
    const rows = await getDb().itemProgress.count({ where: { assignmentId: setup.hires[0]!.assignmentId } });
    console.log(`\nGET /assignments/{id} (718 nodes, ${rows} progress rows): min ${samples[0]!.toFixed(1)} / p50 ${at(50)} / p95 ${at(95)} / max ${samples.at(-1)!.toFixed(1)} ms over ${ITERATIONS} calls (target ≤ 30 ms)`);
    console.log(`\n${await loadAverageLine(loadBefore)}`);
  } finally {
    servers?.stop();
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
    await database.stop();
  }
}

runBenchmark(main);
