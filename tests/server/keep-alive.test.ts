/**
 * A client that reuses a kept-alive connection after more than Node's default 5 s of
 * idleness must find it still open (server.ts's timeouts, KEEP_ALIVE_TIMEOUT_MS); with
 * Node's default the server closes it first and the reuse races the close (ECONNRESET).
 * This test waits across that boundary on purpose: the property is about time passing.
 */
import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createHttpServer } from "@/lib/server/http-server";

const NODE_DEFAULT_KEEP_ALIVE_MS = 5_000;
const servers: Server[] = [];
const agents: Agent[] = [];

afterEach(async () => {
  for (const agent of agents.splice(0)) agent.destroy();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A server that answers "ok" and counts the TCP connections it accepted. */
async function startServer(keepAliveTimeoutMs: number) {
  const server = createHttpServer((_req, res) => res.end("ok"), { keepAliveTimeoutMs, headersTimeoutMs: keepAliveTimeoutMs + 1_000 });
  let connections = 0;
  let closedByServer = 0;
  server.on("connection", (socket) => {
    connections += 1;
    socket.on("close", () => (closedByServer += 1));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => connections, closed: () => closedByServer };
}

function get(port: number, agent: Agent): Promise<{ status: number; body: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, reused: req.reusedSocket }));
    });
    req.on("error", reject);
    req.end();
  });
}

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("kept-alive connections", () => {
  it("stay open past Node's 5 s default with the configured timeouts, so a reused connection is not reset", async () => {
    const config = parseConfig({});
    const server = await startServer(config.KEEP_ALIVE_TIMEOUT_MS);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);

    expect((await get(server.port, agent)).body).toBe("ok");
    await idle(NODE_DEFAULT_KEEP_ALIVE_MS + 700);
    const second = await get(server.port, agent);
    expect(second).toEqual({ status: 200, body: "ok", reused: true });
    expect(server.connections()).toBe(1);
    expect(server.closed()).toBe(0);
  }, 20_000);

  it("with a short timeout (as Node's default), the server closes the idle connection itself", async () => {
    const server = await startServer(300);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    await get(server.port, agent);
    const deadline = Date.now() + 5_000;
    while (server.closed() === 0 && Date.now() < deadline) await idle(50);
    expect(server.closed()).toBe(1);
  });
});
