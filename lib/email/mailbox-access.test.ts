import { describe, expect, it } from "vitest";
import { assignProxied } from "@/lib/security/client-ip";
import { isLoopbackHost, mailboxAllowed } from "./mailbox-access";

const on = { devMailboxEnabled: true };
const request = (headers: Record<string, string>) => new Headers({ host: "localhost:3000", "x-cairn-client-ip": "127.0.0.1", "x-cairn-proxied": "0", ...headers });

describe("mailboxAllowed", () => {
  it("lets a browser on this machine read the development mailbox", () => {
    expect(mailboxAllowed(request({}), on)).toBe(true);
    expect(mailboxAllowed(request({ host: "127.0.0.1:3000", "x-cairn-client-ip": "127.0.0.2" }), on)).toBe(true);
    expect(mailboxAllowed(request({ host: "[::1]:3000", "x-cairn-client-ip": "::1" }), on)).toBe(true);
  });

  it("is closed whenever the configuration turns it off (production, a Resend key, NODE_ENV=test)", () => {
    expect(mailboxAllowed(request({}), { devMailboxEnabled: false })).toBe(false);
  });

  it("refuses any other client address, and a request without the address server.ts records", () => {
    expect(mailboxAllowed(request({ "x-cairn-client-ip": "192.168.1.20" }), on)).toBe(false);
    expect(mailboxAllowed(request({ "x-cairn-client-ip": "203.0.113.7" }), on)).toBe(false);
    expect(mailboxAllowed(request({ "x-cairn-client-ip": "::ffff:10.0.0.1" }), on)).toBe(false);
    const withoutAddress = request({});
    withoutAddress.delete("x-cairn-client-ip");
    expect(mailboxAllowed(withoutAddress, on)).toBe(false);
  });

  it("refuses a loopback connection made for someone else: a proxy or a tunnel, or a rebound DNS name", () => {
    for (const forwarding of [{ "x-forwarded-for": "203.0.113.7" }, { forwarded: "for=203.0.113.7" }, { "x-real-ip": "203.0.113.7" }, { "x-forwarded-host": "abcd.ngrok-free.app" }]) {
      const raw = { headers: { host: "localhost:3000", ...forwarding } as Record<string, string | undefined> };
      assignProxied(raw);
      expect(mailboxAllowed(request({ "x-cairn-proxied": raw.headers["x-cairn-proxied"]! }), on), JSON.stringify(forwarding)).toBe(false);
    }
    const withoutMark = request({});
    withoutMark.delete("x-cairn-proxied");
    expect(mailboxAllowed(withoutMark, on)).toBe(false);
    expect(mailboxAllowed(request({ host: "abcd.ngrok-free.app" }), on)).toBe(false);
    expect(mailboxAllowed(request({ host: "rebind.evil.example:3000" }), on)).toBe(false);
  });
});

describe("assignProxied", () => {
  it("marks what server.ts received, and replaces a client's own claim", () => {
    const direct = { headers: { host: "localhost:3000", "x-cairn-proxied": "0" } as Record<string, string | undefined> };
    assignProxied(direct);
    expect(direct.headers["x-cairn-proxied"]).toBe("0");
    const forged = { headers: { host: "localhost:3000", "x-forwarded-for": "203.0.113.7", "x-cairn-proxied": "0" } as Record<string, string | undefined> };
    assignProxied(forged);
    expect(forged.headers["x-cairn-proxied"]).toBe("1");
  });
});

describe("isLoopbackHost", () => {
  it("accepts localhost and loopback addresses, with or without a port, and nothing else", () => {
    for (const host of ["localhost", "LOCALHOST:3000", "127.0.0.1:3000", "127.1.2.3", "[::1]:3000", "[::1]"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [null, "", "localhost.evil.example", "0.0.0.0:3000", "10.0.0.1", "[::2]:3000", "cairn.example.com"]) expect(isLoopbackHost(host), String(host)).toBe(false);
  });
});
