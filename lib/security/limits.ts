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
  /**
   * Failed password sign-ins for one account from every address together: stops a
   * botnet guessing one password from many addresses (each within the limits above).
   * Generous, since anyone can spend it: a stranger needs 100 wrong guesses within the
   * hour, from at least three addresses, to lock a colleague's *password* out. The
   * colleague still signs in with an email link (or a GitHub account), and a password
   * reset clears the count. Only the password provider counts it.
   */
  perAccountEverywhere: { name: "sign-in:account-everywhere", points: 100, durationSeconds: HOUR },
} satisfies Record<string, RateLimit>;

/**
 * POST /api/v1/accounts (start a sign-up: an email to the address). Per address so nobody
 * probes many emails or floods from one place; per email so nobody fills a stranger's
 * inbox. Counted for every email alike, so the limits reveal nothing about accounts.
 */
export const SIGN_UP_RATE_LIMITS = [
  { name: "sign-up:ip", points: 20, durationSeconds: HOUR, key: "ip" },
  { name: "sign-up:email", points: 3, durationSeconds: HOUR, key: ({ body }: { body: { email: string } }) => body.email },
] satisfies EndpointRateLimit<{ body: { email: string } }>[];

/** POST /api/v1/accounts/confirm: each creates an account and an organization, and costs an argon2 hash. */
export const SIGN_UP_CONFIRM_RATE_LIMITS = [{ name: "sign-up-confirm:ip", points: 20, durationSeconds: HOUR, key: "ip" }] satisfies EndpointRateLimit[];

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

/** Resending invitations (POST …/invitations/{id}/resend): one email each, in the same buckets as inviting. */
export const INVITATION_RESEND_RATE_LIMITS = [
  { name: "invitations:user", points: 100, durationSeconds: HOUR, key: ({ userId }: { userId: string | null }) => userId ?? "anonymous" },
  { name: "invitations:org", points: 300, durationSeconds: HOUR, key: ({ orgId }: { orgId: string | null }) => orgId ?? "none" },
] satisfies EndpointRateLimit<{ userId: string | null; orgId: string | null }>[];

/**
 * Invitation emails, counted from the InvitationSend log (lib/invitations/send-limits.ts)
 * on every invite and resend, whatever the organization: unlike the counters above they
 * must hold across organizations and accounts, per address invited. Decision 0019.
 * Unverified accounts send none at all (403).
 */
export const INVITATION_SEND_LIMITS = {
  /** Invitation emails one address receives in 24 hours, from every organization together. */
  perRecipientPerDay: 5,
  /** Emails one organization sends one address in 7 days (a link's life): the first and two resends. Revoking and inviting again does not reset it. */
  perOrganizationRecipient: { sends: 3, windowHours: 7 * 24 },
  /** Accounts younger than `accountAgeHours` send at most `perDay` invitation emails in 24 hours. */
  newAccount: { accountAgeHours: 24, perDay: 10 },
} as const;

/** POST /api/v1/invitation-blocks ("I don't know this organization"): the token is unguessable; this only bounds the work. */
export const INVITATION_BLOCK_RATE_LIMITS = [{ name: "invitation-block:ip", points: 30, durationSeconds: HOUR, key: "ip" }] satisfies EndpointRateLimit[];

/**
 * POST /api/v1/email-verifications (send the signed-in user another verification link):
 * per user, so nobody mail-bombs their own (or an unverified stranger's) inbox.
 */
export const EMAIL_VERIFICATION_RATE_LIMITS = [
  { name: "email-verification:user", points: 5, durationSeconds: HOUR, key: ({ userId }: { userId: string | null }) => userId ?? "anonymous" },
] satisfies EndpointRateLimit<{ userId: string | null }>[];

/**
 * POST /api/v1/sign-in-links (email a passwordless sign-in link): per address so nobody
 * probes many emails or floods from one place; per email so nobody fills a stranger's inbox.
 * Counted for unknown emails too, so the limits do not reveal which emails have accounts.
 */
export const SIGN_IN_LINK_RATE_LIMITS = [
  { name: "sign-in-link:ip", points: 10, durationSeconds: HOUR, key: "ip" },
  { name: "sign-in-link:email", points: 5, durationSeconds: HOUR, key: ({ body }: { body: { email: string } }) => body.email },
] satisfies EndpointRateLimit<{ body: { email: string } }>[];

/** POST /api/v1/me/password: a stolen session must not become a way to guess the password. */
export const CHANGE_PASSWORD_RATE_LIMITS = [
  { name: "change-password:user", points: 10, durationSeconds: 15 * MINUTE, key: ({ userId }: { userId: string | null }) => `user:${userId}` },
] satisfies EndpointRateLimit<{ userId: string | null }>[];

