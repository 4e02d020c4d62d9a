import type { RetryPolicy } from "@/lib/jobs/define-job";

/**
 * Emails retry for about ten minutes (10 s, 20 s, 40 s … with jitter, at most 5
 * minutes apart): long enough to ride out a Resend or network blip, short
 * enough that a password-reset link (valid one hour) still arrives in time.
 */
export const EMAIL_RETRY: RetryPolicy = { limit: 6, delaySeconds: 10, backoff: true, maxDelaySeconds: 300 };
