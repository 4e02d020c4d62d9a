/**
 * The reminder emails through a running queue (workers on), end to end: jobs
 * written by the scan's one insert (enqueueMany) and by a nudge are picked up,
 * sent through the (fake) Resend API with their idempotency keys, once.
 */
import { describe, expect, it } from "vitest";
import { POST as nudgeRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/nudges/route";
import { getDb } from "@/lib/db/client";
import { inQuietHours, localClock } from "@/lib/reminders/quiet-hours";
import { runReminderScans } from "@/lib/reminders/scan-reminders";
import { callRoute } from "../support/call-route";
import { useEmailDelivery } from "../support/email-delivery";
import { waitFor } from "../support/job-queue";
import { remindedOrg } from "./reminders-fixture";

const delivery = useEmailDelivery();

/** A zone where it is now day (outside quiet hours), whatever the hour the test runs at. */
const awakeZone = () => ["UTC", "Asia/Tokyo", "America/New_York", "Asia/Kolkata"].find((zone) => !inQuietHours(new Date(), zone))!;

describe("reminder delivery", () => {
  it("sends the scan's reminders and a nudge through the running queue, each once", async () => {
    const zone = awakeZone();
    // Due today where the hire and mentor are (their local day may not be UTC's).
    const today = localClock(new Date(), zone).day;
    const org = await remindedOrg({ startDate: "2026-01-01", dueDate: today, lastActivityAt: new Date() });
    await getDb().user.updateMany({ where: { id: { in: [org.hire.userId, org.mentor.userId] } }, data: { timeZone: zone } });
    const { email: hireEmail } = await getDb().user.findUniqueOrThrow({ where: { id: org.hire.userId } });
    await runReminderScans(new Date());
    await runReminderScans(new Date());
    const nudged = await callRoute(nudgeRoute, {
      path: `/api/v1/o/${org.slug}/assignments/${org.assignmentId}/nudges`,
      params: { orgSlug: org.slug, assignmentId: org.assignmentId },
      cookie: org.mentor.cookie,
      body: { message: "Today is the day!" },
    });
    expect(nudged.status).toBe(201);
    const subjects = await waitFor("the due-soon and nudge emails", () => {
      // (The "assigned" email may have gone out before the fixture cleared its notice: not what this counts.)
      const sent = delivery.fake.emails().filter((email) => email.to.includes(hireEmail) && !email.subject.startsWith("You were assigned")).map((email) => email.subject).sort();
      return sent.length >= 2 ? sent : false;
    });
    expect(subjects).toEqual([`${org.mentor.name} sent you a nudge`, "Your track “Starter” is due today"].sort());
  });
});
