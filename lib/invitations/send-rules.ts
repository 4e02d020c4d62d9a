/**
 * Whether one more invitation email may go to an address (decision 0019). Pure:
 * the caller (send-ledger.ts) reads what was sent, in a transaction that holds
 * the locks, and passes the clock. The messages are shown per address in the
 * invite dialog and as the error of a refused resend.
 */
import { describeWait } from "@/lib/security/describe-wait";
import { INVITATION_SEND_LIMITS } from "@/lib/security/limits";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const SEND_REFUSAL_REASONS = ["declined", "organization_limit", "recipient_limit", "account_limit"] as const;
export type SendRefusalReason = (typeof SEND_REFUSAL_REASONS)[number];

export interface SendRefusal {
  reason: SendRefusalReason;
  message: string;
  /** When a limit frees a slot; absent for a block, which does not end. */
  retryAfterSeconds?: number;
}

export interface SendHistory {
  /** The address asked this organization to stop ("I don't know this organization"). */
  blocked: boolean;
  /** Invitation emails to the address in the last 24 hours, from every organization. */
  recipientSends: readonly Date[];
  /** Invitation emails to the address from this organization in the last 7 days. */
  organizationSends: readonly Date[];
  /** The inviting account: when it was made, and its invitation emails in the last 24 hours. */
  inviter: { createdAt: Date; sends: readonly Date[] };
}

/** Whether an account is still new enough for the daily cap of new accounts. */
export function isNewAccount(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < INVITATION_SEND_LIMITS.newAccount.accountAgeHours * HOUR_MS;
}

/** Seconds until one of `sends` leaves the window, so that fewer than `limit` remain in it. */
function secondsUntilFree(sends: readonly Date[], limit: number, windowMs: number, now: Date): number {
  const sorted = [...sends].map((date) => date.getTime()).sort((a, b) => a - b);
  const leaving = sorted[Math.max(0, sorted.length - limit)] ?? now.getTime();
  return Math.max(1, Math.ceil((leaving + windowMs - now.getTime()) / 1000));
}

/** Why one more invitation email may not go out, or null. The first rule that applies wins. */
export function sendRefusal(history: SendHistory, now: Date): SendRefusal | null {
  const { perRecipientPerDay, perOrganizationRecipient, newAccount } = INVITATION_SEND_LIMITS;
  if (history.blocked) {
    return { reason: "declined", message: "This address asked not to receive invitations from this organization." };
  }
  if (history.organizationSends.length >= perOrganizationRecipient.sends) {
    const wait = secondsUntilFree(history.organizationSends, perOrganizationRecipient.sends, perOrganizationRecipient.windowHours * HOUR_MS, now);
    return {
      reason: "organization_limit",
      message: `This organization already sent this address ${perOrganizationRecipient.sends} invitation emails in the last ${perOrganizationRecipient.windowHours / 24} days. Try again in ${describeWait(wait)}.`,
      retryAfterSeconds: wait,
    };
  }
  if (history.recipientSends.length >= perRecipientPerDay) {
    const wait = secondsUntilFree(history.recipientSends, perRecipientPerDay, DAY_MS, now);
    return { reason: "recipient_limit", message: `Limit reached for this address today. Try again in ${describeWait(wait)}.`, retryAfterSeconds: wait };
  }
  const { inviter } = history;
  if (isNewAccount(inviter.createdAt, now) && inviter.sends.length >= newAccount.perDay) {
    // A slot frees when a send leaves the window, or all of them when the account stops being new.
    const grownUp = Math.ceil((inviter.createdAt.getTime() + newAccount.accountAgeHours * HOUR_MS - now.getTime()) / 1000);
    const wait = Math.max(1, Math.min(grownUp, secondsUntilFree(inviter.sends, newAccount.perDay, DAY_MS, now)));
    return {
      reason: "account_limit",
      message: `New accounts send at most ${newAccount.perDay} invitation emails in their first ${newAccount.accountAgeHours} hours. Try again in ${describeWait(wait)}.`,
      retryAfterSeconds: wait,
    };
  }
  return null;
}
