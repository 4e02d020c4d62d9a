/**
 * The sending limits inside the transaction that sends invitation emails
 * (decision 0019; the rules are send-rules.ts, the numbers lib/security/limits.ts).
 *
 * Called after the organization's row is locked. It takes transaction-scoped
 * advisory locks on the inviter and on every address (by hash, in ascending
 * order, in one statement), so two organizations inviting one address, or one
 * new account inviting in two organizations, take turns: neither can pass a limit
 * with the same last free slot. It then reads, once, everything the limits count
 * (InvitationSend rows, InvitationBlock rows, the inviter's account), and counts
 * what this transaction sends on top. `save()` writes the new InvitationSend rows.
 */
import { createHash } from "node:crypto";
import type { DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { INVITATION_SEND_LIMITS } from "@/lib/security/limits";
import { recipientHash } from "./recipient-hash";
import { isNewAccount, sendRefusal } from "./send-rules";
import type { SendHistory, SendRefusal } from "./send-rules";

const HOUR_MS = 3_600_000;
/** Advisory lock namespaces (the first key of pg_advisory_xact_lock(int, int)); nothing else in Cairn takes advisory locks. */
const INVITER_LOCK = 19_001;
const RECIPIENT_LOCK = 19_002;

export interface SendLedger {
  /** Why one more invitation email may not go to `email` now, or null. */
  refusal(email: string): SendRefusal | null;
  /** Counts an email to `email` for `invitationId` (it is written by save()). */
  record(email: string, invitationId: string): void;
  save(): Promise<void>;
}

export function unverifiedInviter(): AppError {
  return new AppError(
    "FORBIDDEN",
    "Verify your email address before inviting people: open the link we emailed you when you signed up, or send a new one from your account page.",
    { reason: "email_unverified" },
  );
}

/** A signed 32-bit lock key from a hex hash. */
function lockKey(hash: string): number {
  return Number.parseInt(hash.slice(0, 8), 16) | 0;
}

async function lock(tx: DbClient, namespace: number, keys: readonly number[]): Promise<void> {
  const sorted = [...new Set(keys)].sort((a, b) => a - b);
  if (sorted.length === 0) return;
  // unnest yields the array in order, so the locks are taken in ascending order: no deadlock between two senders.
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(${namespace}::int, key))::int AS locked FROM unnest(${sorted}::int[]) AS key`;
}

export async function openSendLedger(
  tx: DbClient,
  { organizationId, inviterId, emails, now }: { organizationId: string; inviterId: string; emails: readonly string[]; now: Date },
): Promise<SendLedger> {
  const { perOrganizationRecipient } = INVITATION_SEND_LIMITS;
  const inviter = await tx.user.findUnique({ where: { id: inviterId }, select: { emailVerified: true, createdAt: true } });
  if (!inviter?.emailVerified) throw unverifiedInviter();

  const hashOf = new Map(emails.map((email) => [email, recipientHash(email)]));
  const hashes = [...new Set(hashOf.values())];
  await lock(tx, INVITER_LOCK, [lockKey(createHash("sha256").update(inviterId).digest("hex"))]);
  await lock(tx, RECIPIENT_LOCK, hashes.map(lockKey));

  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const windowStart = new Date(Math.min(dayAgo.getTime(), now.getTime() - perOrganizationRecipient.windowHours * HOUR_MS));
  const blocks = await tx.invitationBlock.findMany({ where: { organizationId, recipientHash: { in: hashes } }, select: { recipientHash: true } });
  const sends = await tx.invitationSend.findMany({
    where: { recipientHash: { in: hashes }, createdAt: { gt: windowStart } },
    select: { recipientHash: true, organizationId: true, createdAt: true },
  });
  const inviterSends = isNewAccount(inviter.createdAt, now)
    ? (await tx.invitationSend.findMany({ where: { sentById: inviterId, createdAt: { gt: dayAgo } }, select: { createdAt: true } })).map((row) => row.createdAt)
    : [];

  const blocked = new Set(blocks.map((block) => block.recipientHash));
  const organizationSince = now.getTime() - perOrganizationRecipient.windowHours * HOUR_MS;
  const history = new Map<string, { recipientSends: Date[]; organizationSends: Date[] }>(hashes.map((hash) => [hash, { recipientSends: [], organizationSends: [] }]));
  for (const send of sends) {
    const entry = history.get(send.recipientHash)!;
    if (send.createdAt > dayAgo) entry.recipientSends.push(send.createdAt);
    if (send.organizationId === organizationId && send.createdAt.getTime() > organizationSince) entry.organizationSends.push(send.createdAt);
  }
  const inviterHistory = { createdAt: inviter.createdAt, sends: inviterSends };
  const added: Array<{ organizationId: string; invitationId: string; recipientHash: string; sentById: string; createdAt: Date }> = [];

  function hashFor(email: string): string {
    const hash = hashOf.get(email);
    if (!hash) throw new Error(`openSendLedger: ${email} was not among the addresses it locked`);
    return hash;
  }

  return {
    refusal(email) {
      const hash = hashFor(email);
      const sendHistory: SendHistory = { blocked: blocked.has(hash), ...history.get(hash)!, inviter: inviterHistory };
      return sendRefusal(sendHistory, now);
    },
    record(email, invitationId) {
      const entry = history.get(hashFor(email))!;
      entry.recipientSends.push(now);
      entry.organizationSends.push(now);
      inviterHistory.sends.push(now);
      added.push({ organizationId, invitationId, recipientHash: hashFor(email), sentById: inviterId, createdAt: now });
    },
    async save() {
      if (added.length > 0) await tx.invitationSend.createMany({ data: added });
    },
  };
}
