/**
 * Rate limits with rate-limiter-flexible, counted in the shared store
 * (rate-limit-store.ts) so every instance sees the same counters. A limit is a
 * name, a number of points per window and a key; callers consume one point per
 * attempt and are refused with 429 RATE_LIMITED (and Retry-After) once the points
 * of any of their limits are spent.
 */
import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/http/errors";
import { getLogger } from "@/lib/observability/logger";
import { countRateLimitRefusal } from "@/lib/observability/domain-metrics";
import { describeWait } from "./describe-wait";
import { getRateLimitStore, storeReady } from "./rate-limit-store";
import type { RateLimitStore } from "./rate-limit-store";

export interface RateLimit {
  /** Names the counter (with the key); renaming a limit starts its counters afresh. */
  name: string;
  /** Attempts allowed per window. */
  points: number;
  durationSeconds: number;
}

/** One limit applied to one subject: an IP address, an email, a user id… */
export interface RateLimitCheck extends RateLimit {
  key: string;
  /** Points this attempt takes; 1 when unset. */
  cost?: number;
}

export interface RateLimitOutcome {
  allowed: boolean;
  /** When refused: seconds until the limit that refused frees a point (at least 1). */
  retryAfterSeconds: number;
}

const LIMITER_TABLE = "rate_limits";

// One limiter per store and limit shape, made on first use.
const limiters = new WeakMap<RateLimitStore, Map<string, RateLimiterAbstract>>();

function limiterFor(store: RateLimitStore, limit: RateLimit): RateLimiterAbstract {
  let byShape = limiters.get(store);
  if (!byShape) limiters.set(store, (byShape = new Map()));
  const shape = `${limit.name}|${limit.points}|${limit.durationSeconds}`;
  let limiter = byShape.get(shape);
  if (!limiter) {
    const options = {
      keyPrefix: `rl:${limit.name}`,
      points: limit.points,
      duration: limit.durationSeconds,
      insuranceLimiter: new FallbackLimiter({ keyPrefix: `rl:${limit.name}`, points: limit.points, duration: limit.durationSeconds }),
    };
    limiter =
      store.kind === "redis"
        ? new RateLimiterRedis({ ...options, storeClient: store.client, rejectIfRedisNotReady: true })
        : new RateLimiterPostgres({ ...options, storeClient: store.pool, storeType: "pool", tableName: LIMITER_TABLE, tableCreated: true });
    byShape.set(shape, limiter);
  }
  return limiter;
}

/**
 * Counts in this process's memory while the shared store is unreachable: limits stay
 * in force (per instance) rather than failing open, and requests are not failed either.
 */
class FallbackLimiter extends RateLimiterMemory {
  private static lastWarning = 0;

  override consume(key: string | number, points?: number, options?: { [key: string]: unknown }): Promise<RateLimiterRes> {
    // One warning per minute, not one per request, while the store is down.
    if (Date.now() - FallbackLimiter.lastWarning > 60_000) {
      FallbackLimiter.lastWarning = Date.now();
      getLogger().warn({ component: "rate-limit" }, "rate-limit store unreachable: counting in memory until it returns");
    }
    return super.consume(key, points, options);
  }
}

/**
 * Stored keys are hashed: they stay within the table's 255 characters whatever the
 * input, and the table holds no email addresses.
 */
function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

function secondsUntil(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Takes each check's points, from all of them even when one refuses (so tripping one
 * counter does not pause the others). Refused when any check is over its limit.
 */
export async function consumeRateLimits(checks: RateLimitCheck[], store: RateLimitStore = getRateLimitStore()): Promise<RateLimitOutcome> {
  await storeReady(store);
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        await limiterFor(store, check).consume(storedKey(check.key), Math.max(1, Math.ceil(check.cost ?? 1)));
        return 0;
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          countRateLimitRefusal(check.name);
          return secondsUntil(error);
        }
        throw error;
      }
    }),
  );
  const refused = results.filter((seconds) => seconds > 0);
  return { allowed: refused.length === 0, retryAfterSeconds: refused.length ? Math.max(...refused) : 0 };
}

/** Forgets a subject's count (e.g. failed sign-ins, after a successful one). */
export async function resetRateLimit(check: RateLimitCheck, store: RateLimitStore = getRateLimitStore()): Promise<void> {
  await storeReady(store);
  await limiterFor(store, check).delete(storedKey(check.key));
}

/** Gives back the point an attempt took (e.g. a sign-in that succeeded does not count against its IP). */
export async function refundRateLimit(check: RateLimitCheck, store: RateLimitStore = getRateLimitStore()): Promise<void> {
  await storeReady(store);
  await limiterFor(store, check).reward(storedKey(check.key), 1);
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", `Too many requests. Try again in ${describeWait(retryAfterSeconds)}.`, { retryAfterSeconds });
}
