/**
 * How a rate-limited sign-in reaches the form. next-auth v4 turns an error thrown by
 * `authorize` into `?error=<message>`, which `signIn(…, { redirect: false })` returns
 * as `result.error`; the form recognises this prefix and shows the wait. No server
 * imports here: the sign-in form (a client component) uses it too.
 */
export const SIGN_IN_RATE_LIMITED_PREFIX = "RateLimited:";

export class SignInRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`${SIGN_IN_RATE_LIMITED_PREFIX}${retryAfterSeconds}`);
    this.name = "SignInRateLimitedError";
  }
}

/** The seconds to wait, when a next-auth error string says sign-in was rate limited; else null. */
export function signInRetryAfterSeconds(error: string | null | undefined): number | null {
  if (!error?.startsWith(SIGN_IN_RATE_LIMITED_PREFIX)) return null;
  const seconds = Number(error.slice(SIGN_IN_RATE_LIMITED_PREFIX.length));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

