/**
 * Rate limits around sign-in (next-auth's credentials `authorize`, which the
 * route gate does not wrap). Each attempt takes a point per address, per
 * (address, account) and, for passwords, per account from every address,
 * *before* the password is checked, so a burst of parallel guesses cannot all
 * slip in while the first ones are still hashing. A successful sign-in gives
 * the points back (the (address, account) count is cleared), so only failures
 * accumulate; the count across addresses is not cleared by a success, or a
 * guesser could keep resetting it by waiting for the owner to sign in.
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
  /** Absent for sign-in methods that name no account (an email link's token). */
  perAccountEverywhere?: RateLimit;
}

/** The email-link provider's limits: its "account" is a constant, so nothing is counted across addresses. */
export const EMAIL_LINK_SIGN_IN_LIMITS: SignInLimits = { perIp: SIGN_IN_LIMITS.perIp, perAccount: SIGN_IN_LIMITS.perAccount };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

function checksFor(email: string, ip: string, limits: SignInLimits) {
  const subject = rateLimitSubject(ip);
  return {
    perIp: { ...limits.perIp, key: `ip:${subject}` } satisfies RateLimitCheck,
    perAccount: { ...limits.perAccount, key: `${accountKey(email)}|ip:${subject}` } satisfies RateLimitCheck,
    perAccountEverywhere: limits.perAccountEverywhere ? ({ ...limits.perAccountEverywhere, key: accountKey(email) } satisfies RateLimitCheck) : null,
  };
}

/**
 * Runs `verify` (the password check) within the sign-in limits. Throws
 * SignInRateLimitedError, without verifying, once a limit is spent.
 */
export async function withSignInLimits<T>(email: string, ip: string, verify: () => Promise<T | null>, limits: SignInLimits = SIGN_IN_LIMITS): Promise<T | null> {
  const { perIp, perAccount, perAccountEverywhere } = checksFor(email, ip, limits);
  const outcome = await consumeRateLimits(perAccountEverywhere ? [perIp, perAccount, perAccountEverywhere] : [perIp, perAccount]);
  if (!outcome.allowed) {
    getLogger().warn({ component: "auth", ip, retryAfterSeconds: outcome.retryAfterSeconds }, "sign-in refused: too many attempts");
    throw new SignInRateLimitedError(outcome.retryAfterSeconds);
  }
  const user = await verify();
  if (user) await Promise.all([resetRateLimit(perAccount), refundRateLimit(perIp), perAccountEverywhere && refundRateLimit(perAccountEverywhere)]);
  return user;
}

/** Forgets the failed password sign-ins counted against an account from every address (after a password reset). */
export async function clearAccountSignInFailures(email: string, limit: RateLimit = SIGN_IN_LIMITS.perAccountEverywhere): Promise<void> {
  await resetRateLimit({ ...limit, key: accountKey(email) });
}
