import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";
import { isDecodablePath, refuseUndecodablePath } from "./undecodable-path";

describe("isDecodablePath", () => {
  it("accepts well-formed paths whatever their query, and refuses lone or invalid escapes and non-UTF-8 bytes", () => {
    for (const target of ["/", "/o/acme", "/o/acme%20corp", "/o/%C3%A9t%C3%A9", "/api/v1/o/acme?q=100%", "/x?%zz", "/x#%"]) expect(isDecodablePath(target), target).toBe(true);
    for (const target of ["/api/v1/o/acme%", "/o/%zz", "/o/%4", "/o/%C0%AF", "/o/%E0%A4%A", "/o/%FF", "%", "/o/%%41?q=1"]) expect(isDecodablePath(target), target).toBe(false);
  });
});

describe("refuseUndecodablePath on a real HTTP server", () => {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger({ destination, level: "info" });
  const server = createServer((req, res) => {
    if (refuseUndecodablePath(req, res, log)) return;
    res.end("reached Next.js");
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function send(path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const sent = request({ host: "127.0.0.1", port, path, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      sent.on("error", reject);
      sent.end();
    });
  }

  it("answers 400 in the envelope with a request id and logs it, for API and page paths alike", async () => {
    for (const path of ["/api/v1/o/acme%", "/o/%zz/members", "/invitations/%E0%A4%A"]) {
      const answer = await send(path);
      expect(answer.status, path).toBe(400);
      expect(answer.headers["content-type"]).toBe("application/json");
      expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      const body = JSON.parse(answer.body) as { error: { code: string; message: string; requestId: string } };
      expect(body.error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("percent-encoding") });
      expect(answer.headers["x-request-id"]).toBe(body.error.requestId);
      expect(lines.find((line) => line.requestId === body.error.requestId)).toMatchObject({ msg: "request", status: 400, method: "GET", refused: "undecodable path" });
    }
  });

  it("keeps a caller's valid request id, and redacts tokens in the logged path", async () => {
    const token = "Q2hhbmdlIG1lOiB0aGlzIGlzIGEgdG9rZW4gb2YgNDMgY2g";
    const answer = await send(`/invitations/${token}%?token=${token}`, { "x-request-id": "client-request-0001" });
    expect(JSON.parse(answer.body)).toMatchObject({ error: { requestId: "client-request-0001" } });
    const line = lines.find((candidate) => candidate.requestId === "client-request-0001")!;
    expect(JSON.stringify(line)).not.toContain(token);
    expect(line.path).toBe("/invitations/[redacted]?token=[redacted]");
  });

  it("lets every other request through to Next.js", async () => {
    for (const path of ["/", "/o/acme%20corp", "/api/v1/o/acme/members?q=100%", "/o/%C3%A9"]) {
      const answer = await send(path);
      expect([path, answer.status, answer.body]).toEqual([path, 200, "reached Next.js"]);
    }
  });
});
