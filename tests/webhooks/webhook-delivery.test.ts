/**
 * Outgoing webhooks against a local receiver (decision 0033): signed bodies, order
 * kept, retries then success, one delivery per event per endpoint however often
 * the jobs run, redirects not followed, big and slow answers, private targets
 * refused unless allowed, given up after the retry window, disabled after days of
 * failing, and the job queue doing all of it by itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { fanOutEvents } from "@/lib/webhooks/fan-out";
import { scheduleFanOut } from "@/lib/webhooks/schedule";
import { sendEndpointDeliveries } from "@/lib/webhooks/send-deliveries";
import { verifySignature } from "@/lib/webhooks/signature";
import { webhookTiming } from "@/lib/webhooks/timing";
import { startTestJobQueue, stopTestJobQueue, waitFor } from "../support/job-queue";
import { ownerOrg, recordEvents, registerWebhook, startReceiver } from "./webhooks-fixture";

const timing = { ...webhookTiming };
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  resetConfig();
});
afterAll(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  resetConfig();
});
beforeEach(async () => {
  receiver = await startReceiver();
  webhookTiming.baseDelayMs = 20;
});
afterEach(async () => {
  Object.assign(webhookTiming, timing);
  await receiver.close();
});

async function setUp(eventTypes = ["progress.updated"], path = "/hook") {
  const org = await ownerOrg();
  const created = await registerWebhook(org, { url: `${receiver.url}${path}`, eventTypes });
  expect(created.status).toBe(201);
  return { org, endpointId: created.json!.id as string, secret: created.json!.secret as string };
}

/** Runs the sender until nothing is waiting, sleeping until each retry is due. */
async function drain(endpointId: string, rounds = 50) {
  for (let round = 0; round < rounds; round += 1) {
    await sendEndpointDeliveries(endpointId);
    const next = await getDb().webhookDelivery.findFirst({ where: { endpointId, status: "PENDING" }, orderBy: { position: "asc" } });
    const endpoint = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    if (!next || !endpoint.enabled) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next.nextAttemptAt.getTime() - Date.now()) + 5));
  }
  throw new Error("deliveries still waiting after every round");
}

const deliveriesOf = (endpointId: string) => getDb().webhookDelivery.findMany({ where: { endpointId }, orderBy: { position: "asc" } });

