/**
 * A job enqueued inside a trace runs in that trace (decision 0023): enqueue() stores the
 * W3C traceparent in the job's data, the worker takes it out before the payload meets
 * its (strict) schema and runs the attempt as the enqueuing span's child; the
 * handler's statements and log lines belong to it. A job enqueued outside a trace
 * starts its own.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { TRACE_KEY } from "@/lib/jobs/job-trace";
import { activeTraceIds, inSpan } from "@/lib/observability/trace-context";
import { captureLogs } from "../support/capture-logs";
import { startTestJobQueue, stopTestJobQueue, waitFor } from "../support/job-queue";
import { ancestry, recordedSpans, spanIdOf, spansNamed, traceIdOf } from "../support/recorded-spans";

const runs = new Map<string, { traceId: string | null }>();
const tracedJob = defineJob({
  name: "test.traced",
  payload: z.strictObject({ marker: z.string() }),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  async handler({ marker }, { log }) {
    await getDb().$queryRawUnsafe("SELECT 1 AS traced_job_statement");
    log.info({ marker }, "traced job ran");
    runs.set(marker, { traceId: activeTraceIds()?.traceId ?? null });
  },
});

const logs = captureLogs();
let queue: JobQueue;
beforeAll(async () => {
  queue = await startTestJobQueue({ jobs: [tracedJob] });
});
afterAll(async () => {
  await stopTestJobQueue(queue);
});

describe("trace context through pg-boss", () => {
  it("runs a job enqueued inside a span as that span's child, in the same trace", async () => {
    const marker = randomUUID();
    const { traceId, spanId, jobId } = await inSpan("enqueuing request", async () => {
      const id = await getDb().$transaction((tx) => enqueue(tx, tracedJob, { marker }));
      return { ...activeTraceIds()!, jobId: id };
    });
    // The context rides in the job's data, beside the payload.
    const [stored] = await queue.boss.findJobs<Record<string, unknown>>(tracedJob.name, { id: jobId });
    expect(stored!.data).toEqual({ marker, [TRACE_KEY]: { traceparent: `00-${traceId}-${spanId}-01` } });

    await waitFor("the traced job", () => runs.get(marker));
    // The handler saw its own payload (the strict schema took it) inside the enqueuer's trace.
    expect(runs.get(marker)).toEqual({ traceId });
    await waitFor("the job's span", () => spansNamed("job test.traced").find((span) => span.attributes["messaging.message.id"] === jobId));
    const jobSpan = spansNamed("job test.traced").find((span) => span.attributes["messaging.message.id"] === jobId)!;
    expect(traceIdOf(jobSpan)).toBe(traceId);
    expect(jobSpan.parentSpanContext?.spanId).toBe(spanId);
    // The handler's statement is the job span's child.
    const statement = recordedSpans.getFinishedSpans().find((span) => String(span.attributes["db.query.text"] ?? span.attributes["db.statement"]).includes("traced_job_statement"));
    expect(statement && ancestry(statement)[0]).toBe("job test.traced");
    expect(statement && traceIdOf(statement)).toBe(traceId);
    expect(logs.lines().find((line) => line.msg === "traced job ran" && line.marker === marker)).toMatchObject({ trace_id: traceId, span_id: spanIdOf(jobSpan) });
  });

  it("starts a trace of its own for a job enqueued outside any trace, with the payload unchanged", async () => {
    const marker = randomUUID();
    const jobId = await getDb().$transaction((tx) => enqueue(tx, tracedJob, { marker }));
    const [stored] = await queue.boss.findJobs<Record<string, unknown>>(tracedJob.name, { id: jobId });
    expect(stored!.data).toEqual({ marker });
    await waitFor("the untraced job", () => runs.get(marker));
    await waitFor("the job's span", () => spansNamed("job test.traced").find((span) => span.attributes["messaging.message.id"] === jobId));
    const jobSpan = spansNamed("job test.traced").find((span) => span.attributes["messaging.message.id"] === jobId)!;
    expect(jobSpan.parentSpanContext).toBeUndefined();
    expect(runs.get(marker)).toEqual({ traceId: traceIdOf(jobSpan) });
  });
});
