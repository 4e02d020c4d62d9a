/**
 * Another instance of Cairn's server (server.ts, production build) on its own port
 * and the same database as the one global-setup started: what several instances
 * behind a load balancer look like. It can be stopped and started again on the
 * same port, as a deploy or a crash restarts one. Sessions carry over (same secret).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { freePort } from "../../tests/support/free-port";
import { E2E_SECRET, E2E_TRUSTED_PROXY_HOPS } from "./e2e-env";
import { waitForReady } from "./global-setup";

export interface SecondServer {
  baseUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** `env`: variables added to (or replacing) the instance's, e.g. the OTLP endpoint of a traced one. */
export async function secondServer(env: Record<string, string> = {}): Promise<SecondServer> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the browser tests with `npm run test:e2e`");
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const log = createWriteStream(path.join("test-results", `e2e-server-${port}.log`), { flags: "a" });
  let child: ChildProcess | null = null;

  async function start() {
    const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        MIGRATE_ON_START: "false",
        SEED_DEMO: "false",
        NEXTAUTH_URL: baseUrl,
        NEXTAUTH_SECRET: E2E_SECRET,
        TRUST_PROXY: E2E_TRUSTED_PROXY_HOPS,
        RESEND_API_KEY: "re_e2e_test_key",
        RESEND_BASE_URL: process.env.FAKE_RESEND_URL,
        REDIS_URL: "",
        // Jobs run on the first instance.
        JOB_WORKERS_ENABLED: "false",
        WEBHOOK_ALLOW_PRIVATE: "true",
        LOG_FORMAT: "json",
        LOG_LEVEL: "info",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout.pipe(log, { end: false });
    server.stderr.pipe(log, { end: false });
    child = server;
    await waitForReady(baseUrl, server, 60_000);
  }

  async function stop() {
    const server = child;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    child = null;
  }

  await start();
  return { baseUrl, start, stop };
}
