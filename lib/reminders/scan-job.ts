/**
 * The hourly reminder scan (cron, UTC): every hour so that a reminder held back
 * by a recipient's quiet hours goes out within the hour after they end, in
 * every time zone. Each run is a fixed number of statements (scan-reminders.ts),
 * then the stuck and overdue events (occasion-events.ts, its own short
 * transaction: it holds organizations' event counters only for its two statements).
 * Both are safe to run again: a retry records and sends nothing twice.
 */
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { recordOccasionEvents } from "./occasion-events";
import { runReminderScans } from "./scan-reminders";

export const reminderScanJob = defineJob({
  name: "reminder.scan",
  cron: "5 * * * *",
  payload: z.object({}),
  // A failed run is simply the next hour's work: retry briefly, then leave it.
  retry: { limit: 2, delaySeconds: 60, backoff: false },
  async handler(_payload, { log }) {
    const now = new Date();
    const result = await runReminderScans(now);
    log.info(result.sent, "reminder scan done");
    const occasions = await recordOccasionEvents(now);
    log.info(occasions, "stuck and overdue events recorded");
  },
});
