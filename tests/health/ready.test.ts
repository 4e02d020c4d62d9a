/**
 * Health probes: liveness always answers; readiness answers 200 while the
 * database does and 503 (within 2 s) when it is gone or hangs.
 */
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import type { Server, Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { resetConfig } from "@/lib/config";
import { createDb, disconnectDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { checkDatabase } from "@/lib/observability/health";
import { callRoute } from "../support/call-route";
import { freePort } from "../support/free-port";

/** The readiness bound the requirement sets (a load balancer's probe timeout). */
const READINESS_BOUND_MS = 2_000;

const fileDatabaseUrl = process.env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];

/** Points getDb() at another database, as a restart with a new DATABASE_URL would. */
async function useDatabase(url: string | undefined): Promise<void> {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetConfig();
}

afterEach(async () => {
  // Whatever a test pointed the app at, the next test starts from this file's database.
  await useDatabase(fileDatabaseUrl);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await useDatabase(fileDatabaseUrl);
});

/** A TCP server that accepts connections and never says a word: a hung database. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("the silent server has no port");
  return {
    url: `postgresql://cairn:secret@127.0.0.1:${address.port}/cairn`,
    async close() {
      if (!server.listening) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Running (not zombie) processes whose parent is `parent`, from /proc. */
async function childPids(parent: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(ppid) === parent && state !== "Z") children.push(pid);
  }
  return children;
}

function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: number[]): Promise<void> {
  for (let attempt = 0; attempt < 200 && pids.some(isRunning); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(pids.filter(isRunning)).toEqual([]);
}

async function timed<T>(task: () => Promise<T>): Promise<{ result: T; elapsedMs: number }> {
  const started = performance.now();
  const result = await task();
  return { result, elapsedMs: performance.now() - started };
}

describe("GET /api/health/live and /api/health/ready", () => {
  it("answers 200 ready with the database up, and 200 live", async () => {
    const { status, json, response } = await callRoute(ready);
    expect(status).toBe(200);
    expect(json).toEqual({ status: "ready", checks: { database: { status: "up", latencyMs: expect.any(Number) } } });
    expect(response.headers.get("x-request-id")).toMatch(/\S/);
    expect(response.headers.get("cache-control")).toBe("no-store");

    const liveness = await callRoute(live);
    expect(liveness.status).toBe(200);
    expect(liveness.json).toEqual({ status: "ok", uptimeSeconds: expect.any(Number) });
    expect(liveness.response.headers.get("x-request-id")).toMatch(/\S/);
  });

  it("keeps a request id the caller sent", async () => {
    const { response } = await callRoute(ready, { headers: { "x-request-id": "probe-1234" } });
    expect(response.headers.get("x-request-id")).toBe("probe-1234");
  });

  it("answers 503 SERVICE_UNAVAILABLE within 2 s once the database server is killed", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cairn-ready-test-"));
    await chmod(dir, 0o755);
    const server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), durable: false });
    cleanups.push(async () => {
      await server.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    });

    await useDatabase(server.adminUrl);
    const before = await callRoute(ready);
    expect({ status: before.status, json: before.json }).toMatchObject({ status: 200, json: { checks: { database: { status: "up" } } } });

    // Crash the whole server: the postmaster and every process it forked (each
    // backend is its own process group, and one that has not yet noticed its
    // postmaster died would still answer on its open connection).
    const processes = [server.pid, ...(await childPids(server.pid))];
    expect(processes.length).toBeGreaterThan(1);
    for (const pid of processes) process.kill(pid, "SIGKILL");
    await server.stop(); // resolves once the killed postmaster has been reaped
    await waitUntilGone(processes);

    const { result, elapsedMs } = await timed(() => callRoute(ready));
    expect({ status: result.status, json: result.json, elapsedMs }).toMatchObject({ status: 503 });
    const requestId = result.response.headers.get("x-request-id");
    expect(requestId).toMatch(/\S/);
    expect(result.json).toEqual({
      error: {
        code: "SERVICE_UNAVAILABLE",
        message: expect.any(String),
        requestId,
        details: { checks: { database: { status: "down", reason: expect.any(String) } } },
      },
    });
    expect(elapsedMs).toBeLessThan(READINESS_BOUND_MS);
  });

  it("answers 503 within 2 s when the database accepts connections but never answers", async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    await useDatabase(silent.url);

    try {
      const { result, elapsedMs } = await timed(() => callRoute(ready));
      expect(result.status).toBe(503);
      expect(result.json?.error).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        details: { checks: { database: { status: "down", reason: expect.stringMatching(/no answer within/) } } },
      });
      expect(elapsedMs).toBeLessThan(READINESS_BOUND_MS);
    } finally {
      // Fail the connection attempt still pending in the pool, or disconnecting waits for its 5 s timeout.
      await silent.close();
    }
  });
});

describe("checkDatabase", () => {
  it("gives up on a database that hangs after its timeout", async () => {
    const silent = await startSilentServer();
    const db = createDb(silent.url, 1);
    cleanups.push(async () => {
      await silent.close(); // fails the pending connection, so the pool can end
      await db.$disconnect();
    });

    const { result, elapsedMs } = await timed(() => checkDatabase(db, 300));
    expect(result).toEqual({ status: "down", reason: "no answer within 300 ms" });
    expect(elapsedMs).toBeLessThan(READINESS_BOUND_MS);
  });

  it("reports up with a latency for a database that answers", async () => {
    const db = createDb(fileDatabaseUrl!, 1);
    cleanups.push(() => db.$disconnect());
    expect(await checkDatabase(db, 1_000)).toEqual({ status: "up", latencyMs: expect.any(Number) });
  });
});
