/**
 * Live events benchmark (issue 7, "Speed"):
 * 1. Push latency: BENCH_SOCKETS sockets (default 1,000: BENCH_HIRES hires, default 100,
 *    each with sockets/hires tabs open) while progress writes arrive at BENCH_RATE per
 *    second (default 200) for BENCH_SECONDS (default 10). For every socket that should
 *    hear a write: the time from the write's 2xx to the socket receiving its event
 *    (0 when the event came first: NOTIFY fires at commit, before the answer is sent).
 *    Goal p99 ≤ 50 ms. Also: events delivered / expected.
 * 2. The cost of NOTIFY on writes: autocannon, 16 connections, BENCH_LOAD_SECONDS
 *    (default 5) each, against the same route with the Event trigger enabled and
 *    disabled (no sockets connected). Goal: ≤ 10% fewer writes with it.
 * 3. Memory per idle authenticated socket: the server's memory after a full GC
 *    before and after BENCH_IDLE_SOCKETS (default 5,000) sockets connect. Goal ≤ 50 KB.
 *
 *   npm run bench:live          (or: npx tsx bench/live-events.ts)
 *
 * The server runs in a child process (bench/support/live-server.ts); the sockets and
 * the load are in this one. Figures only; see bench/README.md.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import readline from "node:readline";
import autocannon from "autocannon";
import { io as connectTo } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { assignedHires, itemWrite } from "./support/assigned-hires";
import type { AssignedHires } from "./support/assigned-hires";
import { ORIGIN, ROOT, loadAverageLine, runBenchmark, setBenchEnvironment, startBenchDatabase, whole } from "./support/bench-database";

setBenchEnvironment();

const SOCKETS = whole("BENCH_SOCKETS", 1000);
const HIRES = whole("BENCH_HIRES", 100);
const RATE = whole("BENCH_RATE", 200);
const SECONDS = whole("BENCH_SECONDS", 10);
const LOAD_SECONDS = whole("BENCH_LOAD_SECONDS", 5);
const IDLE_SOCKETS = whole("BENCH_IDLE_SOCKETS", 5000);

type Setup = AssignedHires;

async function startServer(databaseUrl: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path.join(ROOT, "bench/support/live-server.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bench server exited with ${code}`)));
    readline.createInterface({ input: child.stdout }).once("line", resolve);
  });
  return { url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, stop: () => child.kill("SIGTERM") };
}

/** `count` sockets spread over the hires (each following the organization as that hire), `batch` handshakes at a time. */
async function connectSockets(url: string, setup: Setup, count: number, onEvent?: (event: { payload: Record<string, unknown> }) => void): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: Math.min(100, count - start) }, (_, offset) => {
      const hire = setup.hires[(start + offset) % setup.hires.length]!;
      const socket = connectTo(url, { transports: ["websocket"], extraHeaders: { origin: ORIGIN, cookie: hire.cookie }, auth: { org: setup.slug }, reconnection: false, forceNew: true });
      if (onEvent) socket.on("event", onEvent);
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Phase 1: paced writes, deliveries timed from each write's 2xx. */
async function measureLatency(url: string, setup: Setup) {
  const perHire = Math.max(1, Math.round(SOCKETS / setup.hires.length));
  const pending = new Map<string, { okAt: number | null; early: number }>();
  const latencies: number[] = [];
  let delivered = 0;
  const sockets = await connectSockets(url, setup, perHire * setup.hires.length, (event) => {
    const { assignmentId, key, to } = event.payload as { assignmentId: string; key: string; to: string };
    const entry = pending.get(`${assignmentId}|${key}|${to}`);
    if (!entry) return;
    delivered++;
    const now = performance.now();
    if (entry.okAt === null) entry.early++;
    else latencies.push(Math.max(0, now - entry.okAt));
  });

  let sent = 0;
  let failed = 0;
  let next = 0;
  const writes: Array<Promise<void>> = [];
  const started = performance.now();
  const perTick = RATE / 100;
  let owed = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() - started >= SECONDS * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      owed += perTick;
      for (; owed >= 1; owed--) {
        const write = itemWrite(setup, next++);
        const id = `${write.assignmentId}|${write.key}|${write.state}`;
        const entry = { okAt: null as number | null, early: 0 };
        pending.set(id, entry);
        sent++;
        writes.push(
          fetch(`${url}${write.path}`, { method: "PUT", headers: write.headers, body: write.body          }).then(
            async (response) => {
              await response.arrayBuffer();
              if (response.status !== 200) failed++;
              entry.okAt = performance.now();
              for (let i = 0; i < entry.early; i++) latencies.push(0);
            },
            () => void failed++,
          ),
        );
      }
    }, 10);
  });
  await Promise.all(writes);
  const elapsed = (performance.now() - started) / 1000;
  // Late deliveries.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const socket of sockets) socket.disconnect();
  latencies.sort((a, b) => a - b);
  return { sockets: sockets.length, perHire, sent, failed, rate: sent / elapsed, expected: (sent - failed) * perHire, delivered, latencies };
}

