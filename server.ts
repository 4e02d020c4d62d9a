/**
 * Cairn's one process: Next.js and Socket.IO on one HTTP server, with the
 * embedded PostgreSQL when DATABASE_URL is unset. Run with
 *   npm run dev     (development)      npm start   (production; builds first when the build is missing or stale: scripts/start.ts)
 * SIGINT/SIGTERM shut it down gracefully and exit 0.
 */
// First: the tracing SDK must hook pg and http before anything loads them (decision 0023).
import "@/lib/observability/register-tracing";
import { existsSync } from "node:fs";
import next from "next";
import { ConfigError, getConfig, parseConfig, resetConfig } from "@/lib/config";
import { authenticateCookieHeader } from "@/lib/auth/session";
import { disconnectDb, getDb } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/local-database";
import { ensureMigrated } from "@/lib/db/migration-check";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from "@/lib/db/seed-demo";
import { ALL_JOBS } from "@/lib/jobs/all-jobs";
import { setJobQueue, startJobQueue } from "@/lib/jobs/job-queue";
import { createServedRequestCounter } from "@/lib/observability/http-metrics";
import { getLogger } from "@/lib/observability/logger";
import { mainPortAccess, serveMetrics, startConfiguredMetricsServer } from "@/lib/observability/metrics-endpoint";
import { getTracing } from "@/lib/observability/tracing-config";
import { disconnectRateLimitStore } from "@/lib/security/rate-limit-store";
import { startEventRelay } from "@/lib/realtime/event-relay";
import { createWebhookTrigger } from "@/lib/webhooks/event-trigger";
import { roomsForUser } from "@/lib/realtime/member-rooms";
import { attachSocketServer, setSocketServer } from "@/lib/realtime/socket-server";
import { assignClientIp, assignProxied } from "@/lib/security/client-ip";
import { ensureDevelopmentSecret } from "@/lib/server/dev-secret";
import { createHttpServer } from "@/lib/server/http-server";
import { OutlineParserThread } from "@/lib/server/outline-parser-thread";
import { createShutdown } from "@/lib/server/shutdown";
import { refuseUndecodablePath } from "@/lib/server/undecodable-path";
import { setOutlineParser } from "@/lib/tracks/outline-parser";

if (existsSync(".env")) process.loadEnvFile(".env");
// Self-hosted teams run Cairn on their own networks: Next.js's telemetry stays off unless asked for.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

