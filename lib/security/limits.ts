/**
 * How many attempts each abusable action allows, in one place so the numbers can be
 * compared and tuned together. Endpoints declare these (`rateLimits` in their
 * definition, consumed by the route gate); sign-in, which next-auth serves, uses
 * SIGN_IN_LIMITS through lib/security/sign-in-limits.ts.
 *
 * Principles: per-IP limits are generous enough for an office behind one NAT address;
 * per-account limits stop one account from being guessed at or mail-bombed; a failed
 * check answers 429 with Retry-After and never says whether an account exists.
 */
import type { EndpointRateLimit } from "@/lib/http/endpoint";
import type { RateLimit } from "./rate-limit";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const SIGN_IN_LIMITS = {
  /** Failed sign-ins from one address, whatever the accounts: slows password spraying. */
  perIp: { name: "sign-in:ip", points: 50, durationSeconds: 15 * MINUTE },
  /**
   * Failed sign-ins for one account from one address: stops guessing one password.
   * Keyed by address too, so a stranger cannot lock a colleague out from elsewhere.
   * A successful sign-in clears it.
   */
  perAccount: { name: "sign-in:account", points: 10, durationSeconds: 15 * MINUTE },
} satisfies Record<string, RateLimit>;

/** POST /api/v1/accounts: each sign-up creates an organization. */
export const SIGN_UP_RATE_LIMITS = [{ name: "sign-up:ip", points: 20, durationSeconds: HOUR, key: "ip" }] satisfies EndpointRateLimit[];

/**
 * POST /api/v1/password-resets (request a reset link). Per email so nobody can fill a
 * stranger's inbox; per address so nobody can probe many emails. Declare as
 * `rateLimits: PASSWORD_RESET_RATE_LIMITS` on an endpoint whose body has `email`.
 */
export const PASSWORD_RESET_RATE_LIMITS = [
  { name: "password-reset:ip", points: 10, durationSeconds: HOUR, key: "ip" },
  { name: "password-reset:email", points: 3, durationSeconds: HOUR, key: ({ body }: { body: { email: string } }) => body.email },
] satisfies EndpointRateLimit<{ body: { email: string } }>[];

/**
 * Sending invitations (each one is an email to a stranger's inbox): counted per
 * recipient, per inviting user and per organization. Declare as
 * `rateLimits: INVITATION_RATE_LIMITS` on an organization-scoped endpoint whose body
 * has `emails: string[]`.
 */
export const INVITATION_RATE_LIMITS = [
  {
    name: "invitations:user",
    points: 100,
    durationSeconds: HOUR,
    key: ({ userId }: { userId: string | null }) => userId ?? "anonymous",
    cost: ({ body }: { body: { emails: string[] } }) => body.emails.length,
  },
  {
    name: "invitations:org",
    points: 300,
    durationSeconds: HOUR,
    key: ({ orgId }: { orgId: string | null }) => orgId ?? "none",
    cost: ({ body }: { body: { emails: string[] } }) => body.emails.length,
  },
] satisfies EndpointRateLimit<{ userId: string | null; orgId: string | null; body: { emails: string[] } }>[];
