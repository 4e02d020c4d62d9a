/**
 * The features' metrics move when the features do, read by scraping: the event relay
 * (events emitted, commit → emit lag, reconnects, sockets connected), the job queue
 * (failures, dead letters, depth per queue), emails sent and failed, and rate-limit
 * refusals by limit name.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { queryRows, sql, withTransaction } from "@/lib/db/sql";
import { deliverEmail } from "@/lib/email/deliver-email";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueue, enqueueBatched } from "@/lib/jobs/enqueue";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { getLogger } from "@/lib/observability/logger";
import { setSocketServer } from "@/lib/realtime/socket-server";
import { consumeRateLimits } from "@/lib/security/rate-limit";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";
import { freePort } from "../support/free-port";
import { startTestJobQueue, stopTestJobQueue, waitFor } from "../support/job-queue";
import { closedWithin, useLiveInstances } from "../support/live-instances";
import { parseMetrics, useMetricsServer, valueOf } from "../support/scrape-metrics";
import type { Sample } from "../support/scrape-metrics";

const metrics = useMetricsServer();
const live = useLiveInstances(1);

/** Scrapes until `check` holds for the samples (the relay and the workers act on their own time). */
async function scrapedUntil(what: string, check: (samples: Sample[]) => boolean): Promise<Sample[]> {
  return waitFor(what, async () => {
    const samples = await metrics.samples();
    return check(samples) ? samples : undefined;
  });
}

describe("event relay metrics", () => {
  beforeAll(() => setSocketServer(live.instances[0]!.io));
  afterAll(() => setSocketServer(undefined));

  it("count sockets, emitted events and their lag from the write to the emit", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const follower = await live.follow(await sessionCookieFor(user), live.instances[0]!, organization.slug);
    const before = await metrics.samples();
    expect(valueOf(before, "cairn_sockets_connected")).toBe(1);
    expect(valueOf(before, "cairn_event_relay_connected")).toBe(1);

    await withTransaction((runner) =>
      recordEvents(runner, organization.id, [
        { type: "member.updated", actorId: user.id, subjectType: "member", subjectId: user.id },
        { type: "member.updated", actorId: user.id, subjectType: "member", subjectId: user.id },
      ]),
    );
    const after = await scrapedUntil("two events emitted", (samples) => valueOf(samples, "cairn_events_emitted_total") - valueOf(before, "cairn_events_emitted_total") === 2);
    expect(valueOf(after, "cairn_event_relay_lag_seconds_count") - valueOf(before, "cairn_event_relay_lag_seconds_count")).toBe(2);
    const lag = valueOf(after, "cairn_event_relay_lag_seconds_sum") - valueOf(before, "cairn_event_relay_lag_seconds_sum");
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(20);

    follower.socket.disconnect();
    await scrapedUntil("the socket gone", (samples) => valueOf(samples, "cairn_sockets_connected") === 0);
  });

  it("count a reconnect of the relay's LISTEN connection", async () => {
    const { user } = await createOrgWithMember("OWNER");
    const follower = await live.follow(await sessionCookieFor(user), live.instances[0]!);
    const before = await metrics.samples();
    // The relay's connection: its last statement was a LISTEN or its read of notified events.
    const [dropped] = await queryRows<{ done: boolean }>(sql`
      SELECT bool_and(pg_terminate_backend(pid)) AS done FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND (query LIKE 'LISTEN %' OR query LIKE 'SELECT "organizationId", sequence, type%')`);
    expect(dropped!.done).toBe(true);
    // Once it listens again the relay closes its sockets (they resync): the reconnect happened.
    expect(await closedWithin(follower, 10_000)).toBe("io server disconnect");
    const after = await scrapedUntil("the reconnect counted", (samples) => valueOf(samples, "cairn_event_relay_reconnects_total") > valueOf(before, "cairn_event_relay_reconnects_total"));
    expect(valueOf(after, "cairn_event_relay_reconnects_total") - valueOf(before, "cairn_event_relay_reconnects_total")).toBe(1);
    expect(valueOf(after, "cairn_event_relay_connected")).toBe(1);
  });
});

