/**
 * Progress benchmark (issue 5's "Speed", with the write targets issue 17 restated):
 * 1. One-item progress writes through Cairn's PUT route under load, against a
 *    bare node:http + pg upsert baseline and a bare transaction of the same
 *    semantics (lock, upsert, Event row with its gap-free sequence, commit), all
 *    driven by autocannon with the same settings in the same run. Targets (#17):
 *    Cairn ≥ 0.6× the bare transaction's throughput at 16 connections, and
 *    p99 ≤ 50 ms at 200 writes/s open-loop (the live-push benchmark's load).
 * 2. GET of an assignment of the 703-item seed with its progress (target ≤ 30 ms).
 *
 *   npm run bench:progress          (or: npx tsx bench/progress-writes.ts)
 *
 * Knobs: BENCH_CONNECTIONS (default 16), BENCH_SECONDS (default 10), BENCH_RATE
 * (the open-loop run's writes per second, default 200), BENCH_HIRES
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
import { cpuPerRequest, sampleCpu } from "./support/cpu-accounting";
import { openLoop, percentile } from "./support/open-loop";
import { ROOT, loadAverageLine, runBenchmark, setBenchEnvironment, startBenchDatabase, whole as count } from "./support/bench-database";

setBenchEnvironment();

const CONNECTIONS = count("BENCH_CONNECTIONS", 16);
const SECONDS = count("BENCH_SECONDS", 10);
const ITERATIONS = count("BENCH_ITERATIONS", 30);
const HIRES = count("BENCH_HIRES", 20);
const RATE = count("BENCH_RATE", 200);
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

async function startServers(databaseUrl: string): Promise<{ ports: { cairn: number; baseline: number; baselineTx: number }; pid: number; stop: () => void }> {
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
  return { ports: JSON.parse(line) as { cairn: number; baseline: number; baselineTx: number }, pid: child.pid!, stop: () => child.kill("SIGTERM") };
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

/** Every process of the benchmark's PostgreSQL server: its backends (the pools' connections) and its own workers. */
async function postgresPids(): Promise<number[]> {
  const { getDb } = await import("../lib/db/client");
  return (await getDb().$queryRawUnsafe<Array<{ pid: number }>>("SELECT pid FROM pg_stat_activity")).map((row) => row.pid);
}

/** A warm-up run, then the measured one with the CPU it cost per request. */
async function measured(serversPid: number, run: () => Promise<autocannon.Result>): Promise<{ result: autocannon.Result; cpu: ReturnType<typeof cpuPerRequest> }> {
  await run();
  const pids = await postgresPids();
  const before = sampleCpu(serversPid, pids);
  const result = await run();
  return { result, cpu: cpuPerRequest(before, sampleCpu(serversPid, pids), result.requests.total) };
}

function describe(name: string, result: autocannon.Result): string {
  const errors = result.errors + result.timeouts + result.non2xx;
  // Which answers failed, by status ("409×3"), so a failure says what it was.
  const codes = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith("2")).map(([code, stat]) => `${code}×${stat.count}`);
  return `${name.padEnd(13)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p97.5 ${String(result.latency.p97_5).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   max ${String(result.latency.max).padStart(5)} ms   ${result.requests.total} requests, ${errors} failed${codes.length > 0 ? ` (${codes.join(", ")})` : ""}`;
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
    const stop = servers;
    const cairnRun = await measured(stop.pid, () => load(stop.ports.cairn, setup));
    const baselineRun = await measured(stop.pid, () => load(stop.ports.baseline, setup));
    const bareRun = await measured(stop.pid, () => load(stop.ports.baselineTx, setup));
    const [cairn, baseline, baselineTx] = [cairnRun.result, baselineRun.result, bareRun.result];
    console.log(`${describe("cairn", cairn)}\n${"".padEnd(14)}${cairnRun.cpu.line}`);
    console.log(`${describe("baseline", baseline)}\n${"".padEnd(14)}${baselineRun.cpu.line}`);
    console.log(`${describe("bare tx", baselineTx)}\n${"".padEnd(14)}${bareRun.cpu.line}`);
    if (WITH_IDEMPOTENCY) {
      const keyed = await load(servers.ports.cairn, setup, true).then(() => load(servers!.ports.cairn, setup, true));
      console.log(describe("cairn+key", keyed));
      console.log(`Cairn with an Idempotency-Key / without: ${(keyed.requests.average / cairn.requests.average).toFixed(2)}`);
    }
    // The open-loop run: writes sent at a fixed rate whatever the answers' speed (issue 17's latency target).
    const cairnUrl = `http://127.0.0.1:${servers.ports.cairn}`;
    await openLoop(cairnUrl, setup, RATE, 3, 1_000_000);
    const paced = await openLoop(cairnUrl, setup, RATE, SECONDS, 2_000_000);
    const failures = [...paced.failed].map(([why, count]) => `${why}×${count}`).join(", ");
    const ms = (p: number) => percentile(paced.latencies, p).toFixed(0).padStart(4);
    console.log(
      `${`cairn@${RATE}/s`.padEnd(13)} ${paced.rate.toFixed(0).padStart(7)} req/s   p50 ${ms(50)} ms   p97.5 ${ms(97.5)} ms   p99 ${ms(99)} ms   max ${ms(100).padStart(5)} ms   ${paced.sent} requests, ${paced.sent - paced.latencies.length} failed${failures ? ` (${failures})` : ""}`,
    );
    const ratio = cairn.requests.average / baselineTx.requests.average;
    console.log(`\nCairn / bare transaction at ${CONNECTIONS} connections: ${ratio.toFixed(2)} (target ≥ 0.6: ${ratio >= 0.6 ? "met" : "MISSED"})`);
    console.log(`CPU per write, bare transaction / Cairn: ${(bareRun.cpu.total / cairnRun.cpu.total).toFixed(2)} (the throughput ratio a saturated machine tends to, whatever else runs)`);
    const p99 = percentile(paced.latencies, 99);
    console.log(`Cairn p99 at ${RATE} writes/s open-loop: ${p99.toFixed(0)} ms (target ≤ 50: ${p99 <= 50 && paced.failed.size === 0 ? "met" : "MISSED"})`);
    console.log(`For issue 5's figures: Cairn / baseline ${(cairn.requests.average / baseline.requests.average).toFixed(2)}; bare transaction / baseline ${(baselineTx.requests.average / baseline.requests.average).toFixed(2)}; Cairn p99 at ${CONNECTIONS} connections ${cairn.latency.p99} ms`);

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
