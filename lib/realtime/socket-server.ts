/**
 * The Socket.IO server, attached to the same HTTP server as Next.js.
 * Every connection passes one handshake middleware: an allowed Origin and a
 * valid session cookie, or it is refused. A socket names the organization it
 * follows (`auth: { org: slug }`); the server, never the client, decides its
 * rooms from the caller's membership there (lib/realtime/rooms.ts), and refuses
 * an organization the caller is not an active member of.
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Socket } from "socket.io";
import type { SessionUser } from "@/lib/auth/session";
import type { Logger } from "@/lib/observability/logger";

export interface SocketData {
  user: SessionUser;
  /** The rooms this socket joins, decided at the handshake. */
  rooms: string[];
}

export interface SocketServerOptions {
  allowedOrigins: string[];
  authenticate: (cookieHeader: string | undefined) => Promise<SessionUser | null>;
  /** The rooms of a user following an organization, or null when they may not. */
  roomsFor?: (user: SessionUser, orgSlug: string) => Promise<string[] | null>;
  log: Logger;
}

export const userRoom = (userId: string) => `user:${userId}`;

/** Error sent to a refused client; `data.code` mirrors the HTTP error codes. */
function refusal(code: "UNAUTHENTICATED" | "FORBIDDEN_ORIGIN" | "NOT_FOUND", message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}

export function attachSocketServer(httpServer: HttpServer, options: SocketServerOptions): Server {
  const allowed = new Set(options.allowedOrigins);
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    path: "/socket.io",
    serveClient: false,
    cors: { origin: [...allowed], credentials: true },
    // Small frames only: clients send little, and a large frame is a cheap memory attack.
    maxHttpBufferSize: 64 * 1024,
  });

  io.use(async (socket: Socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (!origin || !allowed.has(origin)) {
      options.log.warn({ origin }, "socket refused: origin not allowed");
      return next(refusal("FORBIDDEN_ORIGIN", "This origin may not open a Cairn socket."));
    }
    try {
      const user = await options.authenticate(socket.handshake.headers.cookie);
      if (!user) return next(refusal("UNAUTHENTICATED", "Sign in to receive live updates."));
      const org = (socket.handshake.auth as { org?: unknown } | undefined)?.org;
      let rooms: string[] = [];
      if (typeof org === "string" && options.roomsFor) {
        const orgRooms = await options.roomsFor(user, org);
        // Another organization's data, or one the caller was removed from: nothing, as for HTTP.
        if (!orgRooms) return next(refusal("NOT_FOUND", "There is no such organization, or you are not a member of it."));
        rooms = orgRooms;
      }
      Object.assign(socket.data as SocketData, { user, rooms });
      next();
    } catch (error) {
      options.log.error({ err: error }, "socket handshake failed");
      next(refusal("UNAUTHENTICATED", "Sign in to receive live updates."));
    }
  });

  io.on("connection", (socket) => {
    const { user, rooms } = socket.data as SocketData;
    void socket.join([userRoom(user.id), ...rooms]);
  });

  return io as unknown as Server;
}

const globalForIo = globalThis as unknown as { __cairnIo?: Server };

/** Route handlers reach the io instance created by server.ts through globalThis. */
export function setSocketServer(io: Server | undefined): void {
  globalForIo.__cairnIo = io;
}

export function getSocketServer(): Server | undefined {
  return globalForIo.__cairnIo;
}