describe("job queue metrics", () => {
  const failingJob = defineJob({
    name: "test.metrics-fails",
    payload: z.strictObject({ marker: z.string() }),
    retry: { limit: 2, delaySeconds: 0, backoff: false },
    async handler() {
      throw new Error("planned failure");
    },
  });
  const batchedJob = defineJob({
    name: "test.metrics-batched",
    payload: z.strictObject({ marker: z.string() }),
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    policy: "short",
    async handler() {},
  });
  let queue: JobQueue;
  beforeAll(async () => {
    queue = await startTestJobQueue({ jobs: [failingJob, batchedJob], retry: null });
  });
  afterAll(async () => stopTestJobQueue(queue));

  it("count each failed attempt and the dead letter per queue, and report queue depths when scraped", async () => {
    const before = await metrics.samples();
    await getDb().$transaction((tx) => enqueue(tx, failingJob, { marker: randomUUID() }));
    // Deferred an hour: it waits in its queue for the depth to show.
    await getDb().$transaction((tx) => enqueueBatched(tx, batchedJob, { marker: randomUUID() }, { batchKey: randomUUID(), delaySeconds: 3600 }));
    const queueLabel = { queue: "test.metrics-fails" };
    const moved = (samples: Sample[], name: string) => valueOf(samples, name, queueLabel) - valueOf(before, name, queueLabel);
    const after = await scrapedUntil("the job dead-lettered", (samples) => moved(samples, "cairn_jobs_dead_lettered_total") === 1);
    expect(moved(after, "cairn_job_failures_total")).toBe(3); // the first attempt and two retries

    // pg-boss's monitor refreshes the per-queue counts (about once a minute); run it now.
    await queue.boss.supervise();
    const samples = await metrics.samples();
    expect(valueOf(samples, "cairn_job_queue_stats_up")).toBe(1);
    expect(valueOf(samples, "cairn_job_dead_letters", queueLabel)).toBe(1);
    expect(valueOf(samples, "cairn_job_queue_jobs", { queue: "test.metrics-batched", state: "deferred" })).toBe(1);
    expect(valueOf(samples, "cairn_job_queue_jobs", { queue: "test.metrics-batched", state: "ready" })).toBe(0);
    // A dead-letter queue is reported as its job's dead letters, not as a queue of its own.
    expect(samples.some((sample) => sample.labels.queue?.endsWith(".dead"))).toBe(false);
  });
});

describe("email metrics", () => {
  const email = (kind: string) => ({ kind, to: `metrics-${randomUUID()}@example.test`, subject: "Hello", html: "<p>Hello</p>", text: "Hello", idempotencyKey: `metrics/${randomUUID()}` });

  it("count emails sent and failed by kind and transport", async () => {
    const before = await metrics.samples();
    await deliverEmail(email("metrics-test"), getLogger());
    await deliverEmail(email("metrics-test"), getLogger());

    // Resend unreachable: the attempt fails (its job would retry it).
    const saved = { ...process.env };
    Object.assign(process.env, { EMAIL_TRANSPORT: "resend", RESEND_API_KEY: "re_metrics_test", RESEND_BASE_URL: `http://127.0.0.1:${await freePort()}` });
    resetConfig();
    try {
      await expect(deliverEmail(email("metrics-test"), getLogger())).rejects.toThrow();
    } finally {
      for (const name of ["EMAIL_TRANSPORT", "RESEND_API_KEY", "RESEND_BASE_URL"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      resetConfig();
    }
    const after = await metrics.samples();
    const moved = (name: string, labels: Record<string, string>) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(moved("cairn_emails_sent_total", { kind: "metrics-test", transport: "mailbox" })).toBe(2);
    expect(moved("cairn_emails_failed_total", { kind: "metrics-test", transport: "resend" })).toBe(1);
    expect(moved("cairn_emails_sent_total", { kind: "metrics-test", transport: "resend" })).toBe(0);
  });
});

describe("rate-limit metrics", () => {
  it("count refusals by the name of the limit that refused, never by its key", async () => {
    const key = `ip:${randomUUID()}`;
    const limits = [
      { name: "test:metrics-tight", points: 1, durationSeconds: 60, key },
      { name: "test:metrics-loose", points: 100, durationSeconds: 60, key },
    ];
    const before = await metrics.samples();
    expect((await consumeRateLimits(limits)).allowed).toBe(true);
    expect((await consumeRateLimits(limits)).allowed).toBe(false);
    expect((await consumeRateLimits(limits)).allowed).toBe(false);
    const text = await metrics.text();
    const after = parseMetrics(text);
    const moved = (limit: string) => valueOf(after, "cairn_rate_limit_refusals_total", { limit }) - valueOf(before, "cairn_rate_limit_refusals_total", { limit });
    expect(moved("test:metrics-tight")).toBe(2);
    expect(moved("test:metrics-loose")).toBe(0);
    expect(text).not.toContain(key);
  });
});
