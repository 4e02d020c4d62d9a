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

const ITEM_PATH = /^\/api\/v1\/o\/([^/]+)\/assignments\/([^/]+)\/items\/([^/]+)$/;

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  const { PUT } = await import("../../app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/route");
  const { userFromCookieHeader } = await import("../../lib/auth/session");
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
    const match = ITEM_PATH.exec(request.url ?? "");
    if (!match || request.method !== "PUT") {
      response.writeHead(404).end();
      return;
    }
    const body = await readBody(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
    const webRequest = new Request(`http://localhost:3000${request.url}`, { method: "PUT", headers, body: new Uint8Array(body) });
    const [, orgSlug, assignmentId, key] = match;
    const answer = await PUT(webRequest, { params: Promise.resolve({ orgSlug: orgSlug!, assignmentId: assignmentId!, key: key! }) });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  const io = attachSocketServer(server, { allowedOrigins: ["http://localhost:3000"], authenticate: userFromCookieHeader, roomsFor: roomsForUser, log });
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
