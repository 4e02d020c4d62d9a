/**
 * A TCP proxy between the app and PostgreSQL that a test can cut, hang and restore:
 * the database failing for real, as the app sees it, without touching the server
 * other tests share.
 * - `cut()`: every open connection is destroyed (the app sees "Connection terminated")
 *   and new ones are refused (the listener closes: ECONNREFUSED), as when PostgreSQL is down.
 * - `hang()`: new connections are accepted and never answered, and open ones stop
 *   forwarding, as when PostgreSQL (or the network) hangs.
 * - `restore()`: forwards again, on the same port (connections that hung are ended).
 */
import { createConnection, createServer } from "node:net";
import type { Server, Socket } from "node:net";

export interface DbProxy {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  url: string;
  port: number;
  cut(): Promise<void>;
  hang(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startDbProxy(databaseUrl: string): Promise<DbProxy> {
  const target = new URL(databaseUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  const pairs = new Set<Socket>();
  let hanging = false;
  let server: Server;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((incoming) => {
        pairs.add(incoming);
        incoming.on("close", () => pairs.delete(incoming));
        incoming.on("error", () => undefined);
        // A hung database: the connection opens and nothing ever comes back.
        if (hanging) return;
        const outgoing = createConnection({ host: targetHost, port: targetPort });
        pairs.add(outgoing);
        outgoing.on("close", () => {
          pairs.delete(outgoing);
          incoming.destroy();
        });
        outgoing.on("error", () => incoming.destroy());
        incoming.on("close", () => outgoing.destroy());
        incoming.on("data", (chunk) => {
          if (!hanging) outgoing.write(chunk);
        });
        outgoing.on("data", (chunk) => {
          if (!hanging) incoming.write(chunk);
        });
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        if (address && typeof address === "object") port = address.port;
        resolve();
      });
    });

  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  await listen();
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(port);

  return {
    url: proxied.toString(),
    port,
    async cut() {
      hanging = false;
      const closing = stopListening();
      for (const socket of pairs) socket.destroy();
      await closing;
    },
    hang() {
      hanging = true;
    },
    async restore() {
      // Connections that dropped bytes while hanging are out of step with the server: end them.
      if (hanging) for (const socket of pairs) socket.destroy();
      hanging = false;
      if (!server.listening) await listen();
    },
    async close() {
      const closing = stopListening();
      for (const socket of pairs) socket.destroy();
      await closing;
    },
  };
}
