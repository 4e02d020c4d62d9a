/**
 * Cairn's Prometheus metrics (docs/metrics.md, decision 0022): one prom-client registry
 * per process, on globalThis, because Next.js may load route handlers in a module graph
 * of their own (as getLogger() and getDb() do). Every metric is declared here, with
 * label names whose values are bounded: route templates, operation names, queue and
 * limit names from the code — never a raw path, an id, an email or a token.
 *
 * Scrape-time gauges (the pool, sockets, job queues) are added by scrape-gauges.ts, which
 * knows where those live; this file depends on nothing of Cairn's so any module can record.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Request and statement latencies, in seconds: 1 ms to 10 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** The relay's lag: a few ms when healthy, seconds while the database or the relay struggles. */
const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

function createMetrics(registry: Registry) {
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "cairn_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route template (never the raw path) and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    dbStatementDuration: new Histogram({
      name: "cairn_db_statement_duration_seconds",
      help: "Time of one database operation: a Prisma model.operation, a raw Prisma query, or a named plain-SQL statement (lib/db/sql.ts).",
      labelNames: ["operation"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    dbStatementErrors: new Counter({
      name: "cairn_db_statement_errors_total",
      help: "Database operations that failed (any error: constraint, timeout, lost connection), by operation name.",
      labelNames: ["operation"] as const,
      registers,
    }),
    eventRelayLag: new Histogram({
      name: "cairn_event_relay_lag_seconds",
      help: "From an event's row being written (in its transaction, so at or before its commit) to its emission on this instance's sockets.",
      buckets: LAG_BUCKETS,
      registers,
    }),
    eventsEmitted: new Counter({
      name: "cairn_events_emitted_total",
      help: "Committed events this instance's relay emitted to its sockets' rooms.",
      registers,
    }),
    eventRelayReconnects: new Counter({
      name: "cairn_event_relay_reconnects_total",
      help: "Times the event relay's LISTEN connection was re-established after it was lost (every socket then resyncs).",
      registers,
    }),
    eventRelayResyncs: new Counter({
      name: "cairn_event_relay_resyncs_total",
      help: "Times the relay could not read notified events and told every socket to replay instead.",
      registers,
    }),
    eventRelayConnected: new Gauge({
      name: "cairn_event_relay_connected",
      help: "1 while the event relay is listening on its PostgreSQL connection, 0 while it is reconnecting.",
      registers,
    }),
    jobFailures: new Counter({
      name: "cairn_job_failures_total",
      help: "Job attempts that failed on this instance's workers, by queue (each retry counts).",
      labelNames: ["queue"] as const,
      registers,
    }),
    jobsDeadLettered: new Counter({
      name: "cairn_jobs_dead_lettered_total",
      help: "Jobs whose last attempt failed on this instance, so pg-boss moved them to the queue's dead-letter queue.",
      labelNames: ["queue"] as const,
      registers,
    }),
    jobsCompleted: new Counter({
      name: "cairn_jobs_completed_total",
      help: "Job attempts that succeeded on this instance's workers, by queue.",
      labelNames: ["queue"] as const,
      registers,
    }),
    emailsSent: new Counter({
      name: "cairn_emails_sent_total",
      help: "Emails delivered by the configured transport (resend, mailbox or log), by kind.",
      labelNames: ["kind", "transport"] as const,
      registers,
    }),
    emailsFailed: new Counter({
      name: "cairn_emails_failed_total",
      help: "Email delivery attempts that failed (the job retries them), by kind and transport.",
      labelNames: ["kind", "transport"] as const,
      registers,
    }),
    progressWriteRetries: new Counter({
      name: "cairn_progress_write_retries_total",
      help: "One-item progress writes tried again because another write changed the assignment between their read and their write (decision 0036).",
      registers,
    }),
    organizationsDeleted: new Counter({
      name: "cairn_organizations_deleted_total",
      help: "Organizations deleted by their owners (decision 0045); their files follow by a job.",
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: "cairn_rate_limit_refusals_total",
      help: "Attempts refused because a rate limit's points were spent, by limit name (one refusal may count several limits).",
      labelNames: ["limit"] as const,
      registers,
    }),
  };
}

export type CairnMetrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { __cairnMetrics?: CairnMetrics };

/** The process's metrics, made (with Node's process metrics) on first use. */
export function getMetrics(): CairnMetrics {
  if (!globalForMetrics.__cairnMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    globalForMetrics.__cairnMetrics = createMetrics(registry);
  }
  return globalForMetrics.__cairnMetrics;
}

/**
 * Label values from the code (a job's name, an email's kind, a limit's name) are bounded
 * by the code; this guards against one ever carrying data: anything that is not a short
 * word of letters, digits and . _ : / { } - is counted as "other".
 */
const SAFE_LABEL = /^[A-Za-z0-9._:/{}*$-]{1,100}$/;
export function boundedLabel(value: string): string {
  return SAFE_LABEL.test(value) ? value : "other";
}
