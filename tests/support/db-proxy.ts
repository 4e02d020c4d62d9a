/**
 * A TCP proxy between the app and PostgreSQL that a test can cut, hang and restore:
 * the database failing for real, as the app sees it, without touching the server
 * other tests share.
 * - `cut()`: every open connection is destroyed (the app sees "Connection terminated")
 *   and each new one is reset at once (ECONNRESET), as when PostgreSQL is down;
 *   `refusedWhileCut` counts those, so a test can wait on the app's retries, not a clock.
 * - `hang()`: new connections are accepted and never answered, and open ones stop
 *   forwarding, as when PostgreSQL (or the network) hangs.
 * - `restore()`: forwards again, on the same port (connections that hung are ended, or
 *   with `endHung: false` left hanging: only new connections work).
 */
import { createConnection, createServer } from "node:net";
import type { Socket } from "node:net";

export interface DbProxy {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  url: string;
  port: number;
  /** Connections refused since the last `cut()`. */
  readonly refusedWhileCut: number;
  cut(): Promise<void>;
  hang(): void;
  /** `endHung: false` leaves the connections that hung hanging, as a peer that died silently does. */
  restore(options?: { endHung?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function startDbProxy(databaseUrl: string): Promise<DbProxy> {
  const target = new URL(databaseUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  const open = new Set<Socket>();
  /** Connections that stopped forwarding (the app's side of each): a dead peer. */
  const hung = new Set<Socket>();
  const fromApp = new Set<Socket>();
  let mode: "forward" | "cut" | "hang" = "forward";
  let refused = 0;

  const server = createServer((incoming) => {
    incoming.on("error", () => undefined);
    if (mode === "cut") {
      refused += 1;
      incoming.resetAndDestroy();
      return;
    }
    open.add(incoming);
    fromApp.add(incoming);
    incoming.on("close", () => {
      open.delete(incoming);
      fromApp.delete(incoming);
      hung.delete(incoming);
    });
    // A hung database: the connection opens and nothing ever comes back.
    if (mode === "hang") {
      hung.add(incoming);
      return;
    }
    const outgoing = createConnection({ host: targetHost, port: targetPort });
    open.add(outgoing);
    outgoing.on("close", () => {
      open.delete(outgoing);
      incoming.destroy();
    });
    outgoing.on("error", () => incoming.destroy());
    incoming.on("close", () => outgoing.destroy());
    incoming.on("data", (chunk) => {
      if (!hung.has(incoming)) outgoing.write(chunk);
    });
    outgoing.on("data", (chunk) => {
      if (!hung.has(incoming)) incoming.write(chunk);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("the proxy has no port");
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(address.port);
  const destroyAll = () => {
    for (const socket of open) socket.destroy();
  };

  return {
    url: proxied.toString(),
    port: address.port,
    get refusedWhileCut() {
      return refused;
    },
    async cut() {
      mode = "cut";
      refused = 0;
      destroyAll();
    },
    hang() {
      mode = "hang";
      for (const socket of fromApp) hung.add(socket);
    },
    async restore(options = {}) {
      // Connections that dropped bytes while hanging are out of step with the server: end them,
      // unless the test wants them left hanging (a peer that died without a word).
      if (options.endHung !== false) {
        for (const socket of hung) socket.destroy();
        hung.clear();
      }
      mode = "forward";
    },
    async close() {
      destroyAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
