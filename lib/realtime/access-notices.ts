/**
 * What the `cairn_access` channel carries: whose live sockets must close because
 * their access changed or their session ended. Sent after the change commits
 * (NOTIFY is transactional) and acted on by every instance's event relay
 * (event-relay.ts → socket-server.ts):
 * - "member:<organizationId>:<userId>": a membership or an assignment's people
 *   changed (lib/realtime/access.ts); that member's sockets in that organization
 *   close, and reconnect to the rooms they have now;
 * - "user:<userId>:<sessionVersion>": the user's session version was bumped (a
 *   trigger on User): their sockets authenticated with an older version close;
 * - "session:<sessionId>": a session signed out (a trigger on EndedSession): the
 *   sockets it opened close.
 */

export type AccessNotice =
  | { kind: "member"; organizationId: string; userId: string }
  | { kind: "user"; userId: string; sessionVersion: number }
  | { kind: "session"; sessionId: string };

export function memberNotice(organizationId: string, userId: string): string {
  return `member:${organizationId}:${userId}`;
}

/** The notice in a payload, or null for anything else (ignored). */
export function parseAccessNotice(payload: string): AccessNotice | null {
  const [kind, ...parts] = payload.split(":");
  if (kind === "member" && parts.length === 2 && parts[0] && parts[1]) return { kind, organizationId: parts[0], userId: parts[1] };
  if (kind === "user" && parts.length === 2 && parts[0] && /^\d+$/.test(parts[1] ?? "")) return { kind, userId: parts[0], sessionVersion: Number(parts[1]) };
  if (kind === "session" && parts.length === 1 && parts[0]) return { kind, sessionId: parts[0] };
  return null;
}

/**
 * Closes a socket whose handshake overlapped a notice about it. A handshake
 * reads the session and the membership from the database, then joins its rooms;
 * a notice committed after that read and handled before the join would find the
 * socket in no room and miss it. The ledger remembers the recent notices (by the
 * key a socket is known under, see `noticeKeys`) with a running count; the socket
 * server takes a mark when a handshake starts and, right after the join, closes
 * the socket if a notice about it came since (it reconnects and reads again).
 * Notices are kept for RETAIN_MS; a handshake older than that is closed anyway
 * (Socket.IO gives up on a handshake after 45 s, so this does not happen).
 */
export const RETAIN_MS = 90_000;

export interface NoticeMark {
  count: number;
  at: number;
}

export class AccessNoticeLedger {
  #count = 0;
  /** Key → when its latest notice came; in that order (a repeated key moves to the end). */
  readonly #latest = new Map<string, NoticeMark>();

  mark(): NoticeMark {
    return { count: this.#count, at: Date.now() };
  }

  record(key: string): void {
    const now = Date.now();
    this.#count += 1;
    this.#latest.delete(key);
    this.#latest.set(key, { count: this.#count, at: now });
    for (const [old, entry] of this.#latest) {
      if (entry.at >= now - RETAIN_MS) break;
      this.#latest.delete(old);
    }
  }

  /** Whether a notice about any of `keys` came after `mark` (or the mark is too old to tell). */
  changedSince(mark: NoticeMark, keys: readonly string[]): boolean {
    if (Date.now() - mark.at > RETAIN_MS) return true;
    return keys.some((key) => (this.#latest.get(key)?.count ?? 0) > mark.count);
  }
}

/** Every instance's sockets: the key of a notice that concerns them all (the relay lost notices). */
export const EVERYONE = "*";

/** The ledger key of a notice. */
export function noticeKey(notice: AccessNotice): string {
  if (notice.kind === "member") return `member:${notice.organizationId}:${notice.userId}`;
  if (notice.kind === "user") return `user:${notice.userId}`;
  return `session:${notice.sessionId}`;
}

/** The keys of the notices that concern one socket. */
export function noticeKeys(socket: { userId: string; sessionId: string; organizationId: string | null }): string[] {
  const keys = [EVERYONE, `user:${socket.userId}`, `session:${socket.sessionId}`];
  if (socket.organizationId) keys.push(`member:${socket.organizationId}:${socket.userId}`);
  return keys;
}
