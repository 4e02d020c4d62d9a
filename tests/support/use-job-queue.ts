import { afterAll, beforeAll } from "vitest";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startTestJobQueue, stopTestJobQueue } from "./job-queue";

/**
 * For test files whose code enqueues (assigning a track enqueues the "assigned"
 * emails, lib/reminders) but that do not look at the jobs: a queue without
 * workers for the whole file. Call once at the top level of a test file.
 */
export function useJobQueue(): void {
  let queue: JobQueue | undefined;
  beforeAll(async () => {
    queue = await startTestJobQueue({ workers: false });
  });
  afterAll(() => stopTestJobQueue(queue));
}
