/**
 * Suspending or removing a member cuts their access at once: the next HTTP
 * request is refused, and their open sockets in that organization are closed
 * (through NOTIFY and the event relay, as on every instance).
 */
import { createServer } from "node:http";
import type { Server as HttpServer } from "node:http";
import pino from "pino";
import type { Server } from "socket.io";
import { io as connectTo } from "socket.io-client";
import type { Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOrganization } from "@/app/api/v1/o/[orgSlug]/route";
import { authenticateCookieHeader } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { startEventRelay } from "@/lib/realtime/event-relay";
import type { EventRelay } from "@/lib/realtime/event-relay";
import { roomsForUser } from "@/lib/realtime/member-rooms";
import { attachSocketServer, setSocketServer } from "@/lib/realtime/socket-server";
import { callRoute } from "../support/call-route";
import { freePort } from "../support/free-port";
import { listMembers, organizationWith, removeMember, updateMember } from "./members-fixture";

const ORIGIN = "http://localhost:3000";
let httpServer: HttpServer;
let io: Server;
let url: string;
const clients: ClientSocket[] = [];

let relay: EventRelay;

beforeAll(async () => {
  httpServer = createServer();
  io = attachSocketServer(httpServer, { allowedOrigins: [ORIGIN], authenticate: authenticateCookieHeader, roomsFor: roomsForUser, log: pino({ level: "silent" }) });
  setSocketServer(io);
  relay = startEventRelay({ databaseUrl: getConfig().DATABASE_URL!, io, log: pino({ level: "silent" }) });
  await relay.ready;
  const port = await freePort();
  await new Promise<void>((resolve) => httpServer.listen(port, "127.0.0.1", () => resolve()));
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await relay.stop();
  setSocketServer(undefined);
  for (const client of clients) client.disconnect();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

function connect(cookie: string, org: string): Promise<ClientSocket> {
  const socket = connectTo(url, { transports: ["websocket"], extraHeaders: { origin: ORIGIN, cookie }, auth: { org }, reconnection: false });
  clients.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function disconnected(socket: ClientSocket): Promise<string> {
  return new Promise((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
}

describe("access after suspension or removal", () => {
  it("refuses a suspended member's next request with 403 and lets them back in once reactivated", async () => {
    const { organization, members } = await organizationWith("OWNER", "MENTOR");
    const [owner, mentor] = members as [typeof members[0], typeof members[0]];
    expect((await listMembers(organization.slug, mentor.cookie)).status).toBe(200);

    await updateMember(organization.slug, mentor.membershipId, owner.cookie, { status: "SUSPENDED" });
    const refused = await listMembers(organization.slug, mentor.cookie);
    expect(refused.status).toBe(403);
    expect(refused.json!.error.message).toMatch(/suspended/);
    expect((await callRoute(getOrganization, { params: { orgSlug: organization.slug }, cookie: mentor.cookie })).status).toBe(403);
    // A suspended owner or admin cannot act either.
    expect((await updateMember(organization.slug, owner.membershipId, mentor.cookie, { role: "MEMBER" })).status).toBe(403);

    await updateMember(organization.slug, mentor.membershipId, owner.cookie, { status: "ACTIVE" });
    expect((await listMembers(organization.slug, mentor.cookie)).status).toBe(200);
  });

  it("answers a removed member's next request with 404, as if the organization did not exist", async () => {
    const { organization, members } = await organizationWith("OWNER", "ADMIN");
    const [owner, admin] = members as [typeof members[0], typeof members[0]];
    await removeMember(organization.slug, admin.membershipId, owner.cookie);
    const { status, json } = await listMembers(organization.slug, admin.cookie);
    expect(status).toBe(404);
    expect(json!.error.code).toBe("NOT_FOUND");
    expect((await removeMember(organization.slug, owner.membershipId, admin.cookie)).status).toBe(404);
  });

  it("closes the suspended or removed user's sockets, and only theirs", async () => {
    const { organization, members } = await organizationWith("OWNER", "MEMBER", "MEMBER");
    const [owner, suspended, removed] = members as Array<(typeof members)[0]>;
    const slug = organization.slug;
    const ownerSocket = await connect(owner!.cookie, slug);
    const suspendedSocket = await connect(suspended!.cookie, slug);
    const removedSockets = [await connect(removed!.cookie, slug), await connect(removed!.cookie, slug)];
    // The removed member's socket in another organization stays.
    const elsewhere = await organizationWith("OWNER");
    await getDb().membership.create({ data: { organizationId: elsewhere.organization.id, userId: removed!.userId, role: "MEMBER" } });
    const removedElsewhere = await connect(removed!.cookie, elsewhere.organization.slug);

    const suspendedGone = disconnected(suspendedSocket);
    await updateMember(organization.slug, suspended!.membershipId, owner!.cookie, { status: "SUSPENDED" });
    expect(await suspendedGone).toBe("io server disconnect");

    const removedGone = Promise.all(removedSockets.map(disconnected));
    await removeMember(organization.slug, removed!.membershipId, owner!.cookie);
    expect(await removedGone).toEqual(["io server disconnect", "io server disconnect"]);

    expect(ownerSocket.connected).toBe(true);
    expect(removedElsewhere.connected).toBe(true);
    expect(io.of("/").sockets.size).toBe(2);
    // And they cannot come back to the organization.
    await expect(connect(removed!.cookie, slug)).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});
