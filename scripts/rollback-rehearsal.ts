/**
 * `npm run release:rehearse`: can the previous release run on the schema this
 * tree migrates to? If not, rolling back after a deploy would break, so CI
 * fails (.ci/run runs this after `npm test`). See docs/operations.md.
 *
 *  1. The previous release: REHEARSE_FROM, else the newest tag merged into HEAD
 *     (not HEAD itself), else HEAD~1. A shallow clone is deepened first.
 *  2. Checked out into a temporary git worktree; `npm ci` (npm's cache makes it
 *     offline-fast) and `next build` there.
 *  3. A throw-away embedded PostgreSQL, migrated and seeded (the demo
 *     organization) by the previous release, as production is before a deploy;
 *     then THIS tree's migrations applied on top, over those rows.
 *  4. The previous release's server started on that database (it migrates
 *     nothing), and the previous release's own smoke tests (its
 *     scripts/smoke.ts) run against it; a release older than that script gets
 *     this tree's (lib/release/smoke.ts, which uses only the stable /api/v1).
 * Everything temporary is removed afterwards, pass or fail.
 */
import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import type { EmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrateDeploy } from "../lib/db/prisma-cli";
import { DEMO_ORG, DEMO_PASSWORD } from "../lib/db/seed-demo";
import { runSmokeTests } from "../lib/release/smoke";

const execFileAsync = promisify(execFile);
const root = process.cwd();
const started = Date.now();
const say = (line: string) => console.log(`[rehearsal ${Math.round((Date.now() - started) / 1000)}s] ${line}`);

