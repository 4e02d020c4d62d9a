/**
 * The after-commit fan-out (docs/decisions/0011-live-events.md). Each server
 * instance keeps one PostgreSQL connection that LISTENs:
 * - `cairn_events`: the Event table's trigger notifies "<org>:<sequence>:<id>" when
 *   the writing transaction commits (never before, never for a rollback), in commit
 *   order. The relay reads those rows (a batch per tick) and emits each to its rooms
 *   (rooms.ts) on this instance's sockets. Every instance does the same for its own
 *   sockets, so each subscribed socket gets each event once, wherever it is.
 * - `cairn_access`: whose sockets must close (access-notices.ts): a member whose
 *   membership or assignments changed, a user whose session version was bumped, a
 *   session that signed out. Every instance closes its own such sockets; they
 *   reconnect, are authenticated and given their rooms again, and replay what they
 *   missed.
 * If the LISTEN connection drops, the relay tries again every `maxRetryMs` at most
 * (1 s), so it listens within about a second of the database coming back. Notifications
 * sent meanwhile are lost to this instance: once it is back, every socket here is closed, so each reconnects
 * (authenticated again: a session ended meanwhile stays out) and replays from its
 * last sequence; nothing is lost to a client.
 */
import pg from "pg";
import type { Server } from "socket.io";
import { isAuditOnlyType } from "@/lib/audit/event-catalog";
import { utcTimestampTypes } from "@/lib/db/sql";
import { relayConnection, relayEmitted, relayResynced } from "@/lib/observability/domain-metrics";
import type { Logger } from "@/lib/observability/logger";
import { EVERYONE, parseAccessNotice } from "./access-notices";
import { inEmitSpan } from "./fan-out-span";
import { roomsForEvent } from "./rooms";
import { applyAccessNotice } from "./socket-server";
import { toWireEvent } from "./wire-event";
import type { EventRow } from "./wire-event";

export const EVENTS_CHANNEL = "cairn_events";
export const ACCESS_CHANNEL = "cairn_access";

export interface EventRelay {
  stop(): Promise<void>;
  /** Resolves once the relay is listening (tests wait for it). */
  ready: Promise<void>;
}

interface Options {
  databaseUrl: string;
  io: Server;
  log: Logger;
  /** First reconnect delay; doubles up to `maxRetryMs`. */
  retryMs?: number;
  /**
   * The longest wait between two attempts: it bounds how long after the database comes
   * back this instance stays deaf (a 23 s outage once cost 9 s more with a 30 s cap).
   * One connection attempt a second per instance is nothing to a recovering database.
   */
  maxRetryMs?: number;
  /** How long one attempt may take to connect (a hung database must not stall the retries). */
  connectTimeoutMs?: number;
  /** Told the organization of each committed event (outgoing webhooks: lib/webhooks/event-trigger.ts). */
  onEvent?: (organizationId: string) => void;
}

export function startEventRelay({ databaseUrl, io, log, retryMs = 500, maxRetryMs = 1_000, connectTimeoutMs = 2_000, onEvent }: Options): EventRelay {
  let client: pg.Client | null = null;
  let stopped = false;
  let everConnected = false;
  let delay = retryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let pending: string[] = [];
  // One flush at a time, in order: notifications arrive in commit order and leave in it.
  let flushing = Promise.resolve();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function onNotification(message: pg.Notification) {
    if (!message.payload) return;
    if (message.channel === ACCESS_CHANNEL) {
      const notice = parseAccessNotice(message.payload);
      if (notice) applyAccessNotice(io, notice);
      else log.warn({ payload: message.payload }, "unknown access notice ignored");
      return;
    }
    const [organizationId, , id] = message.payload.split(":");
    if (!id) return;
    if (organizationId && onEvent) onEvent(organizationId);
    pending.push(id);
    if (pending.length === 1) flushing = flushing.then(flush, flush);
  }

  async function flush() {
    const ids = pending;
    pending = [];
    if (ids.length === 0 || !client) return;
    try {
      const { rows } = await client.query<EventRow & { organizationId: string; traceParent: string | null }>({
        text: `SELECT "organizationId", sequence, type, "subjectType", "subjectId", "actorId", payload, "createdAt", "traceParent" FROM "Event"
               WHERE id = ANY($1::text[]) ORDER BY "organizationId", sequence`,
        values: [ids],
        // Event.createdAt is UTC without a zone, as Prisma writes it.
        types: utcTimestampTypes,
      });
      // Sign-in and export events are the audit log's alone (lib/audit/event-catalog.ts): no screen listens for them.
      // Each emit is a span in the trace of the request that wrote the event (fan-out-span.ts).
      for (const row of rows) {
        if (isAuditOnlyType(row.type)) continue;
        inEmitSpan(row, () => io.to(roomsForEvent(row)).emit("event", toWireEvent(row)));
        relayEmitted(row.createdAt);
      }
    } catch (error) {
      // The rows could not be read: tell every socket to replay rather than drop the events.
      log.error({ err: error, events: ids.length }, "event relay could not read events; clients will resync");
      io.emit("resync");
      relayResynced();
    }
  }

  async function connect() {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: connectTimeoutMs });
    next.on("notification", onNotification);
    next.on("error", (error) => {
      log.warn({ err: error }, "event relay connection failed");
      retry(next);
    });
    next.on("end", () => retry(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
      await next.query(`LISTEN ${ACCESS_CHANNEL}`);
    } catch (error) {
      log.warn({ err: error }, "event relay could not listen");
      retry(next);
      return;
    }
    client = next;
    delay = retryMs;
    relayConnection(true, everConnected);
    // Anything committed while this instance was not listening reached no socket here, access
    // notices included: every socket reconnects, is authenticated again and replays (decision 0018).
    if (everConnected) applyAccessNotice(io, EVERYONE);
    everConnected = true;
    log.info("event relay listening");
    markReady();
  }

  function retry(failed: pg.Client) {
    if (client === failed) client = null;
    if (!stopped) relayConnection(false);
    failed.removeAllListeners("end");
    void failed.end().catch(() => undefined);
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, maxRetryMs);
  }

  void connect();

  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await flushing;
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners("end");
        await current.end().catch(() => undefined);
      }
    },
  };
}
