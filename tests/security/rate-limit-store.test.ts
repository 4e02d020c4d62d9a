/**
 * The rate limiter against its real stores: PostgreSQL's rate_limits table (this
 * file's own database) and a private Redis server (tests/support/test-redis.ts). A limit trips after
 * its points, says how long to wait, and frees up once its window has passed.
 */
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { consumeRateLimits, refundRateLimit, resetRateLimit } from "@/lib/security/rate-limit";
import { closeRateLimitStore, createRateLimitStore } from "@/lib/security/rate-limit-store";
import type { RateLimitStore } from "@/lib/security/rate-limit-store";
import { startTestRedis } from "../support/test-redis";
import type { TestRedis } from "../support/test-redis";

let redis: TestRedis;
let REDIS_URL = "";
beforeAll(async () => {
  redis = await startTestRedis();
  REDIS_URL = redis.url;
});
const unique = () => randomUUID().slice(0, 8);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const stores: RateLimitStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map(closeRateLimitStore));
  await redis?.stop();
});

async function postgresStore(): Promise<RateLimitStore> {
  const store = createRateLimitStore({ databaseUrl: getConfig().DATABASE_URL });
  stores.push(store);
  return store;
}

async function redisStore(): Promise<RateLimitStore> {
  const store = createRateLimitStore({ redisUrl: REDIS_URL });
  stores.push(store);
  if (store.kind === "redis" && store.client.status !== "ready") {
    // Commands fail fast while disconnected (by design), so wait for the connection first.
    await Promise.race([
      once(store.client, "ready"),
      sleep(3000).then(() => {
        throw new Error(`no Redis at ${REDIS_URL} (set TEST_REDIS_URL to a local Redis)`);
      }),
    ]);
  }
  return store;
}

describe.each([
  ["PostgreSQL", postgresStore],
  ["Redis", redisStore],
])("rate limits in %s", (_name, makeStore) => {
  it("allows the points, refuses the next attempt with the wait, and allows again after the window", async () => {
    const store = await makeStore();
    const check = { name: `test-window-${unique()}`, points: 2, durationSeconds: 1, key: "ip:192.0.2.10" };
    expect(await consumeRateLimits([check], store)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await consumeRateLimits([check], store)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await consumeRateLimits([check], store)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await sleep(1100);
    expect((await consumeRateLimits([check], store)).allowed).toBe(true);
  });

  it("counts each key separately, and refuses when any one of several limits is spent", async () => {
    const store = await makeStore();
    const perIp = { name: `test-ip-${unique()}`, points: 5, durationSeconds: 60 };
    const perEmail = { name: `test-email-${unique()}`, points: 2, durationSeconds: 60 };
    const attempt = (ip: string, email: string) =>
      consumeRateLimits([{ ...perIp, key: ip }, { ...perEmail, key: email }], store);

    // One account from several addresses: the per-email limit trips, not the per-IP one.
    expect((await attempt("192.0.2.1", "ana@example.test")).allowed).toBe(true);
    expect((await attempt("192.0.2.2", "ana@example.test")).allowed).toBe(true);
    const third = await attempt("192.0.2.3", "ana@example.test");
    expect(third.allowed).toBe(false);
    expect(third.retryAfterSeconds).toBeGreaterThan(55);
    expect(third.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Other accounts from those addresses are unaffected…
    expect((await attempt("192.0.2.3", "bo@example.test")).allowed).toBe(true);
    // …until one address has used its 5 attempts, whatever the accounts.
    for (const email of ["cy@example.test", "di@example.test", "ed@example.test", "fay@example.test"]) {
      expect((await attempt("192.0.2.1", email)).allowed).toBe(true);
    }
    expect((await attempt("192.0.2.1", "gus@example.test")).allowed).toBe(false);
    expect((await attempt("192.0.2.9", "gus@example.test")).allowed).toBe(true);
  });

  it("takes a request's cost in points, and forgets or refunds on request", async () => {
    const store = await makeStore();
    const limit = { name: `test-cost-${unique()}`, points: 10, durationSeconds: 60, key: "user:u1" };
    expect((await consumeRateLimits([{ ...limit, cost: 8 }], store)).allowed).toBe(true);
    expect((await consumeRateLimits([{ ...limit, cost: 3 }], store)).allowed).toBe(false);
    await resetRateLimit(limit, store);
    expect((await consumeRateLimits([{ ...limit, cost: 10 }], store)).allowed).toBe(true);
    await refundRateLimit(limit, store);
    expect((await consumeRateLimits([limit], store)).allowed).toBe(true);
    expect((await consumeRateLimits([limit], store)).allowed).toBe(false);
  });
});

describe("the PostgreSQL store", () => {
  it("keeps counters in rate_limits under hashed keys, so no email address is stored", async () => {
    const store = await postgresStore();
    const name = `test-hash-${unique()}`;
    const email = `someone-${unique()}@example.test`;
    await consumeRateLimits([{ name, points: 3, durationSeconds: 60, key: `email:${email}` }], store);
    const rows = await getDb().rateLimit.findMany({ where: { key: { startsWith: `rl:${name}:` } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.points).toBe(1);
    expect(rows[0]!.key).not.toContain(email);
    expect(Number(rows[0]!.expire)).toBeGreaterThan(Date.now());
  });

  it("keeps limiting, in memory, while the database cannot be reached", async () => {
    // Nothing listens on port 1: every store call fails at once and the fallback counts.
    const store = createRateLimitStore({ databaseUrl: "postgresql://postgres@127.0.0.1:1/none" });
    stores.push(store);
    const check = { name: `test-down-${unique()}`, points: 2, durationSeconds: 60, key: "ip:192.0.2.50" };
    expect((await consumeRateLimits([check], store)).allowed).toBe(true);
    expect((await consumeRateLimits([check], store)).allowed).toBe(true);
    const refused = await consumeRateLimits([check], store);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("the Redis store", () => {
  it("keeps counters in Redis, expiring with their window", async () => {
    const store = await redisStore();
    if (store.kind !== "redis") throw new Error("expected a Redis store");
    const name = `test-redis-${unique()}`;
    await consumeRateLimits([{ name, points: 3, durationSeconds: 30, key: "ip:192.0.2.60" }], store);
    const keys = await store.client.keys(`rl:${name}:*`);
    expect(keys).toHaveLength(1);
    expect(await store.client.get(keys[0]!)).toBe("1");
    const ttl = await store.client.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it("counts the first attempts after start in Redis too, not in the fallback, while the connection opens", async () => {
    const store = createRateLimitStore({ redisUrl: REDIS_URL });
    stores.push(store);
    if (store.kind !== "redis") throw new Error("expected a Redis store");
    expect(store.client.status).not.toBe("ready");
    const check = { name: `test-redis-start-${unique()}`, points: 1, durationSeconds: 30, key: "ip:192.0.2.61" };
    expect((await consumeRateLimits([check], store)).allowed).toBe(true);
    expect(await store.client.keys(`rl:${check.name}:*`)).toHaveLength(1);
    expect((await consumeRateLimits([check], store)).allowed).toBe(false);
  });
});