async function git(...args: string[]): Promise<string> {
  return (await execFileAsync("git", args, { cwd: root, maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
}

async function gitOk(...args: string[]): Promise<boolean> {
  return git(...args).then(
    () => true,
    () => false,
  );
}

/** A shallow clone lacks the previous release: fetch it, or say why the rehearsal cannot run. */
async function ensureHistory(): Promise<void> {
  if ((await git("rev-parse", "--is-shallow-repository")) !== "true") return;
  say("shallow clone: fetching history and tags to find the previous release");
  try {
    await git("fetch", "--quiet", "--unshallow", "--tags");
  } catch (error) {
    throw new Error(
      `this is a shallow clone and its history could not be fetched (${(error as Error).message.split("\n")[0]}). ` +
        "The rehearsal needs the previous release's commit: clone with full history (fetch-depth: 0), or set REHEARSE_FROM to a commit present here.",
    );
  }
}

async function previousRelease(): Promise<{ ref: string; sha: string; why: string }> {
  const head = await git("rev-parse", "HEAD");
  const chosen = process.env.REHEARSE_FROM;
  if (chosen) return { ref: chosen, sha: await git("rev-parse", "--verify", `${chosen}^{commit}`), why: "REHEARSE_FROM" };
  const tags = (await git("tag", "--merged", "HEAD", "--sort=-creatordate")).split("\n").filter(Boolean);
  for (const tag of tags) {
    const sha = await git("rev-parse", `${tag}^{commit}`);
    if (sha !== head) return { ref: tag, sha, why: "the newest release tag before HEAD" };
  }
  if (!(await gitOk("rev-parse", "--verify", "HEAD~1^{commit}"))) throw new Error("no previous release: no tag before HEAD and HEAD has no parent");
  return { ref: "HEAD~1", sha: await git("rev-parse", "HEAD~1"), why: "no release tag yet: the previous commit" };
}

function run(command: string, args: string[], cwd: string, logFile: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: "a" });
    const child = spawn(command, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.once("error", reject);
    child.once("close", async (code) => {
      if (code === 0) return resolve();
      const tail = (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-40).join("\n");
      reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}) in ${cwd}:\n${tail}`));
    });
  });
}

function runInherited(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: "inherit" });
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`${args.slice(0, 3).join(" ")} failed (exit ${code})`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

async function waitForReady(baseUrl: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      const tail = (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-40).join("\n");
      throw new Error(`the previous release's server exited during start-up (code ${server.exitCode}):\n${tail}`);
    }
    if (await fetch(`${baseUrl}/api/health/ready`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the previous release's server was not ready within 120 s; its log: ${logFile}`);
}

await ensureHistory();
const previous = await previousRelease();
const work = await mkdtemp(path.join(os.tmpdir(), "cairn-rehearsal-"));
await chmod(work, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
const tree = path.join(work, "previous");
const logs = {
  install: path.join(work, "install.log"),
  build: path.join(work, "build.log"),
  setup: path.join(work, "setup.log"),
  server: path.join(work, "server.log"),
};
let database: EmbeddedPostgres | null = null;
let server: ChildProcess | null = null;
let failed = false;

try {
  say(`previous release: ${previous.ref} (${previous.sha.slice(0, 12)}; ${previous.why}); current: ${(await git("rev-parse", "HEAD")).slice(0, 12)}`);
  // This tree's files (committed or not) against the previous release's: what the rehearsal adds.
  const before = new Set((await git("ls-tree", "--name-only", `${previous.sha}:prisma/migrations`)).split("\n"));
  const added = readdirSync("prisma/migrations").filter((name) => !before.has(name));
  const changed = (await git("diff", "--name-only", previous.sha, "--", "prisma/migrations")).split("\n").filter(Boolean);
  const news = [...added.map((name) => `new: ${name}`), ...changed.map((file) => `changed: ${file}`)];
  say(news.length ? `migrations since then:\n    ${news.join("\n    ")}` : "no migration since then (the rehearsal still runs the previous release on this schema)");

  await git("worktree", "add", "--detach", "--quiet", tree, previous.sha);
  say("npm ci in the previous release");
  await run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], tree, logs.install);
  say("next build of the previous release");
  await run(path.join(tree, "node_modules/.bin/next"), ["build"], tree, logs.build);

  database = await startEmbeddedPostgres({ dataDir: path.join(work, "postgres"), port: await freePort(), durable: false });
  const databaseUrl = await database.ensureDatabase("cairn_rehearsal");
  // The production database before the deploy: the previous release's schema and rows it wrote.
  say("the previous release migrates a fresh database and seeds the demo organization");
  const asPrevious = { DATABASE_URL: databaseUrl, NODE_ENV: "development", SEED_DEMO: "true" };
  await run("npm", ["run", "db:migrate"], tree, logs.setup, asPrevious);
  await run("npm", ["run", "db:seed"], tree, logs.setup, asPrevious);
  // The deploy's release step: this tree's migrations on top, over those rows.
  say("migrating it to the NEW schema (this tree's migrations)");
  await migrateDeploy(databaseUrl, root);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  say(`starting the previous release's server on ${baseUrl}`);
  const serverLog = createWriteStream(logs.server);
  server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: tree,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // The previous release must run on the schema as the new release left it: it migrates nothing.
      MIGRATE_ON_START: "false",
      SEED_DEMO: "false",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "rollback-rehearsal-secret-that-is-long-enough-0123456789",
      EMAIL_TRANSPORT: "log",
      REDIS_URL: "",
      UPLOADS_DIR: path.join(work, "uploads"),
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.pipe(serverLog);
  server.stderr?.pipe(serverLog);
  await waitForReady(baseUrl, server, logs.server);

  const hire = { email: `noah.hire@${DEMO_ORG.emailDomain}`, password: DEMO_PASSWORD, orgSlug: DEMO_ORG.slug };
  if (existsSync(path.join(tree, "scripts/smoke.ts"))) {
    say("the previous release's own smoke tests against it:");
    await runInherited(process.execPath, ["--import", "tsx", "scripts/smoke.ts", baseUrl, "--email", hire.email, "--org", hire.orgSlug], tree, { SMOKE_PASSWORD: hire.password });
  } else {
    say("smoke tests against the previous release (it has none of its own: this tree's):");
    await runSmokeTests(baseUrl, hire, (line) => console.log(line));
  }
  say(`PASSED: ${previous.ref} runs on this tree's schema, so rolling back to it after this deploy is safe`);
} catch (error) {
  failed = true;
  console.error(`\n[rehearsal] FAILED: ${(error as Error).message}`);
  console.error(`Logs (kept after a failure): ${Object.values(logs).join(", ")}`);
  console.error("A migration that the previous release cannot run on must be split: expand → deploy → contract (docs/operations.md#migrations).");
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server!.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }
  await database?.stop();
  await git("worktree", "remove", "--force", tree).catch(() => undefined);
  await git("worktree", "prune").catch(() => undefined);
  // After a failure the logs and the database stay for a look; REHEARSAL_KEEP=1 keeps them after a pass too.
  if (!failed && !process.env.REHEARSAL_KEEP) await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
