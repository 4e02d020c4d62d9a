/**
 * A socket that connects while the database is down (the proxy between the app's pool
 * and PostgreSQL is cut) is told "try again" (SERVICE_UNAVAILABLE, retry), never "sign
 * in"; the browser's reconnect policy keeps trying with backoff and is back once the
 * database is. A real sign-out still stops it.
 */
import { createServer } from "node:http";
import type { Server as HttpServer } from "node:http";
import pino from "pino";
import type { Server } from "socket.io";
import { io as connectTo } from "socket.io-client";
import type { Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { keepReconnecting } from "@/components/realtime/reconnect-policy";
import { authenticateCookieHeader } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { roomsForUser } from "@/lib/realtime/member-rooms";
import { attachSocketServer } from "@/lib/realtime/socket-server";
import { createOrgWithMember, sessionCookieFor } from "../support/factories";
import { freePort } from "../support/free-port";
import { databaseBehindProxy, useDatabase } from "../support/proxied-database";

const ORIGIN = "http://localhost:3000";
const database = databaseBehindProxy();
let httpServer: HttpServer;
let io: Server;
let url: string;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  httpServer = createServer();
  io = attachSocketServer(httpServer, { allowedOrigins: [ORIGIN], authenticate: authenticateCookieHeader, roomsFor: roomsForUser, log: pino({ level: "silent" }) });
  const port = await freePort();
  await new Promise<void>((resolve) => httpServer.listen(port, "127.0.0.1", () => resolve()));
  url = `http://127.0.0.1:${port}`;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
});

afterAll(async () => {
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

function open(cookie: string, slug: string, reconnection = false): ClientSocket {
  const socket = connectTo(url, { transports: ["websocket"], extraHeaders: { origin: ORIGIN, cookie }, auth: { org: slug }, reconnection, autoConnect: false });
  clients.push(socket);
  return socket;
}

describe("a socket handshake while the database is down", () => {
  it("is refused with 'try again' (SERVICE_UNAVAILABLE, retry), not 'sign in'", async () => {
    const { organization, user } = await createOrgWithMember("MEMBER");
    const cookie = await sessionCookieFor(user);
    await useDatabase(database.proxy.url);
    await database.proxy.cut();

    const socket = open(cookie, organization.slug);
    const refused = new Promise<Error & { data?: unknown }>((resolve) => socket.once("connect_error", resolve));
    socket.connect();
    const error = await refused;
    expect(error.data).toEqual({ code: "SERVICE_UNAVAILABLE", retry: true });
    expect(error.message).toMatch(/try(ing)? again/i);
    expect(error.message).not.toMatch(/sign in/i);
    // Socket.IO does not retry a refused handshake by itself: the client's policy must.
    expect(socket.active).toBe(false);
  });

  it("is retried with backoff by the client's policy until the database is back, then connects", async () => {
    const { organization, user } = await createOrgWithMember("MEMBER");
    const cookie = await sessionCookieFor(user);
    await useDatabase(database.proxy.url);
    await database.proxy.cut();

    const socket = open(cookie, organization.slug, true);
    let refusals = 0;
    let stopped = false;
    let twoRefusals: () => void = () => undefined;
    const refusedTwice = new Promise<void>((resolve) => (twoRefusals = resolve));
    const detach = keepReconnecting(
      socket,
      {
        stop: () => (stopped = true),
        retrying: () => {
          refusals += 1;
          if (refusals === 2) twoRefusals();
        },
      },
      { baseMs: 50, maxMs: 200, jitter: 0.5 },
    );
    const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.connect();
    // Refused, retried, refused again: it keeps trying while the database is down.
    await refusedTwice;
    await database.proxy.restore();
    await connected;
    detach();
    expect(socket.connected).toBe(true);
    expect(stopped).toBe(false);
    expect(refusals).toBeGreaterThanOrEqual(2);
  });

  it("answers 'try again' (INTERNAL, retry) when the handshake fails for a reason of the server's own", async () => {
    // A server whose session check breaks (a bug, not the caller): never "sign in".
    const broken = createServer();
    const brokenIo = attachSocketServer(broken, {
      allowedOrigins: [ORIGIN],
      authenticate: async () => JSON.parse("{ not json") as never,
      log: pino({ level: "silent" }),
    });
    const port = await freePort();
    await new Promise<void>((resolve) => broken.listen(port, "127.0.0.1", () => resolve()));
    try {
      const socket = connectTo(`http://127.0.0.1:${port}`, { transports: ["websocket"], extraHeaders: { origin: ORIGIN, cookie: "x=y" }, reconnection: false });
      clients.push(socket);
      const error = await new Promise<Error & { data?: unknown }>((resolve) => socket.once("connect_error", resolve));
      expect(error.data).toEqual({ code: "INTERNAL", retry: true });
      expect(error.message).not.toMatch(/sign in|json/i);
    } finally {
      await new Promise<void>((resolve) => brokenIo.close(() => resolve()));
    }
  });

  it("still stops for a real sign-out", async () => {
    const { organization, user } = await createOrgWithMember("MEMBER");
    const cookie = await sessionCookieFor(user);
    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });

    const socket = open(cookie, organization.slug, true);
    const stopped = new Promise<void>((resolve) => keepReconnecting(socket, { stop: resolve, retrying: () => undefined }, { baseMs: 50, maxMs: 200, jitter: 0.5 }));
    const refused = new Promise<Error & { data?: unknown }>((resolve) => socket.once("connect_error", resolve));
    socket.connect();
    expect((await refused).data).toEqual({ code: "UNAUTHENTICATED" });
    await stopped;
    expect(socket.active).toBe(false);
  });
});
