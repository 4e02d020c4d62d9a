/**
 * A Redis server for tests: TEST_REDIS_URL when set (it must be local), otherwise
 * a private `redis-server` on a free loopback port that keeps nothing on disk,
 * stopped afterwards. `redis-server` comes from Debian's package of that name
 * (.ci/run installs it when missing).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { freePort } from "./free-port";

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", () => resolve(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
}

export async function startTestRedis(): Promise<TestRedis> {
  const external = process.env.TEST_REDIS_URL;
  if (external) {
    const host = new URL(external).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`TEST_REDIS_URL must be local; tests refuse ${host}`);
    return { url: external, stop: async () => undefined };
  }
  const port = await freePort();
  const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const failed = new Promise<never>((_, reject) =>
    server.once("error", (error) => reject(new Error(`cannot start redis-server (apt-get install redis-server, or set TEST_REDIS_URL): ${error.message}`))),
  );
  const deadline = Date.now() + 10_000;
  const ready = (async () => {
    while (!(await answersPing(port))) {
      if (Date.now() > deadline) throw new Error("redis-server did not answer within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await Promise.race([ready, failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (server.exitCode !== null) return;
      server.kill("SIGTERM");
      await once(server, "exit");
    },
  };
}