async function main() {
  const initial = parseConfig(process.env); // fail fast, naming every bad variable
  const log = getLogger();
  if (!initial.NEXTAUTH_SECRET) {
    process.env.NEXTAUTH_SECRET = await ensureDevelopmentSecret();
  }
  process.env.NEXTAUTH_URL = initial.NEXTAUTH_URL; // next-auth reads it from the environment

  const database = await resolveDatabase(initial, (line) => log.debug({ component: "postgres" }, line));
  const stopEmbedded = async () => database.embedded?.stop();
  try {
    if (database.embedded) {
      log.info({ dir: initial.EMBEDDED_POSTGRES_DIR, port: database.embedded.port }, "embedded PostgreSQL started");
      // Route handlers read the configuration from the environment too; EMBEDDED_DATABASE_URL says this URL
      // is the embedded database's, so a local trial (decision 0045) stays one when the configuration is read again.
      process.env.DATABASE_URL = database.url;
      process.env.EMBEDDED_DATABASE_URL = database.url;
    }
    resetConfig();
    const config = getConfig();

    // Decided from the configuration as given: the embedded default migrates and seeds.
    if (initial.migrateOnStart) {
      // One query when up to date; the Prisma CLI only when something is pending (lib/db/migration-check.ts).
      const applied = await ensureMigrated(database.url);
      log.info({ applied: applied.length }, applied.length ? "database migrations applied" : "database migrations up to date");
    }
    if (initial.seedDemo && initial.NODE_ENV !== "development" && !initial.localTrial) {
      log.warn({ org: DEMO_ORG.slug }, "SEED_DEMO=true outside development: the demo accounts, whose password is published, can sign in here");
    }
    if (initial.seedDemo && (await seedDemo(getDb())).created) log.info({ org: DEMO_ORG.slug }, "demo organization seeded");

    // Jobs (emails): pg-boss in the same database, its own schema, once the migrations are in.
    const jobsLog = log.child({ component: "jobs" });
    const jobs = await startJobQueue({ databaseUrl: database.url, jobs: ALL_JOBS, workers: config.JOB_WORKERS_ENABLED, log: jobsLog });
    setJobQueue(jobs);
    jobsLog.info({ workers: config.JOB_WORKERS_ENABLED }, "job queue started");
    if (config.emailTransport === "mailbox") {
      jobsLog.warn(
        config.devMailboxEnabled
          ? `RESEND_API_KEY is unset: emails are not sent; read them at ${config.NEXTAUTH_URL}/dev/mailbox (from this machine only)`
          : "RESEND_API_KEY is unset: emails are stored in the EmailMessage table, not sent",
      );
    } else if (config.emailTransport === "log") {
      jobsLog.warn("EMAIL_TRANSPORT=log: emails are not sent; only their kind, recipient and subject are logged");
    }

    // Large imports are parsed on a worker thread (decision 0015); the log component keeps its old name.
    const outlineParser = new OutlineParserThread({ log: log.child({ component: "roadmap-parser" }) });
    setOutlineParser(outlineParser);

    const dev = config.NODE_ENV !== "production";
    const app = next({ dev, hostname: config.HOST, port: config.PORT });
    await app.prepare();
    const handleRequest = app.getRequestHandler();
    // Prometheus metrics (docs/metrics.md): /metrics with METRICS_TOKEN here, and/or on METRICS_PORT.
    const metricsAccess = mainPortAccess(config);
    const countRequest = createServedRequestCounter();

    const server = createHttpServer(
      (req, res) => {
        // Route handlers cannot see the socket: hand them the client's address in a header only we set.
        assignClientIp(req, config.TRUST_PROXY);
        assignProxied(req);
        // Next.js answers a path it cannot decode with an unlogged plain-text 500.
        if (refuseUndecodablePath(req, res, log)) return;
        if (serveMetrics(req, res, metricsAccess)) return;
        countRequest(req, res, () => void handleRequest(req, res));
      },
      { keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS, headersTimeoutMs: config.HEADERS_TIMEOUT_MS },
    );
    const realtimeLog = log.child({ component: "realtime" });
    const io = attachSocketServer(server, { allowedOrigins: config.allowedOrigins, authenticate: authenticateCookieHeader, roomsFor: roomsForUser, log: realtimeLog });
    setSocketServer(io);
    // Committed events reach this instance's sockets through LISTEN/NOTIFY (decision 0011).
    // The same notifications start outgoing webhooks' fan-out, where workers run (decision 0033).
    const webhookTrigger = config.JOB_WORKERS_ENABLED ? createWebhookTrigger(log.child({ component: "webhooks" })) : undefined;
    const relay = startEventRelay({ databaseUrl: database.url, io, log: realtimeLog, onEvent: webhookTrigger });
    const metricsServer = await startConfiguredMetricsServer(config);

    const shutdown = createShutdown({
      server,
      closeSockets: async () => {
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
      },
      cleanup: [
        { name: "metrics server", run: async () => metricsServer?.stop() },
        { name: "next", run: async () => (app as unknown as { close?: () => Promise<void> }).close?.() },
        { name: "roadmap parser", run: () => outlineParser.close() },
        { name: "event relay", run: () => relay.stop() },
        // Before the database client: running jobs finish (bounded) and pg-boss closes its own pool.
        { name: "job queue", run: () => jobs.stop(config.SHUTDOWN_TIMEOUT_MS) },
        { name: "rate-limit store", run: disconnectRateLimitStore },
        { name: "database client", run: disconnectDb },
        { name: "embedded PostgreSQL", run: stopEmbedded },
        // Last: the spans of everything above are exported before the process exits.
        { name: "tracing", run: async () => getTracing()?.shutdown() },
      ],
      timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      log,
    });
    let signals = 0;
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (++signals > 1) {
          log.warn("second signal: stopping now");
          void stopEmbedded().finally(() => process.exit(1));
          return;
        }
        void shutdown(signal).then(() => process.exit(0));
      });
    }

    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    printBanner(config.NEXTAUTH_URL, Boolean(database.embedded), initial.seedDemo, config.devMailboxEnabled);
  } catch (error) {
    await stopEmbedded().catch(() => undefined);
    throw error;
  }
}

function printBanner(url: string, embedded: boolean, seeded: boolean, mailbox: boolean) {
  const lines = [``, `  Cairn is running at ${url}`];
  if (embedded) lines.push(`  Database: embedded PostgreSQL (data kept in .data/postgres)`);
  if (seeded) {
    lines.push(``, `  Demo organization: ${url}/o/${DEMO_ORG.slug}   password for every account: ${DEMO_PASSWORD}`);
    for (const person of DEMO_PEOPLE) lines.push(`    ${person.email.padEnd(32)} ${person.what}`);
  }
  if (mailbox) lines.push(``, `  Emails are not sent (no RESEND_API_KEY): read them at ${url}/dev/mailbox`);
  lines.push(``, `  Press Ctrl-C to stop.`, ``);
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Cairn failed to start:", error);
  }
  process.exit(1);
});