/**
 * Accepting an invitation (POST /api/v1/invitations/{token}/accept), per address: it may
 * create an account, and each attempt costs an argon2 hash. Its own bucket, so invitees
 * behind an office NAT do not eat into sign-ups.
 */
export const INVITATION_ACCEPT_RATE_LIMITS = [{ name: "invitation-accept:ip", points: 30, durationSeconds: HOUR, key: "ip" }] satisfies EndpointRateLimit[];

/**
 * The largest body next-auth's routes (/api/auth/*) read: they answer anyone, before any
 * session exists, and next-auth reads a POST body whole. Its forms hold a CSRF token, an
 * email, a password (≤ 1,024 characters), a callback URL (≤ 2,048) and a few flags:
 * a few kilobytes even fully percent-encoded.
 */
export const AUTH_BODY_LIMIT_BYTES = 32 * 1024;

/**
 * Writing in threads (POST …/items/{key}/comments and PATCH …/comments/{commentId}), per user:
 * each comment notifies the others in the conversation, records an event that reaches their
 * screens, and stores up to 20,000 characters twice (markdown and its HTML), so a script
 * posting in a loop would flood people and rows. A person in a lively conversation writes a
 * few a minute; 30 a minute leaves room for a burst (quick answers, a typo fixed by an edit)
 * and stops a script within seconds; 300 an hour (5 a minute for a whole hour) caps a slow
 * drip no conversation reaches. Edits share the counters: each one fans out like a comment.
 */
export const COMMENT_WRITE_RATE_LIMITS = [
  { name: "comments:user:minute", points: 30, durationSeconds: MINUTE, key: ({ userId }: { userId: string | null }) => `user:${userId}` },
  { name: "comments:user:hour", points: 300, durationSeconds: HOUR, key: ({ userId }: { userId: string | null }) => `user:${userId}` },
] satisfies EndpointRateLimit<{ userId: string | null }>[];

/**
 * Requests per API token (decision 0032), counted by the gate on every request a token
 * makes, before the endpoint's own limits: a leaked or runaway integration is bounded
 * without touching the people who use the browser.
 */
export const API_TOKEN_RATE_LIMIT = { name: "api-token", points: 600, durationSeconds: MINUTE } satisfies RateLimit;

/** Creating API tokens (personal or service), per person: each is a new credential. */
export const CREATE_TOKEN_RATE_LIMITS = [
  { name: "api-token-create:user", points: 30, durationSeconds: HOUR, key: ({ userId }: { userId: string | null }) => `user:${userId}` },
] satisfies EndpointRateLimit<{ userId: string | null }>[];

/**
 * "Send test event" and "Redeliver" (lib/webhooks): each makes Cairn's server send a
 * request, so an owner cannot turn it into a request cannon against their own URL.
 */
export const WEBHOOK_TEST_RATE_LIMITS = [
  { name: "webhook-test:org", points: 60, durationSeconds: HOUR, key: ({ orgId }: { orgId: string | null }) => orgId ?? "none" },
] satisfies EndpointRateLimit<{ orgId: string | null }>[];

/**
 * The calendar feed (`GET /api/v1/calendar-feeds/{token}`, decision 0030): a calendar app polls a
 * link every few minutes to hours; a person may subscribe from a few devices. 60 an hour per link
 * is far above that and keeps a leaked link from being hammered; 300 an hour per address covers
 * an office behind one address and stops a script guessing tokens (which are 256 bits anyway).
 */
export const CALENDAR_FEED_RATE_LIMITS = [
  { name: "calendar-feed:ip", points: 300, durationSeconds: HOUR, key: "ip" },
  { name: "calendar-feed:link", points: 60, durationSeconds: HOUR, key: ({ params }: { params: { token: string } }) => `link:${params.token.slice(0, 16)}` },
] satisfies EndpointRateLimit<{ params: { token: string } }>[];

/**
 * Deleting an organization (decision 0045) and its export: an owner needs one of each now and
 * then; these stop a stolen session or a script from hammering either (the export reads the whole
 * organization).
 */
export const DELETE_ORGANIZATION_RATE_LIMITS = [
  { name: "org-delete:user", points: 10, durationSeconds: HOUR, key: ({ userId }: { userId: string | null }) => `user:${userId}` },
] satisfies EndpointRateLimit<{ userId: string | null }>[];

export const EXPORT_ORGANIZATION_RATE_LIMITS = [
  { name: "org-export:org", points: 20, durationSeconds: HOUR, key: ({ orgId }: { orgId: string | null }) => orgId ?? "none" },
] satisfies EndpointRateLimit<{ orgId: string | null }>[];
