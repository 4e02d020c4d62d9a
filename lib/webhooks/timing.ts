/**
 * When a failed delivery is tried again, when it is given up, and when a failing
 * endpoint is turned off (decision 0033). The windows come from the configuration;
 * tests shrink the backoff through `webhookTiming`.
 */
import { getConfig } from "@/lib/config";

export const webhookTiming = {
  /** The first retry's delay; each next one doubles, up to maxDelayMs. */
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  /** How long one worker may hold an endpoint (longer than an attempt's total timeout). */
  leaseMs: 60_000,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
};

/** The delay before attempt `attempts + 1`, with ±10% jitter so failing endpoints do not retry in step. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const exact = Math.min(webhookTiming.baseDelayMs * 2 ** Math.max(0, attempts - 1), webhookTiming.maxDelayMs);
  return Math.round(exact * (0.9 + random() * 0.2));
}

export function retryWindowMs(): number {
  return getConfig().WEBHOOK_RETRY_HOURS * 3_600_000;
}

export function disableAfterMs(): number {
  return getConfig().WEBHOOK_DISABLE_AFTER_DAYS * 86_400_000;
}
