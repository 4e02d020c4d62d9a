import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Deletes the records of signed-out sessions that could not be used anyway by
 * now (lib/auth/session.ts refuses a session past its sign-in plus the maximum
 * age, with or without the record).
 */
export async function pruneEndedSessions(now = new Date()): Promise<number> {
  const { count } = await getDb().endedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

export const pruneEndedSessionsJob = defineJob({
  name: "maintenance.prune-ended-sessions",
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  // Hourly, like the idempotency keys, at another minute.
  cron: "47 * * * *",
  async handler(_payload, { log }) {
    log.info({ deleted: await pruneEndedSessions() }, "expired ended-session records deleted");
  },
});
