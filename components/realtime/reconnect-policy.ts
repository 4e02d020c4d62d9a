/**
 * What the browser does when the server refuses its socket (docs/decisions/0024-failure-behaviour.md).
 * Socket.IO retries a dropped connection by itself, but a refusal at the handshake
 * (the server's middleware said no) ends the socket for good: it never tries again
 * unless told to. So:
 * - a final answer about the caller stops: signed out (UNAUTHENTICATED), or no longer a
 *   member of the organization (NOT_FOUND); the next page load says why;
 * - anything else (the server saying "try again": the database is down, a bug; an
 *   origin refusal; a refusal without a code) is retried, with the same backoff
 *   Socket.IO uses for dropped connections (1 s doubling to 30 s, ±50% jitter), so a
 *   browser open through an outage comes back once the server does.
 */
export const FINAL_REFUSALS: ReadonlySet<string> = new Set(["UNAUTHENTICATED", "NOT_FOUND"]);

export interface RefusalData {
  code?: unknown;
  /** Set by the server when the refusal is its own trouble, not the caller's: always try again. */
  retry?: unknown;
}

export type RefusalAction = { kind: "stop" } | { kind: "retry"; delayMs: number } | { kind: "wait" };

export interface Backoff {
  baseMs: number;
  maxMs: number;
  /** ± this fraction of the delay, so a thousand browsers do not come back in the same instant. */
  jitter: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 1_000, maxMs: 30_000, jitter: 0.5 };

/** The wait before retry number `attempt` (0 for the first). */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const delay = Math.min(backoff.baseMs * 2 ** Math.min(attempt, 30), backoff.maxMs);
  return Math.round(delay * (1 + (random() * 2 - 1) * backoff.jitter));
}

/**
 * After a `connect_error`: stop, retry after a delay (the socket will not by itself), or
 * wait (Socket.IO's own reconnection is already under way: `socketWillRetry` is `socket.active`).
 */
export function afterConnectError(
  data: RefusalData | undefined,
  state: { socketWillRetry: boolean; attempt: number },
  backoff: Backoff = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): RefusalAction {
  const code = typeof data?.code === "string" ? data.code : undefined;
  if (data?.retry !== true && code && FINAL_REFUSALS.has(code)) return { kind: "stop" };
  if (state.socketWillRetry) return { kind: "wait" };
  return { kind: "retry", delayMs: backoffDelay(state.attempt, backoff, random) };
}

/** What `keepReconnecting` needs of a Socket.IO client socket. */
interface RefusableSocket {
  readonly active: boolean;
  readonly connected: boolean;
  connect(): unknown;
  on(event: "connect", listener: () => void): unknown;
  on(event: "connect_error", listener: (error: Error & { data?: RefusalData }) => void): unknown;
  off(event: "connect" | "connect_error", listener: (...args: never[]) => void): unknown;
}

/**
 * Applies `afterConnectError` to `socket`: on a refusal it calls `stop` (final) or
 * `retrying` and, when Socket.IO will not retry by itself, connects again after the
 * backoff. Returns the function that detaches it (and cancels a pending retry).
 */
export function keepReconnecting(socket: RefusableSocket, handlers: { stop(): void; retrying(): void }, backoff: Backoff = DEFAULT_BACKOFF): () => void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const connected = () => {
    attempt = 0;
    cancel();
  };
  const refused = (error: Error & { data?: RefusalData }) => {
    const action = afterConnectError(error.data, { socketWillRetry: socket.active, attempt }, backoff);
    if (action.kind === "stop") {
      cancel();
      handlers.stop();
      return;
    }
    handlers.retrying();
    if (action.kind !== "retry") return;
    attempt += 1;
    cancel();
    timer = setTimeout(() => {
      timer = undefined;
      // Someone (the browser coming back online) may have reconnected it meanwhile.
      if (!socket.connected && !socket.active) socket.connect();
    }, action.delayMs);
  };
  socket.on("connect", connected);
  socket.on("connect_error", refused);
  return () => {
    cancel();
    socket.off("connect", connected);
    socket.off("connect_error", refused);
  };
}
