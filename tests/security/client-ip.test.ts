/**
 * The client address server.ts hands to route handlers, over a real socket: a
 * client cannot choose it by sending the trusted header or X-Forwarded-For: with
 * TRUST_PROXY=N, only the entries our N proxies appended count.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignClientIp, CLIENT_IP_HEADER, clientIpFrom } from "@/lib/security/client-ip";

let trustProxy = 0;
// Does exactly what server.ts's request callback does, then reports what a handler would read.
const server = createServer((req, res) => {
  assignClientIp(req, trustProxy);
  res.end(JSON.stringify({ seen: clientIpFrom(req.headers as Record<string, string | string[] | undefined>), raw: req.headers[CLIENT_IP_HEADER] }));
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function seenIp(headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(base, { headers });
  const body = (await response.json()) as { seen: string; raw: string };
  expect(body.raw).toBe(body.seen);
  return body.seen;
}

describe("without TRUST_PROXY", () => {
  it("uses the socket's address", async () => {
    trustProxy = 0;
    expect(await seenIp()).toBe("127.0.0.1");
  });

  it("ignores a spoofed trusted header and X-Forwarded-For", async () => {
    trustProxy = 0;
    expect(await seenIp({ [CLIENT_IP_HEADER]: "203.0.113.99" })).toBe("127.0.0.1");
    expect(await seenIp({ "x-forwarded-for": "203.0.113.99" })).toBe("127.0.0.1");
  });
});

describe("with TRUST_PROXY", () => {
  it("with one proxy, uses the entry it appended: the right-most", async () => {
    trustProxy = 1;
    expect(await seenIp({ "x-forwarded-for": "203.0.113.5" })).toBe("203.0.113.5");
    expect(await seenIp({ "x-forwarded-for": "2001:DB8::7" })).toBe("2001:db8::7");
  });

  it("a client that sends its own X-Forwarded-For cannot choose its address: the proxy's entry comes last", async () => {
    trustProxy = 1;
    // The client sent "198.51.100.66"; the one proxy appended the client's real address.
    expect(await seenIp({ "x-forwarded-for": "198.51.100.66, 203.0.113.5" })).toBe("203.0.113.5");
    expect(await seenIp({ "x-forwarded-for": "198.51.100.66, 198.51.100.67, 203.0.113.5" })).toBe("203.0.113.5");
  });

  it("with two proxies (a CDN, then a load balancer), uses the entry the outer one appended", async () => {
    trustProxy = 2;
    expect(await seenIp({ "x-forwarded-for": "198.51.100.66, 203.0.113.5, 10.0.0.2" })).toBe("203.0.113.5");
    // Fewer entries than hops: the furthest any proxy saw.
    expect(await seenIp({ "x-forwarded-for": "203.0.113.5" })).toBe("203.0.113.5");
  });

  it("still never takes the trusted header from the client, and falls back to the socket for garbage", async () => {
    trustProxy = 1;
    expect(await seenIp({ [CLIENT_IP_HEADER]: "203.0.113.99" })).toBe("127.0.0.1");
    expect(await seenIp({ "x-forwarded-for": "203.0.113.5, not-an-ip" })).toBe("127.0.0.1");
    expect(await seenIp({ "x-forwarded-for": " , " })).toBe("127.0.0.1");
  });
});

describe("clientIpFrom", () => {
  it("reads the header from a Request's Headers or next-auth's header object, else 'unknown'", () => {
    expect(clientIpFrom(new Headers({ [CLIENT_IP_HEADER]: "192.0.2.4" }))).toBe("192.0.2.4");
    expect(clientIpFrom({ [CLIENT_IP_HEADER]: "::ffff:192.0.2.4" })).toBe("192.0.2.4");
    expect(clientIpFrom({})).toBe("unknown");
    expect(clientIpFrom({ [CLIENT_IP_HEADER]: "<script>" })).toBe("unknown");
  });
});
