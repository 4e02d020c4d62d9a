/**
 * The job queue itself: enqueue commits and rolls back with the caller's
 * transaction, workers run committed jobs, failures are retried and then
 * dead-lettered, and queues follow their declarations.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { deadLetterQueueOf, defineJob } from "@/lib/jobs/define-job";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { createUser } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue, TEST_RETRY, waitFor } from "../support/job-queue";

const runs: Array<{ job: string; marker: string; jobId: string }> = [];
/** marker → failures left before the job succeeds (Infinity: always fails). */
const failuresLeft = new Map<string, number>();

const recordJob = defineJob({
  name: "test.record",
  payload: z.strictObject({ marker: z.string() }),
  retry: { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 600 },
  async handler({ marker }, { jobId }) {
    runs.push({ job: "test.record", marker, jobId });
  },
});

const flakyJob = defineJob({
  name: "test.flaky",
  payload: z.strictObject({ marker: z.string() }),
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  async handler({ marker }, { jobId }) {
    runs.push({ job: "test.flaky", marker, jobId });
    const left = failuresLeft.get(marker) ?? 0;
    if (left > 0) {
      failuresLeft.set(marker, left - 1);
      throw new Error(`planned failure for ${marker}`);
    }
  },
});

let queue: JobQueue;

beforeAll(async () => {
  queue = await startTestJobQueue({ jobs: [recordJob, flakyJob] });
});

afterAll(async () => {
  await stopTestJobQueue(queue);
});

const runsOf = (marker: string) => runs.filter((run) => run.marker === marker);
const jobsWith = (name: string, marker: string) => queue.boss.findJobs<{ marker: string }>(name, { data: { marker } });

describe("enqueue in the caller's transaction", () => {
  it("commits the job row with the change, and the worker then runs it", async () => {
    const marker = randomUUID();
    const email = `committed-${marker}@example.test`;
    const jobId = await getDb().$transaction(async (tx) => {
      await tx.user.create({ data: { email } });
      return enqueue(tx, recordJob, { marker });
    });

    expect(await getDb().user.count({ where: { email } })).toBe(1);
    const [run] = await waitFor("the committed job to run", () => runsOf(marker).length > 0 && runsOf(marker));
    expect(run).toEqual({ job: "test.record", marker, jobId });
    const stored = await waitFor("the job to complete", async () => (await jobsWith("test.record", marker)).find((job) => job.state === "completed"));
    expect(stored).toMatchObject({ id: jobId, data: { marker }, state: "completed" });
  });

  it("leaves no job when the transaction rolls back", async () => {
    const marker = randomUUID();
    const email = `rolled-back-${marker}@example.test`;
    let jobId: string | undefined;
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.user.create({ data: { email } });
        jobId = await enqueue(tx, recordJob, { marker });
        // Inside the transaction the job exists...
        const [row] = await tx.$queryRawUnsafe<Array<{ n: number }>>("select count(*)::int as n from pgboss.job where id = $1::uuid", jobId);
        expect(row!.n).toBe(1);
        throw new Error("the change failed after enqueueing");
      }),
    ).rejects.toThrow("the change failed after enqueueing");

    expect(jobId).toEqual(expect.any(String));
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    // ...and after the rollback it never existed, so no worker can ever see it.
    expect(await jobsWith("test.record", marker)).toEqual([]);
    const [row] = await getDb().$queryRawUnsafe<Array<{ n: number }>>("select count(*)::int as n from pgboss.job where id = $1::uuid", jobId);
    expect(row!.n).toBe(0);
  });

  it("refuses a payload that does not fit the job's schema, failing the caller's transaction", async () => {
    const user = await createUser();
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Changed" } });
        await enqueue(tx, recordJob, { marker: 42 } as never);
      }),
    ).rejects.toThrow(/marker/);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
  });

  it("fails when the job's queue was never created (a job missing from the list the queue starts with)", async () => {
    const unlisted = defineJob({ name: "test.unlisted", payload: z.strictObject({}), retry: TEST_RETRY, handler: async () => undefined });
    await expect(getDb().$transaction((tx) => enqueue(tx, unlisted, {}))).rejects.toThrow(/test\.unlisted/);
  });
});

