/** Values the browser tests' processes share: the runner (global-setup), the servers it starts and the workers. */

/** The session secret of every server the browser tests start (so the factory's tokens are valid on each). */
export const E2E_SECRET = "e2e-secret-that-is-long-enough-for-next-auth-0123456789";

/**
 * The servers trust one proxy hop, and every test sends its own X-Forwarded-For, as a
 * load balancer would append each client's address: per-address rate limits (sign-up,
 * sign-in failures, reset and sign-in links, invitation acceptance) then count each test
 * on its own, however often and in whatever order the suite runs. The limits themselves
 * stay on, with production's numbers.
 */
export const E2E_TRUSTED_PROXY_HOPS = "1";

/** The servers' METRICS_TOKEN: e2e/metrics.spec.ts scrapes /metrics with it. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";