/** Phase 2: the write route under autocannon, with or without the Event trigger. */
async function writeThroughput(url: string, setup: Setup, offset: number): Promise<autocannon.Result> {
  let next = offset;
  const run = () =>
    autocannon({
      url,
      connections: 16,
      duration: LOAD_SECONDS,
      requests: [
        {
          method: "PUT",
          setupRequest: (request) => {
            const write = itemWrite(setup, next++);
            return { ...request, path: write.path, headers: write.headers, body: write.body };
          },
        },
      ],
    });
  await run();
  return run();
}

async function memory(url: string): Promise<{ rss: number; heapUsed: number; external: number; arrayBuffers: number; sockets: number }> {
  return (await fetch(`${url}/__memory`)).json() as Promise<{ rss: number; heapUsed: number; external: number; arrayBuffers: number; sockets: number }>;
}

async function main(): Promise<void> {
  console.log("Starting PostgreSQL…");
  const database = await startBenchDatabase();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const idle: Socket[] = [];
  try {
    const setup = await assignedHires(HIRES);
    server = await startServer(database.databaseUrl);
    const loadBefore = os.loadavg();

    const latency = await measureLatency(server.url, setup);
    const l = latency.latencies;
    console.log(`\n1. Push latency, ${latency.sockets} sockets (${setup.hires.length} hires × ${latency.perHire}), writes at ${latency.rate.toFixed(0)}/s for ${SECONDS} s (${latency.sent} writes, ${latency.failed} failed)`);
    console.log(`   2xx → socket: p50 ${percentile(l, 50).toFixed(1)} / p95 ${percentile(l, 95).toFixed(1)} / p99 ${percentile(l, 99).toFixed(1)} / max ${(l.at(-1) ?? NaN).toFixed(1)} ms (goal p99 ≤ 50 ms: ${percentile(l, 99) <= 50 ? "met" : "MISSED"})`);
    console.log(`   delivered ${latency.delivered} of ${latency.expected} expected (${((100 * latency.delivered) / Math.max(1, latency.expected)).toFixed(2)}%)`);

    const { getDb } = await import("../lib/db/client");
    const withNotify = await writeThroughput(server.url, setup, 1_000_000);
    await getDb().$executeRawUnsafe(`ALTER TABLE "Event" DISABLE TRIGGER "Event_notify"`);
    const without = await writeThroughput(server.url, setup, 2_000_000);
    await getDb().$executeRawUnsafe(`ALTER TABLE "Event" ENABLE TRIGGER "Event_notify"`);
    const cost = 1 - withNotify.requests.average / without.requests.average;
    console.log(`\n2. Writes, 16 connections, ${LOAD_SECONDS} s: with NOTIFY ${withNotify.requests.average.toFixed(0)} req/s (p99 ${withNotify.latency.p99} ms), without ${without.requests.average.toFixed(0)} req/s (p99 ${without.latency.p99} ms)`);
    console.log(`   NOTIFY costs ${(100 * cost).toFixed(1)}% of the throughput (goal ≤ 10%: ${cost <= 0.1 ? "met" : "MISSED"}); non-2xx: ${withNotify.non2xx + without.non2xx}`);

    const before = await memory(server.url);
    idle.push(...(await connectSockets(server.url, setup, IDLE_SOCKETS)));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = await memory(server.url);
    const perSocket = (field: "rss" | "heapUsed") => (after[field] - before[field]) / IDLE_SOCKETS / 1024;
    const js = (after.heapUsed + after.external - before.heapUsed - before.external) / IDLE_SOCKETS / 1024;
    // The JavaScript heap (and Buffers) after a full GC is what the sockets hold; RSS moves in the
    // allocator's own steps (it can even fall after a GC), so it is shown, not judged.
    console.log(`\n3. Memory per idle authenticated socket (${after.sockets} connected): heap + external ${js.toFixed(1)} KB (goal ≤ 50 KB: ${js <= 50 ? "met" : "MISSED"}); heap alone ${perSocket("heapUsed").toFixed(1)} KB, RSS ${perSocket("rss").toFixed(1)} KB`);
    console.log(`\n${await loadAverageLine(loadBefore)}`);
  } finally {
    for (const socket of idle) socket.disconnect();
    server?.stop();
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
    await database.stop();
  }
}

runBenchmark(main);