describe("webhook delivery", () => {
  it("signs each body, keeps the order across many events and records each delivery once", async () => {
    const { org, endpointId, secret } = await setUp();
    await recordEvents(org.organization.id, 3, "comment.created");
    await recordEvents(org.organization.id, 40);
    await fanOutEvents(org.organization.id);
    await drain(endpointId);

    expect(receiver.received).toHaveLength(40);
    const sequences = receiver.received.map((request) => {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(verifySignature(secret, String(request.headers["cairn-signature"]), request.body)).toBe(true);
      expect(verifySignature("whsec_wrong", String(request.headers["cairn-signature"]), request.body)).toBe(false);
      const body = JSON.parse(request.body);
      expect(body.id).toBe(request.headers["cairn-delivery"]);
      expect(body.organization).toEqual({ slug: org.organization.slug });
      expect(Object.keys(body.event).sort()).toEqual(["actorId", "createdAt", "payload", "sequence", "subjectId", "subjectType", "type"]);
      expect(body.event.type).toBe("progress.updated");
      return body.event.sequence as number;
    });
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    const rows = await deliveriesOf(endpointId);
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => row.status === "SUCCEEDED" && row.attempts === 1 && row.responseStatus === 200 && row.responseTimeMs !== null)).toBe(true);
  });

  it("writes and sends each event once however many fan-outs and senders run at the same time", async () => {
    const { org, endpointId } = await setUp();
    // A slow receiver keeps the first sender busy while the others try.
    receiver.reply((_, response) => void setTimeout(() => response.writeHead(204).end(), 5));
    await recordEvents(org.organization.id, 15);
    await Promise.all([fanOutEvents(org.organization.id), fanOutEvents(org.organization.id), fanOutEvents(org.organization.id)]);
    await fanOutEvents(org.organization.id);
    await Promise.all([sendEndpointDeliveries(endpointId), sendEndpointDeliveries(endpointId), sendEndpointDeliveries(endpointId)]);
    await drain(endpointId);

    const rows = await deliveriesOf(endpointId);
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((row) => row.eventSequence)).size).toBe(15);
    expect(receiver.received).toHaveLength(15);
    const ids = receiver.received.map((request) => request.headers["cairn-delivery"]);
    expect(new Set(ids).size).toBe(15);
  });

  it("retries after 500s with backoff, holding the next event back until the first succeeds", async () => {
    const { org, endpointId } = await setUp();
    let failures = 3;
    receiver.reply((_, response) => void (failures-- > 0 ? response.writeHead(500).end("boom") : response.writeHead(200).end()));
    await recordEvents(org.organization.id, 2);
    await fanOutEvents(org.organization.id);
    await drain(endpointId);

    const order = receiver.received.map((request) => JSON.parse(request.body).event.payload.index as number);
    expect(order).toEqual([0, 0, 0, 0, 1]);
    const gaps = receiver.received.slice(1, 4).map((request, index) => request.at - receiver.received[index]!.at);
    // Never before its backoff: 20 ms, 40 ms, 80 ms (−10% jitter). (Upper bounds depend on the machine; the doubling is a unit test.)
    gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(Math.floor(20 * 2 ** index * 0.9)));
    const [first, second] = await deliveriesOf(endpointId);
    expect(first).toMatchObject({ status: "SUCCEEDED", attempts: 4, responseStatus: 200, lastError: null });
    expect(second).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    const endpoint = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpoint.failingSince).toBeNull();
  });

  it("does not follow a redirect: a 3xx is a failed attempt", async () => {
    const { org, endpointId } = await setUp();
    const elsewhere = await startReceiver();
    try {
      receiver.reply((_, response) => void response.writeHead(302, { location: `${elsewhere.url}/stolen` }).end());
      await recordEvents(org.organization.id, 1);
      await fanOutEvents(org.organization.id);
      await sendEndpointDeliveries(endpointId);
      expect(elsewhere.received).toHaveLength(0);
      const [delivery] = await deliveriesOf(endpointId);
      expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: 302 });
      expect(delivery!.lastError).toContain("redirects are not followed");
    } finally {
      await elsewhere.close();
    }
  });

  it("reads at most 64 KiB of an answer and gives up on a slow one", async () => {
    const { org, endpointId } = await setUp();
    receiver.reply((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      // 8 MiB, written in chunks; the sender stops reading after 64 KiB.
      const chunk = "x".repeat(64 * 1024);
      let left = 128;
      const write = () => {
        while (left > 0) {
          left -= 1;
          if (!response.write(chunk)) return void response.once("drain", write);
        }
        response.end();
      };
      write();
    });
    await recordEvents(org.organization.id, 1);
    await fanOutEvents(org.organization.id);
    await sendEndpointDeliveries(endpointId);
    expect((await deliveriesOf(endpointId))[0]).toMatchObject({ status: "SUCCEEDED", responseStatus: 200 });

    webhookTiming.totalTimeoutMs = 300;
    receiver.reply((_, response) => void setTimeout(() => response.writeHead(200).end(), 2_000).unref());
    await recordEvents(org.organization.id, 1);
    await fanOutEvents(org.organization.id);
    await sendEndpointDeliveries(endpointId);
    const slow = (await deliveriesOf(endpointId))[1]!;
    expect(slow).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null });
    expect(slow.lastError).toContain("No complete answer within 300 ms");
  });

  it("refuses a private target without WEBHOOK_ALLOW_PRIVATE, at registration and at delivery", async () => {
    const { org, endpointId } = await setUp();
    process.env.WEBHOOK_ALLOW_PRIVATE = "false";
    resetConfig();
    try {
      for (const url of [`${receiver.url}/hook`, "http://localhost:9/", "http://0x7f.1/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://169.254.169.254/"]) {
        const refused = await registerWebhook(org, { url, eventTypes: ["progress.updated"] });
        expect(refused.status, url).toBe(422);
        expect(refused.json!.error.details.issues[0].path).toBe("body.url");
      }
      // Registered while allowed, delivered after: checked again, nothing sent.
      await recordEvents(org.organization.id, 1);
      await fanOutEvents(org.organization.id);
      await sendEndpointDeliveries(endpointId);
      expect(receiver.received).toHaveLength(0);
      const [delivery] = await deliveriesOf(endpointId);
      expect(delivery).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(delivery!.lastError).toContain("public address");
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE = "true";
      resetConfig();
    }
    expect(await getDb().webhookEndpoint.count({ where: { organizationId: org.organization.id } })).toBe(1);
  });

  it("gives a delivery up after the retry window, then sends the next; disables an endpoint failing for days and emails its owners", async () => {
    const queue = await startTestJobQueue({ workers: false });
    try {
      const { org, endpointId } = await setUp();
      receiver.reply((_, response) => void response.writeHead(503).end());
      await recordEvents(org.organization.id, 2);
      await fanOutEvents(org.organization.id);
      await sendEndpointDeliveries(endpointId);
      const [first] = await deliveriesOf(endpointId);
      // The first attempt was 25 hours ago: the next failure is the last.
      await getDb().webhookDelivery.update({ where: { id: first!.id }, data: { firstAttemptAt: new Date(Date.now() - 25 * 3_600_000), nextAttemptAt: new Date() } });
      await sendEndpointDeliveries(endpointId);
      const [dead, next] = await deliveriesOf(endpointId);
      expect(dead).toMatchObject({ status: "DEAD", attempts: 2 });
      expect(next).toMatchObject({ status: "PENDING", attempts: 1 });

      // Failing since four days ago: the next failure turns the endpoint off.
      await getDb().webhookEndpoint.update({ where: { id: endpointId }, data: { failingSince: new Date(Date.now() - 4 * 86_400_000) } });
      await getDb().webhookDelivery.update({ where: { id: next!.id }, data: { nextAttemptAt: new Date() } });
      await sendEndpointDeliveries(endpointId);
      const endpoint = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
      expect(endpoint).toMatchObject({ enabled: false });
      expect(endpoint.disabledReason).toContain("3 days");
      const jobs = await getDb().$queryRaw<Array<{ data: { endpointId: string } }>>`SELECT data FROM pgboss.job WHERE name = 'email.webhook-disabled'`;
      expect(jobs.map((job) => job.data.endpointId)).toContain(endpointId);
      // A disabled endpoint sends nothing more.
      const before = receiver.received.length;
      await sendEndpointDeliveries(endpointId);
      expect(receiver.received).toHaveLength(before);
    } finally {
      await stopTestJobQueue(queue);
    }
  });

  it("runs by itself on the job queue: fan-out, then the deliveries, in order", async () => {
    let queue: JobQueue | undefined;
    try {
      queue = await startTestJobQueue();
      const { org, endpointId, secret } = await setUp();
      await recordEvents(org.organization.id, 5);
      await scheduleFanOut(org.organization.id);
      await waitFor("five deliveries", () => receiver.received.length >= 5);
      const sequences = receiver.received.map((request) => JSON.parse(request.body).event.sequence as number);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(receiver.received.every((request) => verifySignature(secret, String(request.headers["cairn-signature"]), request.body))).toBe(true);
      await waitFor("the log", async () => (await deliveriesOf(endpointId)).every((row) => row.status === "SUCCEEDED"));
    } finally {
      await stopTestJobQueue(queue);
    }
  });
});
