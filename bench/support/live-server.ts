/**
 * The server bench/live-events.ts loads, in a process of its own: node:http with
 * Socket.IO (the real handshake, rooms and event relay) and the progress write
 * route handler, as server.ts has them, minus Next.js's router. Also answers
 * GET /__memory with this process's memory after a full GC (run with --expose-gc).
 * Prints {"port": …} on stdout once it listens.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { serveItemWrite } from "./route-bridge";

async function main(): Promise<void> {
  const { PUT } = await import("../../app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/route");
  const { authenticateCookieHeader } = await import("../../lib/auth/session");
  const { attachSocketServer } = await import("../../lib/realtime/socket-server");
  const { roomsForUser } = await import("../../lib/realtime/member-rooms");
  const { startEventRelay } = await import("../../lib/realtime/event-relay");
  const log = pino({ level: "silent" });

  const server = http.createServer(async (request, response) => {
    if (request.url === "/__memory") {
      (globalThis as { gc?: () => void }).gc?.();
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...process.memoryUsage(), sockets: io.of("/").sockets.size }));
      return;
    }
    await serveItemWrite(PUT, request, response);
  });
  const io = attachSocketServer(server, { allowedOrigins: ["http://localhost:3000"], authenticate: authenticateCookieHeader, roomsFor: roomsForUser, log });
  const relay = startEventRelay({ databaseUrl: process.env.DATABASE_URL!, io, log });
  await relay.ready;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  process.once("SIGTERM", () => void relay.stop().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