describe("retries and the dead-letter queue", () => {
  it("retries a failing job and completes it once it succeeds", async () => {
    const marker = randomUUID();
    failuresLeft.set(marker, 1);
    const jobId = await getDb().$transaction((tx) => enqueue(tx, flakyJob, { marker }));
    const job = await waitFor("the retried job to complete", async () => (await jobsWith("test.flaky", marker)).find((candidate) => candidate.state === "completed"));
    expect(job).toMatchObject({ id: jobId, retryCount: 1 });
    expect(runsOf(marker).map((run) => run.jobId)).toEqual([jobId, jobId]);
    expect(await jobsWith(deadLetterQueueOf("test.flaky"), marker)).toEqual([]);
  });

  it("moves a job that keeps failing to its dead-letter queue after its retries", async () => {
    const marker = randomUUID();
    failuresLeft.set(marker, Number.POSITIVE_INFINITY);
    const jobId = await getDb().$transaction((tx) => enqueue(tx, flakyJob, { marker }));

    const [dead] = await waitFor("the job in the dead-letter queue", async () => {
      const found = await jobsWith(deadLetterQueueOf("test.flaky"), marker);
      return found.length > 0 && found;
    });
    expect(dead).toMatchObject({ data: { marker }, sourceName: "test.flaky" });
    const [original] = await jobsWith("test.flaky", marker);
    expect(original).toMatchObject({ id: jobId, state: "failed", retryCount: TEST_RETRY.limit });
    expect((original!.output as { message?: string }).message).toBe(`planned failure for ${marker}`);
    // One first attempt plus every retry, then nothing more.
    expect(runsOf(marker)).toHaveLength(TEST_RETRY.limit + 1);
  });

  it("dead-letters a job whose payload does not match its schema without running the handler", async () => {
    const marker = randomUUID();
    await queue.boss.send("test.record", { marker, unexpected: true });
    await waitFor("the malformed job in the dead-letter queue", async () => (await jobsWith(deadLetterQueueOf("test.record"), marker)).length > 0);
    expect(runsOf(marker)).toEqual([]);
  });
});

describe("queues follow their declarations", () => {
  it("creates each queue with its declared retry policy and dead-letter queue, and updates it when the declaration changes", async () => {
    const declared = defineJob({ name: "test.declared", payload: z.strictObject({}), retry: { limit: 4, delaySeconds: 7, backoff: true, maxDelaySeconds: 90 }, handler: async () => undefined });
    const first = await startTestJobQueue({ jobs: [declared], workers: false, retry: null, register: false });
    try {
      expect(await first.boss.getQueue("test.declared")).toMatchObject({ retryLimit: 4, retryDelay: 7, retryBackoff: true, retryDelayMax: 90, deadLetter: "test.declared.dead" });
      expect(await first.boss.getQueue("test.declared.dead")).toMatchObject({ name: "test.declared.dead" });
    } finally {
      await first.stop(2_000);
    }

    const changed = { ...declared, retry: { limit: 1, delaySeconds: 3, backoff: false } };
    const second = await startTestJobQueue({ jobs: [changed], workers: false, retry: null, register: false });
    try {
      const queueRow = await second.boss.getQueue("test.declared");
      expect(queueRow).toMatchObject({ retryLimit: 1, retryDelay: 3, retryBackoff: false, deadLetter: "test.declared.dead" });
      expect(queueRow?.retryDelayMax ?? null).toBeNull();
    } finally {
      await second.stop(2_000);
    }
  });

  it("refuses job names pg-boss or our conventions would not accept", () => {
    for (const name of ["Email", "email sender", "email.", "-email", "email/x"]) {
      expect(() => defineJob({ name, payload: z.strictObject({}), retry: TEST_RETRY, handler: async () => undefined })).toThrow(/job name/);
    }
  });
});
