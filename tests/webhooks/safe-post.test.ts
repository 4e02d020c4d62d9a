/**
 * The sender resolves the host itself, refuses an answer with any non-public
 * address, and connects to the address it checked (not to whatever a second DNS
 * query would say): a stand-in resolver plays DNS here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvedAddressProblem, safePost } from "@/lib/webhooks/safe-post";
import { startReceiver } from "./webhooks-fixture";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const post = (url: string, resolve: (host: string) => Promise<Array<{ address: string; family: number }>>, allowPrivate = false) =>
  safePost(url, { allowPrivate, headers: { "content-type": "application/json" }, body: "{}", resolve });

describe("safePost", () => {
  it("refuses a name that resolves to loopback, private or link-local space, or to a mix with a public address", async () => {
    for (const answer of [["127.0.0.1"], ["10.0.0.7"], ["169.254.169.254"], ["::1"], ["::ffff:127.0.0.1"], ["93.184.216.34", "192.168.1.10"]]) {
      const resolve = async () => answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
      await expect(post(`http://rebind.example:${receiver.port}/hook`, resolve), answer.join()).rejects.toThrow(/refused/);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("connects to the address the check saw, with the URL's host in the Host header", async () => {
    let asked = 0;
    // A rebinding resolver: the first answer is the one checked and used; a second lookup would say otherwise.
    const resolve = async () => [{ address: asked++ === 0 ? "127.0.0.1" : "203.0.113.9", family: 4 }];
    const answer = await post(`http://receiver.example:${receiver.port}/hook`, resolve, true);
    expect(answer.status).toBe(200);
    expect(asked).toBe(1);
    expect(receiver.received.at(-1)!.headers.host).toBe(`receiver.example:${receiver.port}`);
  });

  it("says why when the name does not resolve", async () => {
    await expect(post("http://nowhere.example/", async () => [])).rejects.toThrow(/did not resolve/);
    await expect(post("http://nowhere.example/", () => Promise.reject(new Error("ENOTFOUND")))).rejects.toThrow(/did not resolve: ENOTFOUND/);
  });
});

describe("resolvedAddressProblem (registration)", () => {
  it("names a private answer, lets an unresolvable or slow name through", async () => {
    expect(await resolvedAddressProblem("rebind.example", { resolve: async () => [{ address: "10.1.2.3", family: 4 }] })).toBe("resolves to a private address (10.1.2.3)");
    expect(await resolvedAddressProblem("public.example", { resolve: async () => [{ address: "93.184.216.34", family: 4 }] })).toBeNull();
    expect(await resolvedAddressProblem("nowhere.example", { resolve: () => Promise.reject(new Error("ENOTFOUND")) })).toBeNull();
    expect(await resolvedAddressProblem("slow.example", { resolve: () => new Promise(() => undefined), timeoutMs: 50 })).toBeNull();
  });
});
