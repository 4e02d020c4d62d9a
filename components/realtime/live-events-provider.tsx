"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState } from "react";
import type { ReactNode } from "react";
import { io } from "socket.io-client";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { applyLiveEvents } from "./apply-events";
import { LiveStream } from "./live-stream";
import { keepReconnecting } from "./reconnect-policy";
import type { LiveEvent, ReplayPage } from "./live-stream";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline" | "closed";

const LiveStatusContext = createContext<LiveStatus>("connecting");
/** Events are held this long, so those that arrive together (one bulk write) are applied together… */
const APPLY_AFTER_MS = 100;
/**
 * …and applied at most this often: under a steady stream each batch re-reads what is on
 * screen (a dashboard of 30 mentees, a 700-item roadmap), so a tab would otherwise keep
 * the server reading back to back for as long as the stream lasts.
 */
const APPLY_AT_MOST_EVERY_MS = 500;

export const useLiveStatus = () => useContext(LiveStatusContext);

/**
 * One socket per tab for the organization on screen. The server decides what it
 * hears; the stream (live-stream.ts) replays what was missed on every connect,
 * so a dropped connection, a sleeping laptop or a restarted server loses nothing.
 * Reconnecting backs off exponentially with jitter (Socket.IO's own: 1 s doubling
 * to 30 s, ±50%), and so does retrying a handshake the server refused for its own
 * trouble (reconnect-policy.ts; Socket.IO alone would never retry one).
 */
export function LiveEventsProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    // A burst of events (a "Mark all done", a bulk approval, many hires at once) is applied in
    // batches: what a batch makes stale is read again once.
    let batch: LiveEvent[] = [];
    let batchTimer: number | undefined;
    let appliedAt = -Infinity;
    const apply = (events: LiveEvent[]) => {
      batch.push(...events);
      batchTimer ??= window.setTimeout(
        () => {
          const applying = batch;
          batch = [];
          batchTimer = undefined;
          appliedAt = performance.now();
          applyLiveEvents(queryClient, slug, applying);
        },
        Math.max(APPLY_AFTER_MS, appliedAt + APPLY_AT_MOST_EVERY_MS - performance.now()),
      );
    };
    const stream = new LiveStream({
      replay: (after): Promise<ReplayPage> => callEndpoint(api.listEvents, { params: { orgSlug: slug }, query: { after: after ?? undefined } }),
      apply,
      reload: () => void queryClient.invalidateQueries(),
    });
    // WebSocket only: its handshake always carries Origin (a same-origin polling GET does not, and is refused),
    // and with several instances no request of a session can land on another one.
    const socket = io({ path: "/socket.io", transports: ["websocket"], auth: { org: slug }, reconnectionDelay: 1_000, reconnectionDelayMax: 30_000, randomizationFactor: 0.5 });
    const catchUp = () =>
      stream.catchUp().catch(() => {
        // The replay failed (offline again?): the next connect tries again.
      });
    const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;

    socket.on("connect", () => {
      setStatus("live");
      void catchUp();
    });
    socket.on("event", (event: LiveEvent) => stream.receive(event));
    socket.on("resync", () => void catchUp());
    socket.on("disconnect", (reason) => {
      setStatus(offline() ? "offline" : "reconnecting");
      // The server closed it (access changed): come back for the rooms we now have.
      if (reason === "io server disconnect") socket.connect();
    });
    // A refused handshake is retried with backoff (the server down, its database down), unless it
    // was a sign-out or a membership that ended: then stop; the next page load says why.
    const stopReconnecting = keepReconnecting(socket, {
      stop: () => {
        setStatus("closed");
        socket.disconnect();
      },
      retrying: () => setStatus(offline() ? "offline" : "reconnecting"),
    });
    const wentOffline = () => setStatus("offline");
    const cameBack = () => {
      if (!socket.connected) {
        // Skip the rest of the backoff: stop the waiting attempt and try now.
        socket.disconnect();
        socket.connect();
        return;
      }
      // The socket outlived the outage (a brief one): say so, and make sure nothing was missed.
      setStatus("live");
      void catchUp();
    };
    window.addEventListener("offline", wentOffline);
    window.addEventListener("online", cameBack);
    return () => {
      window.clearTimeout(batchTimer);
      stopReconnecting();
      window.removeEventListener("offline", wentOffline);
      window.removeEventListener("online", cameBack);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [slug, queryClient]);

  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}
