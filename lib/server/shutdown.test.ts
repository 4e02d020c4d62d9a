import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createShutdown } from "@/lib/server/shutdown";
import type { ShutdownOptions } from "@/lib/server/shutdown";

const servers: http.Server[] = [];
const agents: http.Agent[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    if (server.listening) server.close();
  }
  for (const agent of agents.splice(0)) agent.destroy();
});

/** A real HTTP server on a free loopback port; `arrived` resolves as each request reaches the handler. */
async function startServer(handler: http.RequestListener) {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A keep-alive client, as browsers and proxies are: its connection outlives each response. */
function keepAliveAgent(): http.Agent {
  const agent = new http.Agent({ keepAlive: true });
  agents.push(agent);
  return agent;
}

function get(port: number, path: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", reject);
  });
}

function silentLog() {
  const log = pino({ level: "silent" });
  return { log, warn: vi.spyOn(log, "warn"), error: vi.spyOn(log, "error") };
}

/** A handler that answers 200 after `delayMs`, and tells when a request has arrived. */
function slowHandler(delayMs: number) {
  let arrived!: () => void;
  const firstArrival = new Promise<void>((resolve) => (arrived = resolve));
  const responses: http.ServerResponse[] = [];
  const handler: http.RequestListener = (_request, response) => {
    responses.push(response);
    arrived();
    setTimeout(() => response.end("finished"), delayMs);
  };
  return { handler, firstArrival, responses };
}

/** timeoutMs stays under the test timeout, so a drain that wrongly waits for it fails on the warning, not by timing out. */
function options(server: http.Server, overrides: Partial<ShutdownOptions> = {}): ShutdownOptions {
  return { server, cleanup: [], timeoutMs: 3_000, log: pino({ level: "silent" }), ...overrides };
}

describe("createShutdown", () => {
  it("lets a request that is in flight when shutdown starts finish with 200", async () => {
    const slow = slowHandler(300);
    const { server, port } = await startServer(slow.handler);
    const { log, warn } = silentLog();
    const shutdown = createShutdown(options(server, { log }));

    const response = get(port, "/slow", keepAliveAgent());
    await slow.firstArrival;
    const stopped = shutdown("SIGTERM");

    await expect(response).resolves.toEqual({ status: 200, body: "finished" });
    await stopped;
    expect(server.listening).toBe(false);
    // Drained by the response itself, not by the timeout cutting the connection.
    expect(warn).not.toHaveBeenCalled();
  });

  it("does not wait for idle keep-alive connections", async () => {
    const { server, port } = await startServer((_request, response) => response.end("ok"));
    const agent = keepAliveAgent();
    await expect(get(port, "/", agent)).resolves.toEqual({ status: 200, body: "ok" });
    const { log, warn } = silentLog();

    await createShutdown(options(server, { log }))("SIGTERM");
    expect(warn).not.toHaveBeenCalled();
  });

  it("refuses new connections once shutdown has started", async () => {
    const slow = slowHandler(300);
    const { server, port } = await startServer(slow.handler);
    await connect(port); // accepted before shutdown
    const shutdown = createShutdown(options(server));

    const inFlight = get(port, "/slow", keepAliveAgent());
    await slow.firstArrival;
    const stopped = shutdown("SIGTERM");

    await expect(connect(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await expect(inFlight).resolves.toMatchObject({ status: 200 });
    await stopped;
  });

  it("closes sockets first, then runs the cleanup steps in order after HTTP has drained, past a failing step", async () => {
    const slow = slowHandler(100);
    const { server, port } = await startServer(slow.handler);
    const { log, error } = silentLog();
    const calls: string[] = [];
    const step = (name: string, fail = false) => ({
      name,
      run: async () => {
        calls.push(`${name} (response finished: ${slow.responses.every((response) => response.writableFinished)})`);
        if (fail) throw new Error(`${name} broke`);
      },
    });
    const shutdown = createShutdown(
      options(server, {
        log,
        closeSockets: async () => {
          calls.push("sockets");
        },
        cleanup: [step("next"), step("database client", true), step("embedded PostgreSQL")],
      }),
    );

    const inFlight = get(port, "/slow", keepAliveAgent());
    await slow.firstArrival;
    await shutdown("SIGINT");
    await inFlight;

    expect(calls).toEqual([
      "sockets",
      "next (response finished: true)",
      "database client (response finished: true)",
      "embedded PostgreSQL (response finished: true)",
    ]);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ step: "database client", err: expect.any(Error) }), "shutdown step failed");
  });

  it("still drains and cleans up when closing sockets fails", async () => {
    const { server } = await startServer((_request, response) => response.end());
    const { log, error } = silentLog();
    const cleaned = vi.fn(async () => undefined);
    const shutdown = createShutdown(
      options(server, {
        log,
        closeSockets: () => Promise.reject(new Error("io.close broke")),
        cleanup: [{ name: "database client", run: cleaned }],
      }),
    );

    await shutdown("SIGTERM");
    expect(cleaned).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), "closing sockets failed");
    expect(server.listening).toBe(false);
  });

  it("runs once: a second call returns the same promise", async () => {
    const { server } = await startServer((_request, response) => response.end());
    const closeSockets = vi.fn(async () => undefined);
    const run = vi.fn(async () => undefined);
    const shutdown = createShutdown(options(server, { closeSockets, cleanup: [{ name: "database client", run }] }));

    const first = shutdown("SIGTERM");
    const second = shutdown("SIGINT");
    expect(second).toBe(first);
    await Promise.all([first, second]);
    await shutdown("SIGTERM");

    expect(closeSockets).toHaveBeenCalledOnce();
    expect(run).toHaveBeenCalledOnce();
  });

  it("closes a connection whose request outlives timeoutMs, and still completes", async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const { server, port } = await startServer(() => arrived()); // never responds
    const { log, warn } = silentLog();
    const run = vi.fn(async () => undefined);
    const shutdown = createShutdown(options(server, { log, timeoutMs: 200, cleanup: [{ name: "database client", run }] }));

    const hanging = get(port, "/forever", keepAliveAgent());
    await arrival;
    await shutdown("SIGTERM");

    await expect(hanging).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(warn).toHaveBeenCalledWith({ timeoutMs: 200 }, expect.stringMatching(/did not finish in time/));
    expect(run).toHaveBeenCalledOnce();
    expect(server.listening).toBe(false);
  });
});
