/**
 * The hourly reminder scan (cron, UTC): every hour so that a reminder held back
 * by a recipient's quiet hours goes out within the hour after they end, in
 * every time zone. Each run is a fixed number of statements (scan-reminders.ts).
 */
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { runReminderScans } from "./scan-reminders";

export const reminderScanJob = defineJob({
  name: "reminder.scan",
  cron: "5 * * * *",
  payload: z.object({}),
  // A failed run is simply the next hour's work: retry briefly, then leave it.
  retry: { limit: 2, delaySeconds: 60, backoff: false },
  async handler(_payload, { log }) {
    const result = await runReminderScans(new Date());
    log.info(result.sent, "reminder scan done");
  },
});
