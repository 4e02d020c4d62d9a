/**
 * The one rule for the first proof that someone controls an account's email
 * address (decision 0017): an email link used (sign-in link, verification
 * link, password reset) or a provider that vouches for the address (GitHub).
 *
 * An account whose email was never verified may have been registered by
 * someone who never controlled the inbox (a squatter who signed up with a
 * future colleague's address and kept a session: pre-account takeover). Its
 * password and its sessions are unproven. So when the address is proven for
 * the first time, the password is removed and every session ends (the session
 * version is bumped), in the caller's transaction; the person who just proved
 * the address carries on with the proof (a new session, a new password) and can
 * set a password with "Forgot password?".
 *
 * One exception, `byPasswordHolder`: the proof arrives in a request that also
 * carries a live session of this very account. Every session of a never-verified
 * account was made with its password (email links, GitHub and invitations
 * all verify before they sign in), so the person holding the password is the
 * person holding the inbox: nothing is unproven, and nothing is removed.
 */
import type { DbClient } from "@/lib/db/client";

export interface EmailProof {
  /** The address was not verified before this proof. */
  firstProof: boolean;
  /** A password set before the address was proven was removed. */
  passwordRemoved: boolean;
  /** Every session of the account was ended. */
  sessionsRevoked: boolean;
}

/**
 * Marks the user's email verified (keeping an earlier verification time) and,
 * on a first proof not made by the password holder, removes the password and
 * ends every session. Locks the user row, so concurrent proofs apply once.
 */
export async function recordEmailProof(tx: DbClient, userId: string, { byPasswordHolder = false }: { byPasswordHolder?: boolean } = {}): Promise<EmailProof> {
  const [row] = await tx.$queryRaw<Array<{ verified: boolean; hasPassword: boolean }>>`
    SELECT "emailVerified" IS NOT NULL AS verified, "passwordHash" IS NOT NULL AS "hasPassword" FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (!row || row.verified) return { firstProof: false, passwordRemoved: false, sessionsRevoked: false };
  if (byPasswordHolder) {
    await tx.user.update({ where: { id: userId }, data: { emailVerified: new Date() } });
    return { firstProof: true, passwordRemoved: false, sessionsRevoked: false };
  }
  await tx.user.update({ where: { id: userId }, data: { emailVerified: new Date(), passwordHash: null, sessionVersion: { increment: 1 } } });
  return { firstProof: true, passwordRemoved: row.hasPassword, sessionsRevoked: true };
}
