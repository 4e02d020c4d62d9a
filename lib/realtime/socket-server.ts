/**
 * The Socket.IO server, attached to the same HTTP server as Next.js.
 * Every connection passes one handshake middleware: an allowed Origin and a
 * valid session cookie, or it is refused. A socket names the organization it
 * follows (`auth: { org: slug }`); the server, never the client, decides its
 * rooms from the caller's membership there (lib/realtime/rooms.ts), and refuses
 * an organization the caller is not an active member of. Each socket remembers
 * the session it was opened with, so ending that session (signing out, or a
 * session-version bump) closes it (`applyAccessNotice`).
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Socket } from "socket.io";
import type { AuthenticatedSession, SessionIdentity, SessionUser } from "@/lib/auth/session";
import { databaseUnavailable } from "@/lib/db/database-failure";
import type { Logger } from "@/lib/observability/logger";
import { AccessNoticeLedger, EVERYONE, noticeKey, noticeKeys } from "./access-notices";
import type { AccessNotice, NoticeMark } from "./access-notices";
import { memberRoom } from "./rooms";

export interface SocketData {
  user: SessionUser;
  /** The session the socket was opened with: its id and the session version it carried. */
  session: SessionIdentity;
  /** The organization it follows, if any. */
  organizationId: string | null;
  /** The rooms this socket joins, decided at the handshake. */
  rooms: string[];
  /** The access-notice ledger's mark when the handshake began. */
  handshakeMark: NoticeMark;
}

export interface SocketServerOptions {
  allowedOrigins: string[];
  authenticate: (cookieHeader: string | undefined) => Promise<AuthenticatedSession | null>;
  /** The organization and rooms of a user following it, or null when they may not. */
  roomsFor?: (user: SessionUser, orgSlug: string) => Promise<{ organizationId: string; rooms: string[] } | null>;
  log: Logger;
}

export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets opened with one session (its `sid`): signing out closes them. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

const ledgers = new WeakMap<Server, AccessNoticeLedger>();

/**
 * Error sent to a refused client; `data.code` mirrors the HTTP error codes. `retry: true`
 * marks the server's own trouble (its database down): the client tries again with backoff
 * (components/realtime/reconnect-policy.ts) instead of taking it as a sign-out.
 */
function refusal(code: "UNAUTHENTICATED" | "FORBIDDEN_ORIGIN" | "NOT_FOUND" | "SERVICE_UNAVAILABLE" | "INTERNAL", message: string, retry = false): Error {
  return Object.assign(new Error(message), { data: retry ? { code, retry } : { code } });
}

/** The refusal for a handshake that failed on the server's side, not the caller's. */
function troubleRefusal(error: unknown): Error {
  if (databaseUnavailable(error)) return refusal("SERVICE_UNAVAILABLE", "Live updates are temporarily unavailable; trying again.", true);
  return refusal("INTERNAL", "Live updates failed on our side; trying again.", true);
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

  const ledger = new AccessNoticeLedger();
  ledgers.set(io as unknown as Server, ledger);

  io.use(async (socket: Socket, next) => {
    // Before anything is read: a notice about this user from here on closes the socket after its join.
    const handshakeMark = ledger.mark();
    const origin = socket.handshake.headers.origin;
    if (!origin || !allowed.has(origin)) {
      options.log.warn({ origin }, "socket refused: origin not allowed");
      return next(refusal("FORBIDDEN_ORIGIN", "This origin may not open a Cairn socket."));
    }
    try {
      const authenticated = await options.authenticate(socket.handshake.headers.cookie);
      if (!authenticated) return next(refusal("UNAUTHENTICATED", "Sign in to receive live updates."));
      const { user, session } = authenticated;
      const org = (socket.handshake.auth as { org?: unknown } | undefined)?.org;
      let rooms: string[] = [];
      let organizationId: string | null = null;
      if (typeof org === "string" && options.roomsFor) {
        const following = await options.roomsFor(user, org);
        // Another organization's data, or one the caller was removed from: nothing, as for HTTP.
        if (!following) return next(refusal("NOT_FOUND", "There is no such organization, or you are not a member of it."));
        ({ organizationId, rooms } = following);
      }
      const data: SocketData = { user, session, organizationId, rooms, handshakeMark };
      Object.assign(socket.data as SocketData, data);
      next();
    } catch (error) {
      // Not the caller's fault (the database is down, or a bug): "try again", never "sign in".
      options.log.error({ err: error }, "socket handshake failed");
      next(troubleRefusal(error));
    }
  });

  io.on("connection", (socket) => {
    const { user, session, organizationId, rooms, handshakeMark } = socket.data as SocketData;
    // The in-memory adapter joins at once, so nothing is handled between the join and the check.
    void socket.join([userRoom(user.id), sessionRoom(session.id), ...rooms]);
    if (ledger.changedSince(handshakeMark, noticeKeys({ userId: user.id, sessionId: session.id, organizationId }))) socket.disconnect(true);
  });

  return io as unknown as Server;
}

/**
 * Closes this instance's sockets that a notice from `cairn_access` concerns
 * (access-notices.ts): they reconnect, and the handshake reads the session and
 * the membership again (a signed-out or revoked session is refused there).
 */
export function applyAccessNotice(io: Server, notice: AccessNotice | typeof EVERYONE): void {
  ledgers.get(io)?.record(notice === EVERYONE ? EVERYONE : noticeKey(notice));
  if (notice === EVERYONE) {
    io.disconnectSockets(true);
  } else if (notice.kind === "member") {
    io.in(memberRoom(notice.organizationId, notice.userId)).disconnectSockets(true);
  } else if (notice.kind === "session") {
    io.in(sessionRoom(notice.sessionId)).disconnectSockets(true);
  } else {
    // Only the sockets opened with an older session: the browser that changed its password signs in again and keeps its new socket.
    const namespace = io.of("/");
    for (const id of [...(namespace.adapter.rooms.get(userRoom(notice.userId)) ?? [])]) {
      const socket = namespace.sockets.get(id);
      if (socket && (socket.data as SocketData).session.version < notice.sessionVersion) socket.disconnect(true);
    }
  }
}

const globalForIo = globalThis as unknown as { __cairnIo?: Server };

/** Route handlers reach the io instance created by server.ts through globalThis. */
export function setSocketServer(io: Server | undefined): void {
  globalForIo.__cairnIo = io;
}

export function getSocketServer(): Server | undefined {
  return globalForIo.__cairnIo;
}
