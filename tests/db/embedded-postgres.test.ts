/**
 * The supervisor for the embedded PostgreSQL binaries (lib/db/embedded-postgres.ts):
 * first start initialises a cluster, restarts keep the data, a server left
 * running by a killed parent is stopped and replaced instead of blocking start-up,
 * and a server another live process runs is shared rather than stopped.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { freePort } from "../support/free-port";

const tempDirs: string[] = [];
const running: EmbeddedPostgres[] = [];
/** Orphans a failed assertion might leave behind: never let them outlive the file. */
const orphanPids: number[] = [];

afterAll(async () => {
  for (const server of running) await server.stop().catch(() => undefined);
  for (const pid of orphanPids) {
    if (!isAlive(pid)) continue;
    process.kill(pid, "SIGQUIT"); // immediate shutdown: the postmaster takes its children down with it
    for (let attempt = 0; attempt < 100 && isAlive(pid); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

/** A new temp folder the postgres user can traverse (as tests/support/test-cluster.ts makes). */
async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cairn-embedded-test-"));
  await chmod(dir, 0o755);
  tempDirs.push(dir);
  return path.join(dir, "data");
}

async function start(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, port, durable: false });
  running.push(server);
  return server;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** State letter and parent pid from /proc/<pid>/stat ("pid (comm) S ppid ..."); undefined once the pid is gone. */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state = "", ppid = "0"] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Running: the pid exists and is not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== "Z" && stat.state !== "X";
}

/** Pids of live processes whose command line names the data dir, or whose parent is one of `parents`. */
async function processesFor(dataDir: string, parents: number[]): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const stat = procStat(pid);
      if (!stat || !isAlive(pid)) continue;
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
      if (cmdline.includes(dataDir) || parents.includes(stat.ppid)) found.push(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

describe("startEmbeddedPostgres", () => {
  it("initialises a new cluster, creates databases idempotently, and keeps data across a restart", async () => {
    const dataDir = await tempDataDir();
    expect(existsSync(dataDir)).toBe(false);

    const first = await start(dataDir, await freePort());
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(first.pid).toBeGreaterThan(0);
    expect(isAlive(first.pid)).toBe(true);
    expect(new URL(first.adminUrl).port).toBe(String(first.port));

    const url = await first.ensureDatabase("x");
    expect(await first.ensureDatabase("x")).toBe(url); // a second call neither fails nor duplicates
    const databases = await query<{ datname: string }>(first.adminUrl, "select datname from pg_database where datname = 'x'");
    expect(databases).toHaveLength(1);
    // The second ensureDatabase did not leave a connection behind.
    const leaked = await query<{ n: number }>(first.adminUrl, "select count(*)::int as n from pg_stat_activity where datname = 'x'");
    expect(leaked[0]?.n).toBe(0);

    await query(url, "create table kept (id int primary key, note text)");
    await query(url, "insert into kept values (1, 'survives a restart')");
    await first.stop();
    expect(isAlive(first.pid)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);

    const second = await start(dataDir, await freePort());
    expect(second.pid).not.toBe(first.pid);
    expect(second.adminUrl.split("@")[0]).toBe(first.adminUrl.split("@")[0]); // same stored credentials
    const againUrl = await second.ensureDatabase("x");
    expect(await query(againUrl, "select id, note from kept")).toEqual([{ id: 1, note: "survives a restart" }]);
    await second.stop();
    expect(isAlive(second.pid)).toBe(false);
  });

  it("stops a server left running by a killed parent and starts its own on the same folder", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const script = path.resolve(import.meta.dirname, "../support/start-and-die.ts");

    const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, String(port)], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    expect({ code, signal, stderr }).toMatchObject({ code: null, signal: "SIGKILL" });
    const orphan = JSON.parse(stdout.trim()) as { pid: number; adminUrl: string };
    orphanPids.push(orphan.pid);

    // The parent is gone but its postgres is not: it still holds the folder and answers.
    expect(isAlive(orphan.pid)).toBe(true);
    expect(await query(orphan.adminUrl, "select 1 as one")).toEqual([{ one: 1 }]);
    const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8");
    expect(Number(pidFile.split("\n")[0])).toBe(orphan.pid);

    const server = await start(dataDir, port);
    expect(server.pid).not.toBe(orphan.pid);
    expect(isAlive(orphan.pid)).toBe(false);
    expect(await query(server.adminUrl, "select 1 as one")).toEqual([{ one: 1 }]);

    // The scan finds the running postmaster (so an empty result below means something).
    expect(await processesFor(dataDir, [orphan.pid, server.pid])).toContain(server.pid);
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    expect(await processesFor(dataDir, [orphan.pid, server.pid])).toEqual([]);
  });

  it("shares a server another live process runs on the folder, and leaves stopping it to that process", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const owner = await start(dataDir, port); // this test process plays `npm run dev`
    await query(owner.adminUrl, "create table shared_marker (id int)");

    // A second process (`npm run db:migrate`, say) starts on the same folder, then stops.
    const script = path.resolve(import.meta.dirname, "../support/start-and-die.ts");
    const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, String(await freePort()), "stop"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    const seen = JSON.parse(stdout.trim()) as { pid: number; port: number };
    expect(seen).toMatchObject({ pid: owner.pid, port }); // the running server, on its own port

    // Its stop() left the owner's database running.
    expect(isAlive(owner.pid)).toBe(true);
    expect(await query(owner.adminUrl, "select count(*)::int as n from shared_marker")).toEqual([{ n: 0 }]);
    await owner.stop();
    expect(isAlive(owner.pid)).toBe(false);
  });
});
