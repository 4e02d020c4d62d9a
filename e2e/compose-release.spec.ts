/**
 * compose.yaml without a container daemon: its release service's command and its
 * instances' environment, run as plain processes on this machine. Only what a
 * container network provides is replaced: the service names `postgres` and
 * `redis` by a fresh database and a private Redis, the port both containers use
 * by one port each, and the uploads volume by a folder both instances share.
 * The release step migrates the empty database; then two instances started as
 * the image starts them (the Dockerfile's CMD) serve one organization, live: a
 * change made through one is pushed to a socket on the other. Stopped as
 * `docker stop` does (SIGTERM to the container's first process), both drain and
 * exit 0.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createWriteStream, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { io } from "socket.io-client";
import { withDatabase } from "../lib/db/connection";
import { DEMO_ORG, DEMO_PASSWORD } from "../lib/db/seed-demo";
import { cookieHeader, exchange, runSmokeTests, signIn } from "../lib/release/smoke";
import { createDatabase, dropDatabase, uniqueName } from "../tests/support/database-admin";
import { freePort } from "../tests/support/free-port";
import { startTestRedis } from "../tests/support/test-redis";
import { loadCompose } from "./support/compose";
import { E2E_SECRET } from "./support/e2e-env";
import { waitForReady } from "./support/global-setup";

/** A process as a container runs it: the image's environment only, in its own process group. */
function runAsContainer(command: string[], environment: Record<string, string>, logName: string): ChildProcess {
  const log = createWriteStream(path.join("test-results", `compose-${logName}.log`));
  // Not the runner's environment: only what the container would have.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...environment } as unknown as NodeJS.ProcessEnv;
  const child = spawn(command[0]!, command.slice(1), {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

/** The exit code, or the signal that ended the process. */
async function exitCode(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
}

/** The image's start command: the Dockerfile's CMD, in its JSON form. */
async function imageCommand(): Promise<string[]> {
  const line = /^CMD (\[.*\])\s*$/m.exec(await readFile("Dockerfile", "utf8"));
  if (!line) throw new Error("the Dockerfile has no CMD in JSON form");
  return JSON.parse(line[1]!) as string[];
}

test("the release step migrates an empty database, then two instances with compose.yaml's environment serve one organization live", async () => {
  // Two production servers start (about 5 s each on a quiet 2-core machine, far more on a busy one).
  test.setTimeout(180_000);
  const services = await loadCompose({ POSTGRES_PASSWORD: "compose-test-password", NEXTAUTH_SECRET: E2E_SECRET });
  const release = services.release!;
  const [first, second] = [services["cairn-1"]!, services["cairn-2"]!];
  expect(release.command).toEqual(["npm", "run", "db:migrate"]);
  expect(first.depends_on).toMatchObject({ release: { condition: "service_completed_successfully" } });
  expect(second.environment).toEqual(first.environment);
  expect(release.environment).toEqual(first.environment);
  const environment = first.environment!;
  expect(environment).toMatchObject({ NODE_ENV: "production", MIGRATE_ON_START: "false", TRUST_PROXY: "1", NEXTAUTH_SECRET: E2E_SECRET });
  expect(new URL(environment.DATABASE_URL!).host).toBe("postgres:5432");
  expect(new URL(environment.REDIS_URL!).host).toBe("redis:6379");

  const adminUrl = withDatabase(process.env.E2E_DATABASE_URL!, "postgres");
  const databaseName = uniqueName("cairn_compose");
  const databaseUrl = await createDatabase(adminUrl, databaseName);
  const redis = await startTestRedis();
  const uploads = await mkdtemp(path.join(os.tmpdir(), "cairn-compose-uploads-"));
  const onThisMachine = { ...environment, DATABASE_URL: databaseUrl, REDIS_URL: redis.url, UPLOADS_DIR: uploads };
  const instances: ChildProcess[] = [];
  try {
    // The release service, then what `depends_on: service_completed_successfully` waits for.
    const migrate = runAsContainer(release.command!, onThisMachine, "release");
    expect(await exitCode(migrate), "the release step's exit code (test-results/compose-release.log)").toBe(0);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ applied: string }>(`select count(*) as applied from _prisma_migrations where finished_at is not null and rolled_back_at is null`);
    await client.end();
    const written = readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
    expect(Number(rows[0]!.applied)).toBe(written);

    // Someone to sign in as: the demo organization, seeded as an operator would.
    const seed = runAsContainer(["npm", "run", "db:seed"], { ...onThisMachine, SEED_DEMO: "true" }, "seed");
    expect(await exitCode(seed), "the seed's exit code (test-results/compose-seed.log)").toBe(0);

    // Both instances as the image starts them (the Dockerfile's CMD, with its ENV NODE_ENV=production).
    const command = await imageCommand();
    expect(command).toEqual(["node", "--import", "tsx", "server.ts"]);
    const urls: string[] = [];
    for (const name of ["cairn-1", "cairn-2"]) {
      const port = await freePort();
      const instance = runAsContainer(command, { ...onThisMachine, PORT: String(port) }, name);
      instances.push(instance);
      urls.push(`http://127.0.0.1:${port}`);
      await waitForReady(urls.at(-1)!, instance, 120_000);
    }
    const [one, two] = urls as [string, string];

    // A browser behind the proxy sends the public origin (NEXTAUTH_URL) with its writes.
    const origin = environment.NEXTAUTH_URL!;
    const hire = { email: `noah.hire@${DEMO_ORG.emailDomain}`, password: DEMO_PASSWORD, orgSlug: DEMO_ORG.slug, origin };
    await runSmokeTests(one, hire);

    // The hire's session (made on the first instance) opens a live socket on the second.
    const cookies = new Map<string, string>();
    await signIn(one, hire, cookies);
    const heard: Array<{ type: string; payload: { key?: string; to?: string } }> = [];
    const socket = io(two, { transports: ["websocket"], extraHeaders: { origin, cookie: cookieHeader(cookies) }, auth: { org: DEMO_ORG.slug }, reconnection: false });
    try {
      socket.on("event", (event: (typeof heard)[number]) => heard.push(event));
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });

      // A change through the first instance reaches the socket on the second, and reads back there.
      const api = (base: string) => `${base}/api/v1/o/${DEMO_ORG.slug}`;
      const list = await exchange(`${api(one)}/assignments`, { cookies });
      const assignmentId = (list.json as { items: Array<{ id: string }> }).items[0]!.id;
      const detail = (await exchange(`${api(one)}/assignments/${assignmentId}`, { cookies })).json as {
        nodes: Array<{ stableKey: string; kind: string }>;
        progress: Array<{ stableKey: string; state: string }>;
      };
      const started = new Set(detail.progress.map((item) => item.stableKey));
      const key = detail.nodes.find((node) => node.kind === "ITEM" && !started.has(node.stableKey))!.stableKey;
      const write = await exchange(`${api(one)}/assignments/${assignmentId}/items/${encodeURIComponent(key)}`, {
        method: "PUT",
        body: JSON.stringify({ state: "IN_PROGRESS" }),
        headers: { origin, "content-type": "application/json" },
        cookies,
      });
      expect(write.status, write.text).toBe(200);
      await expect.poll(() => heard.find((event) => event.type === "progress.updated" && event.payload.key === key)?.payload.to, { timeout: 10_000 }).toBe("IN_PROGRESS");
      const readBack = (await exchange(`${api(two)}/assignments/${assignmentId}`, { cookies })).json as { progress: Array<{ stableKey: string; state: string }> };
      expect(readBack.progress.find((item) => item.stableKey === key)?.state).toBe("IN_PROGRESS");
    } finally {
      socket.disconnect();
    }
  } finally {
    // docker stop: SIGTERM to the container's first process, which drains and exits 0.
    for (const instance of instances) {
      if (instance.exitCode === null) instance.kill("SIGTERM");
    }
    const codes = await Promise.all(instances.map(exitCode));
    await redis.stop();
    await dropDatabase(adminUrl, databaseName);
    await rm(uploads, { recursive: true, force: true });
    expect(codes.every((code) => code === 0), `instances' exit codes on SIGTERM: ${codes.join(", ")}`).toBe(true);
  }
});
