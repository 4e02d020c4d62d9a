/**
 * The one-line calls Cairn's features make to move their metrics (docs/metrics.md):
 * jobs, emails, rate limits, the event relay and organization deletions. Each is a counter increment or a
 * histogram observation on the process's registry (metrics.ts); label values come from
 * the code (a job's queue name, an email's kind, a limit's name) and pass boundedLabel.
 */
import { boundedLabel, getMetrics } from "./metrics";

export type JobOutcome = "completed" | "failed" | "dead-lettered";

/** One attempt of a job on this instance's workers; a dead-lettered attempt is also a failure. */
export function countJobAttempt(queue: string, outcome: JobOutcome): void {
  const metrics = getMetrics();
  const label = boundedLabel(queue);
  if (outcome === "completed") {
    metrics.jobsCompleted.labels(label).inc();
    return;
  }
  metrics.jobFailures.labels(label).inc();
  if (outcome === "dead-lettered") metrics.jobsDeadLettered.labels(label).inc();
}

/** One email delivery attempt by `transport`: sent, or failed (its job retries it). */
export function countEmail(kind: string, transport: string, outcome: "sent" | "failed"): void {
  const metrics = getMetrics();
  (outcome === "sent" ? metrics.emailsSent : metrics.emailsFailed).labels(boundedLabel(kind), boundedLabel(transport)).inc();
}

/** One check refused by the rate limit named `limit` (e.g. "sign-in:ip"). */
export function countRateLimitRefusal(limit: string): void {
  getMetrics().rateLimitRefusals.labels(boundedLabel(limit)).inc();
}

/** The event relay's connection: listening (true) or lost (false); `again` when it was listening before. */
export function relayConnection(listening: boolean, again = false): void {
  const metrics = getMetrics();
  metrics.eventRelayConnected.set(listening ? 1 : 0);
  if (listening && again) metrics.eventRelayReconnects.inc();
}

/** The relay emitted an event whose row was written at `createdAt`. */
export function relayEmitted(createdAt: Date): void {
  const metrics = getMetrics();
  metrics.eventsEmitted.inc();
  // A clock step between the database and this host can make it negative: count it as no lag.
  metrics.eventRelayLag.observe(Math.max(0, (Date.now() - createdAt.getTime()) / 1000));
}

/** The relay could not read notified events and told every socket to replay. */
export function relayResynced(): void {
  getMetrics().eventRelayResyncs.inc();
}

/** An owner deleted an organization (lib/orgs/delete-organization.ts). */
export function countOrganizationDeleted(): void {
  getMetrics().organizationsDeleted.inc();
}
