/**
 * The management routes of outgoing webhooks and Slack channels: the secret shown
 * once, rotation, turning off and on, the test event and redelivery through the
 * delivery log, Slack's URL rules and its Block Kit message, and another
 * organization's endpoints answering 404 on every route.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as redeliverRoute } from "@/app/api/v1/o/[orgSlug]/webhooks/[endpointId]/deliveries/[deliveryId]/redeliver/route";
import { GET as deliveriesRoute } from "@/app/api/v1/o/[orgSlug]/webhooks/[endpointId]/deliveries/route";
import { DELETE as deleteRoute, PATCH as updateRoute } from "@/app/api/v1/o/[orgSlug]/webhooks/[endpointId]/route";
import { POST as rotateRoute } from "@/app/api/v1/o/[orgSlug]/webhooks/[endpointId]/secret/route";
import { POST as testRoute } from "@/app/api/v1/o/[orgSlug]/webhooks/[endpointId]/test/route";
import { GET as listRoute } from "@/app/api/v1/o/[orgSlug]/webhooks/route";
import { resetConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { RouteHandler } from "@/lib/http/handle";
import { fanOutEvents } from "@/lib/webhooks/fan-out";
import { pruneDeliveries } from "@/lib/webhooks/prune-deliveries";
import { sendEndpointDeliveries } from "@/lib/webhooks/send-deliveries";
import { verifySignature } from "@/lib/webhooks/signature";
import { callRoute } from "../support/call-route";
import { addMember, createUser, sessionCookieFor } from "../support/factories";
import { ownerOrg, recordEvents, registerSlack, registerWebhook, startReceiver } from "./webhooks-fixture";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let slack: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
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
});
beforeEach(async () => {
  receiver = await startReceiver();
  // The fake Slack lives for the whole file: each test counts its own posts.
  slack.received.splice(0);
});
afterEach(() => receiver.close());

type Org = Awaited<ReturnType<typeof ownerOrg>>;

function call(handler: RouteHandler, org: Org, params: Record<string, string> = {}, extra: { body?: unknown; query?: string } = {}) {
  const slug = org.organization.slug;
  const all = { orgSlug: slug, ...params };
  let path = handler.endpoint.path;
  for (const [name, value] of Object.entries(all)) path = path.replace(`{${name}}`, value);
  return callRoute(handler, { path: `${path}${extra.query ? `?${extra.query}` : ""}`, params: all, cookie: org.cookie, body: extra.body });
}

describe("webhook management", () => {
  it("shows the secret once, signs with the rotated one, and logs test events and redeliveries", async () => {
    const org = await ownerOrg();
    const created = await registerWebhook(org, { url: `${receiver.url}/in`, eventTypes: ["progress.updated", "progress.updated", "comment.created"], description: "CI" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ kind: "WEBHOOK", description: "CI", eventTypes: ["progress.updated", "comment.created"], enabled: true });
    expect(created.json!.secret).toMatch(/^whsec_/);
    const endpointId = created.json!.id as string;

    const listed = await call(listRoute, org);
    expect(listed.status).toBe(200);
    expect(listed.json!.items).toHaveLength(1);
    expect(listed.text).not.toContain(created.json!.secret);
    expect(listed.json!.eventTypes).toContain("evidence.submitted");
    expect(listed.json!.eventTypes).not.toContain("security.signed_in");

    const rotated = await call(rotateRoute, org, { endpointId });
    expect(rotated.status).toBe(200);
    const secret = rotated.json!.secret as string;
    expect(secret).not.toBe(created.json!.secret);

    const test = await call(testRoute, org, { endpointId });
    expect(test.status).toBe(202);
    expect(test.json).toMatchObject({ eventType: "webhook.test", eventSequence: null, status: "PENDING", attempts: 0 });
    await sendEndpointDeliveries(endpointId);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(verifySignature(secret, String(request!.headers["cairn-signature"]), request!.body)).toBe(true);
    expect(verifySignature(created.json!.secret, String(request!.headers["cairn-signature"]), request!.body)).toBe(false);
    expect(JSON.parse(request!.body).event).toMatchObject({ type: "webhook.test", sequence: null });

    const log = await call(deliveriesRoute, org, { endpointId });
    expect(log.status).toBe(200);
    expect(log.json!.items[0]).toMatchObject({ id: test.json!.id, status: "SUCCEEDED", attempts: 1, responseStatus: 200, nextAttemptAt: null });

    const again = await call(redeliverRoute, org, { endpointId, deliveryId: test.json!.id });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ id: test.json!.id, status: "PENDING", attempts: 0 });
    expect((await call(redeliverRoute, org, { endpointId, deliveryId: test.json!.id })).status).toBe(409);
    await sendEndpointDeliveries(endpointId);
    expect(receiver.received).toHaveLength(2);
    expect(await getDb().webhookDelivery.count({ where: { endpointId } })).toBe(1);

    // The audit log has who added it and rotated its secret, never the secret.
    const events = await getDb().event.findMany({ where: { organizationId: org.organization.id, type: { startsWith: "integration." } }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => [event.type, event.actorId])).toEqual([
      ["integration.created", org.owner.id],
      ["integration.secret_rotated", org.owner.id],
    ]);
    expect(events[0]!.payload).toMatchObject({ endpointId, kind: "WEBHOOK", description: "CI", url: `${receiver.url}/in` });
    expect(JSON.stringify(events.map((event) => event.payload))).not.toMatch(/whsec_/);
  });

  it("turned off sends nothing; turned on again sends what happens from then on", async () => {
    const org = await ownerOrg();
    const endpointId = (await registerWebhook(org, { url: `${receiver.url}/in`, eventTypes: ["progress.updated"] })).json!.id as string;
    const off = await call(updateRoute, org, { endpointId }, { body: { enabled: false } });
    expect(off.json).toMatchObject({ enabled: false, disabledReason: "Turned off by an owner." });
    expect((await call(testRoute, org, { endpointId })).status).toBe(409);
    await recordEvents(org.organization.id, 2);
    await fanOutEvents(org.organization.id);
    expect(await getDb().webhookDelivery.count({ where: { endpointId } })).toBe(0);

    const on = await call(updateRoute, org, { endpointId }, { body: { enabled: true } });
    expect(on.json).toMatchObject({ enabled: true, disabledReason: null });
    await recordEvents(org.organization.id, 1, "progress.updated", { late: 1 });
    await fanOutEvents(org.organization.id);
    await sendEndpointDeliveries(endpointId);
    expect(receiver.received.map((request) => JSON.parse(request.body).event.payload.late)).toEqual([1]);

    const bad = await call(updateRoute, org, { endpointId }, { body: { eventTypes: ["security.signed_in"] } });
    expect(bad.status).toBe(422);
    expect((await call(updateRoute, org, { endpointId }, { body: {} })).status).toBe(422);
    const renamed = await call(updateRoute, org, { endpointId }, { body: { description: "Renamed" } });
    expect(renamed.json).toMatchObject({ description: "Renamed", enabled: true, eventTypes: ["progress.updated"] });
    expect((await call(updateRoute, org, { endpointId }, { body: { enabled: true } })).json).toMatchObject({ description: "Renamed" });
    const deleted = await call(deleteRoute, org, { endpointId });
    expect(deleted.json).toEqual({ id: endpointId, deleted: true });
    expect(await getDb().webhookEndpoint.count({ where: { id: endpointId } })).toBe(0);
  });

  it("refuses bad URLs and event types with 422 and stores nothing", async () => {
    const org = await ownerOrg();
    for (const body of [
      { url: "ftp://example.com/x", eventTypes: ["progress.updated"] },
      { url: "https://user:pw@example.com/", eventTypes: ["progress.updated"] },
      { url: `https://example.com/${"a".repeat(3000)}`, eventTypes: ["progress.updated"] },
      { url: "https://example.com/", eventTypes: [] },
      { url: "https://example.com/", eventTypes: ["security.signed_in"] },
      { url: "https://example.com/", eventTypes: ["no.such"] },
    ]) {
      const answer = await registerWebhook(org, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    expect(await getDb().webhookEndpoint.count({ where: { organizationId: org.organization.id } })).toBe(0);
  });

  it("edits a webhook: a new URL gets what waits and what comes, signed with the same secret, and the audit log says where it pointed", async () => {
    const org = await ownerOrg();
    const created = await registerWebhook(org, { url: `${receiver.url}/old`, eventTypes: ["progress.updated"], description: "CI" });
    const endpointId = created.json!.id as string;
    const secret = created.json!.secret as string;
    const moved = await startReceiver();
    try {
      // Waiting for the old URL, which fails.
      receiver.reply((_, response) => void response.writeHead(500).end());
      await recordEvents(org.organization.id, 1);
      await fanOutEvents(org.organization.id);
      await sendEndpointDeliveries(endpointId);
      expect((await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).failingSince).not.toBeNull();

      const edited = await call(updateRoute, org, { endpointId }, { body: { url: `${moved.url}/new`, eventTypes: ["progress.updated", "assignment.stuck"], description: "CI (moved)" } });
      expect(edited.status).toBe(200);
      expect(edited.json).toMatchObject({ url: `${moved.url}/new`, description: "CI (moved)", eventTypes: ["progress.updated", "assignment.stuck"], enabled: true, failingSince: null });
      expect(edited.text).not.toContain("whsec_");
      await recordEvents(org.organization.id, 1, "progress.updated", { late: 1 });
      await fanOutEvents(org.organization.id);
      await sendEndpointDeliveries(endpointId);
      expect(moved.received.map((request) => JSON.parse(request.body).event.payload.index)).toEqual([0, 0]);
      for (const request of moved.received) expect(verifySignature(secret, String(request.headers["cairn-signature"]), request.body)).toBe(true);

      // Read back: the list shows what was saved.
      const listed = await call(listRoute, org);
      expect(listed.json!.items[0]).toMatchObject({ id: endpointId, url: `${moved.url}/new`, description: "CI (moved)", eventTypes: ["progress.updated", "assignment.stuck"] });
      const updated = await getDb().event.findFirstOrThrow({ where: { organizationId: org.organization.id, type: "integration.updated" } });
      expect(updated.actorId).toBe(org.owner.id);
      expect(updated.payload).toMatchObject({ endpointId, url: `${moved.url}/new`, urlFrom: `${receiver.url}/old`, descriptionFrom: "CI", eventTypes: ["progress.updated", "assignment.stuck"] });
      // The same URL again is no change: nothing recorded.
      expect((await call(updateRoute, org, { endpointId }, { body: { url: `${moved.url}/new` } })).status).toBe(200);
      expect(await getDb().event.count({ where: { organizationId: org.organization.id, type: "integration.updated" } })).toBe(1);
    } finally {
      await moved.close();
    }
  });

  it("refuses a private URL, unknown event types and a non-owner, changing nothing", async () => {
    const org = await ownerOrg();
    const endpointId = (await registerWebhook(org, { url: `${receiver.url}/in`, eventTypes: ["progress.updated"], description: "CI" })).json!.id as string;
    const before = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    process.env.WEBHOOK_ALLOW_PRIVATE = "false";
    resetConfig();
    try {
      for (const url of ["http://127.0.0.1:9/in", "http://169.254.169.254/latest", "http://10.0.0.8/hook", "ftp://example.com/x"]) {
        const refused = await call(updateRoute, org, { endpointId }, { body: { url, description: "Changed" } });
        expect(refused.status, url).toBe(422);
        expect(refused.json!.error.details.issues[0].path).toBe("body.url");
      }
      const loopback = await call(updateRoute, org, { endpointId }, { body: { url: "http://127.0.0.1:9/in" } });
      expect(loopback.json!.error.details.issues[0].message).toBe("The URL must be a public address, not a loopback address.");
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE = "true";
      resetConfig();
    }
    for (const eventTypes of [[], ["no.such"], ["security.signed_in"]]) {
      const refused = await call(updateRoute, org, { endpointId }, { body: { eventTypes, description: "Changed" } });
      expect(refused.status, JSON.stringify(eventTypes)).toBe(422);
    }
    expect((await call(updateRoute, org, { endpointId }, { body: { url: `${receiver.url}/in`, secret: "whsec_mine" } })).status).toBe(422);

    const admin = await createUser();
    await addMember(org.organization.id, admin.id, "ADMIN");
    const asAdmin = await call(updateRoute, { ...org, cookie: await sessionCookieFor(admin) }, { endpointId }, { body: { url: `${receiver.url}/elsewhere` } });
    expect(asAdmin.status).toBe(403);

    const after = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(after).toEqual(before);
    expect(await getDb().event.count({ where: { organizationId: org.organization.id, type: "integration.updated" } })).toBe(0);
  });

  it("edits a Slack channel: Slack URLs only, stored sealed and shown masked; Slack's types only", async () => {
    const org = await ownerOrg();
    const endpointId = (await registerSlack(org, { url: `${slack.url}/slack/services/T1/B1/first`, eventTypes: ["evidence.submitted"], description: "#onboarding" })).json!.id as string;
    expect((await call(updateRoute, org, { endpointId }, { body: { url: `${receiver.url}/services/T1/B1/x` } })).status).toBe(422);
    expect((await call(updateRoute, org, { endpointId }, { body: { eventTypes: ["progress.updated"] } })).status).toBe(422);

    const edited = await call(updateRoute, org, { endpointId }, { body: { url: `${slack.url}/slack/services/T1/B9/second`, eventTypes: ["assignment.stuck", "assignment.overdue"] } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ url: `${slack.url}/slack/services/T1/…`, eventTypes: ["assignment.stuck", "assignment.overdue"] });
    const row = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(JSON.stringify(row, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain("second");
    const updated = await getDb().event.findFirstOrThrow({ where: { organizationId: org.organization.id, type: "integration.updated" } });
    expect(JSON.stringify(updated.payload)).not.toMatch(/first|second/);

    expect((await call(testRoute, org, { endpointId })).status).toBe(202);
    await sendEndpointDeliveries(endpointId);
    expect(slack.received.map((request) => request.path)).toEqual(["/slack/services/T1/B9/second"]);
  });

  it("answers 404 on every endpoint route for another organization's endpoint", async () => {
    const a = await ownerOrg();
    const b = await ownerOrg();
    const endpointId = (await registerWebhook(a, { url: `${receiver.url}/in`, eventTypes: ["progress.updated"] })).json!.id as string;
    const deliveryId = (await call(testRoute, a, { endpointId })).json!.id as string;
    const answers = [
      await call(updateRoute, b, { endpointId }, { body: { enabled: false } }),
      await call(updateRoute, b, { endpointId }, { body: { url: `${receiver.url}/taken` } }),
      await call(deleteRoute, b, { endpointId }),
      await call(rotateRoute, b, { endpointId }),
      await call(testRoute, b, { endpointId }),
      await call(deliveriesRoute, b, { endpointId }),
      await call(redeliverRoute, b, { endpointId, deliveryId }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await call(listRoute, b)).json!.items).toEqual([]);
    const endpoint = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpoint.enabled).toBe(true);
    expect(endpoint.url).toBe(`${receiver.url}/in`);
  });

  it("connects a Slack channel: Slack URLs only, stored sealed, posts Block Kit with a link back", async () => {
    const org = await ownerOrg();
    const notSlack = await registerSlack(org, { url: `${receiver.url}/services/T1/B1/x`, eventTypes: ["evidence.submitted"] });
    expect(notSlack.status).toBe(422);
    const wrongType = await registerSlack(org, { url: `${slack.url}/slack/services/T1/B1/secretpart`, eventTypes: ["progress.updated"] });
    expect(wrongType.status).toBe(422);

    const created = await registerSlack(org, { url: `${slack.url}/slack/services/T1/B1/secretpart`, eventTypes: ["evidence.submitted"], description: "#onboarding" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ kind: "SLACK", description: "#onboarding", secret: null });
    expect(created.json!.url).not.toContain("secretpart");
    const endpointId = created.json!.id as string;
    const row = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(JSON.stringify(row, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain("secretpart");
    expect((await call(rotateRoute, org, { endpointId })).status).toBe(409);
    const added = await getDb().event.findFirstOrThrow({ where: { organizationId: org.organization.id, type: "integration.created" } });
    expect(JSON.stringify(added.payload)).not.toContain("secretpart");

    await recordEvents(org.organization.id, 1, "evidence.submitted", { assignmentId: "asg1", key: "k1", number: 1 });
    await recordEvents(org.organization.id, 1, "comment.created");
    await fanOutEvents(org.organization.id);
    await sendEndpointDeliveries(endpointId);
    expect(slack.received).toHaveLength(1);
    const [posted] = slack.received;
    expect(posted!.path).toBe("/slack/services/T1/B1/secretpart");
    expect(posted!.headers["cairn-signature"]).toBeUndefined();
    const message = JSON.parse(posted!.body);
    expect(message.text).toContain("Evidence waiting for review");
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: "Evidence waiting for review" } });
    expect(message.blocks[1].accessory.url).toBe(`http://localhost:3000/o/${org.organization.slug}/assignments/asg1?item=k1&open=1`);
  });

  it("prunes finished deliveries after 30 days, never a waiting one", async () => {
    const org = await ownerOrg();
    const endpointId = (await registerWebhook(org, { url: `${receiver.url}/in`, eventTypes: ["progress.updated"] })).json!.id as string;
    const old = new Date(Date.now() - 31 * 86_400_000);
    const row = (position: number, status: "PENDING" | "SUCCEEDED" | "DEAD", createdAt: Date) => ({ organizationId: org.organization.id, endpointId, position: BigInt(position), eventType: "webhook.test", event: {}, status, createdAt });
    await getDb().webhookDelivery.createMany({ data: [row(101, "SUCCEEDED", old), row(102, "DEAD", old), row(103, "PENDING", old), row(104, "SUCCEEDED", new Date())] });
    await pruneDeliveries();
    const left = await getDb().webhookDelivery.findMany({ where: { endpointId }, orderBy: { position: "asc" } });
    expect(left.map((delivery) => [Number(delivery.position), delivery.status])).toEqual([
      [103, "PENDING"],
      [104, "SUCCEEDED"],
    ]);
  });
});
