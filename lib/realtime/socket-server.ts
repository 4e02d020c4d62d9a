/**
 * The Socket.IO server, attached to the same HTTP server as Next.js.
 * Every connection passes one handshake middleware: an allowed Origin and a
 * valid session cookie, or it is refused. The server, never the client,
 * decides which rooms a socket joins (for now the user's own room; the live
 * event stream adds organization and assignment rooms on top of this).
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Socket } from "socket.io";
import type { SessionUser } from "@/lib/auth/session";
import type { Logger } from "@/lib/observability/logger";

export interface SocketData {
  user: SessionUser;
}

export interface SocketServerOptions {
  allowedOrigins: string[];
  authenticate: (cookieHeader: string | undefined) => Promise<SessionUser | null>;
  log: Logger;
}

export const userRoom = (userId: string) => `user:${userId}`;

/** Error sent to a refused client; `data.code` mirrors the HTTP error codes. */
function refusal(code: "UNAUTHENTICATED" | "FORBIDDEN_ORIGIN", message: string): Error {
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
      (socket.data as SocketData).user = user;
      next();
    } catch (error) {
      options.log.error({ err: error }, "socket handshake failed");
      next(refusal("UNAUTHENTICATED", "Sign in to receive live updates."));
    }
  });

  io.on("connection", (socket) => {
    const { user } = socket.data as SocketData;
    void socket.join(userRoom(user.id));
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
