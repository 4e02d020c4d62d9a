/**
 * The hourly scan's stuck and overdue events leave Cairn like any other event
 * (decision 0035): a webhook subscribed to assignment.stuck gets it signed, a
 * Slack channel that chose "stuck" and "overdue" gets Block Kit posts with a
 * link to the assignment, another organization's endpoints get nothing, and a
 * second scan sends nothing again.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { recordOccasionEvents } from "@/lib/reminders/occasion-events";
import { fanOutEvents } from "@/lib/webhooks/fan-out";
import { sendEndpointDeliveries } from "@/lib/webhooks/send-deliveries";
import { verifySignature } from "@/lib/webhooks/signature";
import { remindedOrg } from "../reminders/reminders-fixture";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { registerSlack, registerWebhook, startReceiver } from "./webhooks-fixture";

let queue: JobQueue | undefined;
let slack: Awaited<ReturnType<typeof startReceiver>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
  slack = await startReceiver();
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  process.env.SLACK_API_URL = `${slack.url}/slack`;
  resetConfig();
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  delete process.env.SLACK_API_URL;
  resetConfig();
  await slack.close();
  await stopTestJobQueue(queue);
});
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

type Org = Awaited<ReturnType<typeof remindedOrg>>;
const owner = (org: Org) => ({ organization: org.organization, cookie: org.owner.cookie });

async function endpointsOf(org: Org, channel: string) {
  const hook = await registerWebhook(owner(org), { url: `${receiver.url}/${org.slug}`, eventTypes: ["assignment.stuck"] });
  expect(hook.status).toBe(201);
  const posts = await registerSlack(owner(org), { url: `${slack.url}/slack/services/T1/${channel}/secret`, eventTypes: ["assignment.stuck", "assignment.overdue"], description: "#onboarding" });
  expect(posts.status).toBe(201);
  return { hookId: hook.json!.id as string, secret: hook.json!.secret as string, slackId: posts.json!.id as string };
}

async function deliver(org: Org, endpoints: { hookId: string; slackId: string }) {
  await fanOutEvents(org.organization.id);
  await sendEndpointDeliveries(endpoints.hookId);
  await sendEndpointDeliveries(endpoints.slackId);
}

describe("stuck and overdue events in webhooks and Slack", () => {
  it("sends them to the organization's subscribed endpoints once, and nothing to another organization's", async () => {
    // Overdue (due the 5th) and stuck (no activity since the start) on the 12th.
    const org = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-01-05", lastActivityAt: null });
    // Another organization whose hire is neither: its endpoints, subscribed to the same types, stay quiet.
    const quiet = await remindedOrg({ startDate: "2030-01-01", dueDate: "2030-02-01", lastActivityAt: new Date("2030-01-11T09:00:00Z") });
    const mine = await endpointsOf(org, "B1");
    const theirs = await endpointsOf(quiet, "B2");

    await recordOccasionEvents(new Date("2030-01-12T12:00:00Z"));
    await deliver(org, mine);
    await deliver(quiet, theirs);

    // The webhook chose stuck only: one signed delivery.
    expect(receiver.received.map((request) => request.path)).toEqual([`/${org.slug}`]);
    const [request] = receiver.received;
    expect(verifySignature(mine.secret, String(request!.headers["cairn-signature"]), request!.body)).toBe(true);
    expect(request!.headers["cairn-event"]).toBe("assignment.stuck");
    const body = JSON.parse(request!.body);
    expect(body.event).toMatchObject({
      type: "assignment.stuck",
      subjectType: "assignment",
      subjectId: org.assignmentId,
      actorId: null,
      payload: { assignmentId: org.assignmentId, assigneeId: org.hire.userId, stuckSince: "2030-01-01T00:00:00.000Z", stuckDays: 11, stuckAfterDays: 7, inProgress: false },
    });

    // Slack: overdue then stuck (the order they were numbered in), each with a button to the assignment.
    expect(slack.received.map((post) => post.path)).toEqual(["/slack/services/T1/B1/secret", "/slack/services/T1/B1/secret"]);
    const [overdue, stuck] = slack.received.map((post) => JSON.parse(post.body));
    const link = `http://localhost:3000/o/${org.slug}/assignments/${org.assignmentId}`;
    expect(overdue.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: "Assignment overdue" } });
    expect(overdue.blocks[1].text.text).toBe(`${org.hire.name}'s *Starter* is 7 days past its due day (2030-01-05).`);
    expect(overdue.blocks[1].accessory).toMatchObject({ type: "button", url: link });
    expect(stuck.blocks[0].text.text).toBe("Hire stuck");
    expect(stuck.blocks[1].text.text).toBe(`${org.hire.name} has made no progress on *Starter* for 11 days.`);
    expect(stuck.blocks[1].accessory.url).toBe(link);
    expect(stuck.text).toContain("Hire stuck");

    // The next hours' scans: nothing new to record, nothing sent again.
    await recordOccasionEvents(new Date("2030-01-12T13:00:00Z"));
    await recordOccasionEvents(new Date("2030-01-12T14:00:00Z"));
    await deliver(org, mine);
    await deliver(quiet, theirs);
    expect(receiver.received).toHaveLength(1);
    expect(slack.received).toHaveLength(2);
    expect(await getDb().webhookDelivery.count({ where: { organizationId: quiet.organization.id } })).toBe(0);
    expect(await getDb().webhookDelivery.count({ where: { organizationId: org.organization.id } })).toBe(3);
  });
});
