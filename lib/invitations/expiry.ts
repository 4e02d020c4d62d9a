/**
 * How long an invitation lasts, and how its expiry reads ("expires in 7 days"): one pure
 * module for the server (which sets expiresAt), the invite dialog (which promises it) and
 * the pending list (which counts it down), so the dialog and the list cannot disagree.
 */
export const INVITATION_TTL_DAYS = 7;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function invitationExpiry(from = new Date()): Date {
  return new Date(from.getTime() + INVITATION_TTL_DAYS * DAY_MS);
}

/**
 * "expires in 7 days" / "expires in 3 hours" / "expires within the hour" / "expired".
 * Whole days and hours are rounded up: the link works for at most that long, so an
 * invitation sent a minute ago (6 days 23 h 59 min left) reads "7 days", as the dialog said.
 * More than a day left counts in days, more than an hour in hours.
 */
export function describeExpiry(expiresAt: Date, now = new Date()): string {
  const ms = expiresAt.getTime() - now.getTime();
  if (ms <= 0) return "expired";
  if (ms > DAY_MS) {
    const days = Math.ceil(ms / DAY_MS);
    return `expires in ${days} days`;
  }
  if (ms > HOUR_MS) {
    const hours = Math.ceil(ms / HOUR_MS);
    return `expires in ${hours} hours`;
  }
  return "expires within the hour";
}

/** What the invite dialog promises: the same words the list shows for a fresh invitation. */
export function invitationValidity(now = new Date()): string {
  return describeExpiry(invitationExpiry(now), now);
}
