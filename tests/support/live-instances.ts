/**
 * Socket server instances as server.ts runs them (the socket server and the event
 * relay on this file's database), and browser-like clients of them: for tests of
 * who hears what, and of sockets being closed. Call `useLiveInstances(n)` once at
 * the top level of a test file.
 */
import { createServer } from "node:http";
import type { Server as HttpServer } from "node:http";
import pino from "pino";
import type { Server } from "socket.io";
import { io as connectTo } from "socket.io-client";
import type { Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import { authenticateCookieHeader } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { startEventRelay } from "@/lib/realtime/event-relay";
import type { EventRelay } from "@/lib/realtime/event-relay";
import { roomsForUser } from "@/lib/realtime/member-rooms";
import { attachSocketServer } from "@/lib/realtime/socket-server";
import type { SocketServerOptions } from "@/lib/realtime/socket-server";
import type { WireEvent } from "@/lib/realtime/wire-event";
import { freePort } from "./free-port";

export const ORIGIN = "http://localhost:3000";
const silent = pino({ level: "silent" });

export interface Instance {
  url: string;
  io: Server;
  relay: EventRelay;
  http: HttpServer;
}

export interface Follower {
  socket: ClientSocket;
  heard: WireEvent[];
  /** Resolves with the reason once the server closes (or the client drops) the socket. */
  closed: Promise<string>;
}

export function useLiveInstances(count: number) {
  const instances: Instance[] = [];
  const clients: ClientSocket[] = [];

  async function start(options: Partial<Pick<SocketServerOptions, "authenticate">> = {}): Promise<Instance> {
    const http = createServer();
    const io = attachSocketServer(http, { allowedOrigins: [ORIGIN], authenticate: authenticateCookieHeader, roomsFor: roomsForUser, log: silent, ...options });
    const relay = startEventRelay({ databaseUrl: getConfig().DATABASE_URL!, io, log: silent, retryMs: 50 });
    const port = await freePort();
    await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", () => resolve()));
    await relay.ready;
    const instance = { url: `http://127.0.0.1:${port}`, io, relay, http };
    instances.push(instance);
    return instance;
  }

  beforeAll(async () => {
    for (let i = 0; i < count; i++) await start();
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    for (const instance of instances) {
      await instance.relay.stop();
      await new Promise<void>((resolve) => instance.io.close(() => resolve()));
    }
  });

  /** Opens a socket as the browser does (optionally following an organization); rejects with the refusal. */
  async function follow(cookie: string, instance: Instance, org?: string): Promise<Follower> {
    const socket = connectTo(instance.url, { transports: ["websocket"], extraHeaders: { origin: ORIGIN, cookie }, auth: org ? { org } : {}, reconnection: false });
    clients.push(socket);
    const heard: WireEvent[] = [];
    socket.on("event", (event: WireEvent) => heard.push(event));
    const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return { socket, heard, closed };
  }

  return {
    get instances() {
      return instances;
    },
    start,
    follow,
  };
}

/** Polls until `check` holds, or fails naming `what` (no fixed sleeps). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Resolves with the reason the socket closed, or rejects after `timeoutMs`: the
 * required bound for closing a revoked session's sockets.
 */
export function closedWithin(follower: Follower, timeoutMs = 5_000): Promise<string> {
  return Promise.race([
    follower.closed,
    new Promise<string>((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
}
