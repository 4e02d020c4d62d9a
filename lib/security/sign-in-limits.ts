/**
 * Rate limits around password sign-in (next-auth's credentials `authorize`, which
 * the route gate does not wrap). Each attempt takes a point per address and per
 * (address, account) *before* the password is checked, so a burst of parallel
 * guesses cannot all slip in while the first ones are still hashing; a successful
 * sign-in gives both back, so only failures accumulate.
 */
import { getLogger } from "@/lib/observability/logger";
import { rateLimitSubject } from "./client-ip";
import { SIGN_IN_LIMITS } from "./limits";
import { consumeRateLimits, refundRateLimit, resetRateLimit } from "./rate-limit";
import type { RateLimit, RateLimitCheck } from "./rate-limit";
import { SignInRateLimitedError } from "./sign-in-error";

export interface SignInLimits {
  perIp: RateLimit;
  perAccount: RateLimit;
}

function checksFor(email: string, ip: string, limits: SignInLimits): [RateLimitCheck, RateLimitCheck] {
  const subject = rateLimitSubject(ip);
  return [
    { ...limits.perIp, key: `ip:${subject}` },
    { ...limits.perAccount, key: `account:${email.trim().toLowerCase()}|ip:${subject}` },
  ];
}

/**
 * Runs `verify` (the password check) within the sign-in limits. Throws
 * SignInRateLimitedError, without verifying, once a limit is spent.
 */
export async function withSignInLimits<T>(email: string, ip: string, verify: () => Promise<T | null>, limits: SignInLimits = SIGN_IN_LIMITS): Promise<T | null> {
  const [perIp, perAccount] = checksFor(email, ip, limits);
  const outcome = await consumeRateLimits([perIp, perAccount]);
  if (!outcome.allowed) {
    getLogger().warn({ component: "auth", ip, retryAfterSeconds: outcome.retryAfterSeconds }, "sign-in refused: too many attempts");
    throw new SignInRateLimitedError(outcome.retryAfterSeconds);
  }
  const user = await verify();
  if (user) await Promise.all([resetRateLimit(perAccount), refundRateLimit(perIp)]);
  return user;
}
