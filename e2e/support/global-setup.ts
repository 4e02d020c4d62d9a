/**
 * Starts what the browser tests need, once: a PostgreSQL database (embedded in a
 * temp folder, or TEST_DATABASE_URL), the fake Resend server, and Cairn's real
 * server (server.ts, production build) on a free port. Tests find them through
 * E2E_BASE_URL and FAKE_RESEND_URL. Teardown stops the server with SIGTERM and
 * fails the run if it does not shut down cleanly (exit code 0).
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase, uniqueName } from "../../tests/support/database-admin";
import { startFakeGitHub } from "../../tests/support/fake-github";
import { startFakeResend } from "../../tests/support/fake-resend";
import { freePort } from "../../tests/support/free-port";
import { startTestCluster } from "../../tests/support/test-cluster";
import { E2E_METRICS_TOKEN, E2E_SECRET, E2E_TRUSTED_PROXY_HOPS } from "./e2e-env";

export async function waitForReady(url: string, server: { exitCode: number | null }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited during start-up (code ${server.exitCode}); see test-results/e2e-server.log`);
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms; see test-results/e2e-server.log`);
}

export default async function globalSetup() {
  const cluster = await startTestCluster();
  const databaseName = uniqueName("cairn_e2e");
  const databaseUrl = await createDatabase(cluster.adminUrl, databaseName);
  const resend = await startFakeResend();
  // Evidence checks call it (decision 0034); tests add pull requests over HTTP (FAKE_GITHUB_URL).
  const github = await startFakeGitHub();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;

  await mkdir("test-results", { recursive: true });
  const logFile = createWriteStream(path.join("test-results", "e2e-server.log"));
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      MIGRATE_ON_START: "true",
      SEED_DEMO: "true",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: E2E_SECRET,
      TRUST_PROXY: E2E_TRUSTED_PROXY_HOPS,
      RESEND_API_KEY: "re_e2e_test_key",
      RESEND_BASE_URL: resend.url,
      GITHUB_API_URL: github.url,
      // Rate-limit counters live in this run's own database, never in a developer's Redis.
      REDIS_URL: "",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      // Webhook tests point at receivers the test starts on 127.0.0.1 (lib/webhooks, decision 0033).
      WEBHOOK_ALLOW_PRIVATE: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(logFile);
  server.stderr.pipe(logFile);
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));

  try {
    await waitForReady(baseUrl, server, 120_000);
  } catch (error) {
    server.kill("SIGKILL");
    await resend.stop();
    await github.stop();
    await cluster.stop();
    throw error;
  }
  // The demo organization is read-only for tests (they change copies of it: factory.ts);
  // teardown checks that nothing was recorded in it during the run.
  const demoBefore = await demoEventSequence(databaseUrl);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.FAKE_RESEND_URL = resend.url;
  process.env.FAKE_GITHUB_URL = github.url;
  // For a test that runs a second instance on the same database (e2e/support/second-server.ts).
  process.env.E2E_DATABASE_URL = databaseUrl;

  return async () => {
    const demoAfter = await demoEventSequence(databaseUrl).catch((error: unknown) => `unreadable: ${String(error)}`);
    server.kill("SIGTERM");
    const code = await exited;
    await resend.stop();
    await github.stop();
    await dropDatabase(cluster.adminUrl, databaseName).catch(() => undefined);
    await cluster.stop();
    if (code !== 0) throw new Error(`the server did not shut down cleanly on SIGTERM (exit code ${code}); see test-results/e2e-server.log`);
    if (demoAfter !== demoBefore) throw new Error(`a test changed the shared demo organization (its events went from ${demoBefore} to ${demoAfter}): change a copy (factory.demoCopy()) instead`);
  };
}

/**
 * Signing in and out as a demo account (the landing page's accounts, which some tests use)
 * records those sessions in the demo's audit log (decision 0026) without changing anything of
 * the demo; and the hourly scan records, on its own, that a demo hire is overdue or stuck
 * (decision 0035; OCCASION_EVENT_TYPES in lib/reminders/occasion-events.ts) when a run spans the
 * top of an hour. Every other event still counts as a change made by a test.
 */
const NOT_A_TEST_CHANGE = ["security.signed_in", "security.sign_in_failed", "security.signed_out", "assignment.overdue", "assignment.stuck"];

/** How many events the demo organization holds besides those NOT_A_TEST_CHANGE, and the last one's sequence, as text. */
async function demoEventSequence(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ sequence: string | null }>(
      `SELECT (SELECT count(*) || ' events, last ' || coalesce(max(e.sequence), 0) FROM "Event" e WHERE e."organizationId" = o.id AND NOT (e.type = ANY($1::text[]))) AS sequence
       FROM "Organization" o WHERE o.slug = 'demo'`,
      [NOT_A_TEST_CHANGE],
    );
    return rows[0]?.sequence ?? "missing";
  } finally {
    await client.end();
  }
}
