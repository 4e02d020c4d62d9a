/** A local receiver for outgoing webhooks, an organization with an owner, and helpers to record events and register endpoints. */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { POST as createSlackRoute } from "@/app/api/v1/o/[orgSlug]/slack-channels/route";
import { POST as createWebhookRoute } from "@/app/api/v1/o/[orgSlug]/webhooks/route";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { callRoute } from "../support/call-route";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Reply = (request: Received, response: http.ServerResponse) => void | Promise<void>;

export async function startReceiver(reply: Reply = (_, response) => void response.writeHead(200).end("ok")) {
  const received: Received[] = [];
  let current = reply;
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = { path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      received.push(entry);
      void current(entry, response);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    reply(next: Reply) {
      current = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function ownerOrg() {
  const { organization, user } = await createOrgWithMember("OWNER");
  return { organization, owner: user, cookie: await sessionCookieFor(user) };
}

/** Who registers: an organization and an owner's session cookie. */
type Registrar = { organization: { slug: string }; cookie: string };

export async function registerWebhook(org: Registrar, body: { url: string; eventTypes: string[]; description?: string }) {
  const slug = org.organization.slug;
  return callRoute(createWebhookRoute, { path: `/api/v1/o/${slug}/webhooks`, params: { orgSlug: slug }, cookie: org.cookie, body });
}

export async function registerSlack(org: Registrar, body: { url: string; eventTypes: string[]; description?: string }) {
  const slug = org.organization.slug;
  return callRoute(createSlackRoute, { path: `/api/v1/o/${slug}/slack-channels`, params: { orgSlug: slug }, cookie: org.cookie, body });
}

export async function recordEvents(organizationId: string, count: number, type = "progress.updated", payload: Record<string, string | number> = {}) {
  for (let index = 0; index < count; index += 1) {
    await getDb().$transaction((tx) => recordEvent(tx, { organizationId, type, actorId: null, subjectType: "assignment", subjectId: `a-${index}`, payload: { index, ...payload } }));
  }
}
