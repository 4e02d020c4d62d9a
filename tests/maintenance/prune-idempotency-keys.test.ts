import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { pruneIdempotencyKeys, pruneIdempotencyKeysJob } from "@/lib/maintenance/prune-idempotency-keys";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { createOrgWithMember } from "../support/factories";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";

let queue: JobQueue | undefined;
afterEach(async () => {
  await stopTestJobQueue(queue);
  queue = undefined;
});

describe("pruning Idempotency-Key answers", () => {
  it("deletes the answers older than a day and keeps the rest", async () => {
    const { organization, user } = await createOrgWithMember("OWNER");
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const row = (key: string, createdAt: Date) => ({ userId: user.id, organizationId: organization.id, operation: "test", key, requestHash: "h", status: 201, response: {}, createdAt });
    await getDb().idempotencyKey.createMany({ data: [row("old-key-1", hoursAgo(25)), row("old-key-2", hoursAgo(48)), row("fresh-key", hoursAgo(23))] });
    expect(await pruneIdempotencyKeys()).toBe(2);
    expect((await getDb().idempotencyKey.findMany({ where: { userId: user.id } })).map((key) => key.key)).toEqual(["fresh-key"]);
  });

  it("is scheduled hourly where workers run", async () => {
    queue = await startTestJobQueue({ jobs: [pruneIdempotencyKeysJob] });
    const schedules = await queue.boss.getSchedules();
    expect(schedules).toEqual([expect.objectContaining({ name: "maintenance.prune-idempotency-keys", cron: "17 * * * *" })]);
  });
});
