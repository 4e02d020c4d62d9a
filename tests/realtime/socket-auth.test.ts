/**
 * The socket handshake: an allowed Origin and a live session cookie, or the
 * connection is refused with a code the client can act on.
 */
import { createServer } from "node:http";
import type { Server as HttpServer } from "node:http";
import pino from "pino";
import type { Server } from "socket.io";
import { io as connectTo } from "socket.io-client";
import type { Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCookieHeader, sessionCookieName } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { attachSocketServer, userRoom } from "@/lib/realtime/socket-server";
import type { SocketData } from "@/lib/realtime/socket-server";
import { createUser, sessionCookieFor } from "../support/factories";
import { freePort } from "../support/free-port";

const ALLOWED_ORIGIN = "http://localhost:3000";

let httpServer: HttpServer;
let io: Server;
let url: string;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  httpServer = createServer();
  io = attachSocketServer(httpServer, { allowedOrigins: [ALLOWED_ORIGIN], authenticate: authenticateCookieHeader, log: pino({ level: "silent" }) });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, "127.0.0.1", () => resolve());
  });
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await new Promise<void>((resolve) => io.close(() => resolve())); // also closes httpServer
});

type Outcome = { connected: true; socket: ClientSocket } | { connected: false; message: string; code: unknown };

/** Opens a websocket as a browser would, with these headers, and reports whether the server let it in. */
function handshake(headers: Record<string, string>): Promise<Outcome> {
  const socket = connectTo(url, { transports: ["websocket"], extraHeaders: headers, reconnection: false, timeout: 10_000 });
  clients.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true, socket }));
    socket.once("connect_error", (error: Error & { data?: { code?: unknown } }) => {
      socket.disconnect();
      resolve({ connected: false, message: error.message, code: error.data?.code });
    });
  });
}

async function serverSocketsIn(room: string) {
  return io.in(room).fetchSockets();
}

describe("socket handshake", () => {
  it("refuses an anonymous visitor from an allowed origin, asking them to sign in", async () => {
    const outcome = await handshake({ origin: ALLOWED_ORIGIN });
    expect(outcome).toEqual({ connected: false, message: expect.stringMatching(/sign in/i), code: "UNAUTHENTICATED" });
  });

  it("refuses a forged session cookie", async () => {
    const outcome = await handshake({ origin: ALLOWED_ORIGIN, cookie: `${sessionCookieName()}=not-a-real-token` });
    expect(outcome).toMatchObject({ connected: false, code: "UNAUTHENTICATED" });
  });

  it("refuses a valid session from a foreign origin", async () => {
    const user = await createUser();
    const outcome = await handshake({ origin: "http://evil.test", cookie: await sessionCookieFor(user) });
    expect(outcome).toEqual({ connected: false, message: expect.stringMatching(/origin/i), code: "FORBIDDEN_ORIGIN" });
    expect(await serverSocketsIn(userRoom(user.id))).toHaveLength(0);
  });

  it("refuses a valid session with no Origin header at all", async () => {
    const user = await createUser();
    const outcome = await handshake({ cookie: await sessionCookieFor(user) });
    expect(outcome).toMatchObject({ connected: false, code: "FORBIDDEN_ORIGIN" });
  });

  it("accepts a valid session from an allowed origin and puts the socket in the user's own room", async () => {
    const user = await createUser();
    const other = await createUser();
    const outcome = await handshake({ origin: ALLOWED_ORIGIN, cookie: await sessionCookieFor(user) });
    expect(outcome.connected).toBe(true);
    if (!outcome.connected) return;

    const inRoom = await serverSocketsIn(userRoom(user.id));
    expect(inRoom.map((socket) => socket.id)).toEqual([outcome.socket.id]);
    expect((inRoom[0]!.data as SocketData).user).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(await serverSocketsIn(userRoom(other.id))).toHaveLength(0);
  });

  it("refuses a session revoked by a session-version bump", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    const before = await handshake({ origin: ALLOWED_ORIGIN, cookie });
    expect(before.connected).toBe(true);

    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const after = await handshake({ origin: ALLOWED_ORIGIN, cookie });
    expect(after).toEqual({ connected: false, message: expect.stringMatching(/sign in/i), code: "UNAUTHENTICATED" });
  });
});
