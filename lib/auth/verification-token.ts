/**
 * One-time tokens in next-auth's VerificationToken table (identifier, token,
 * expires), for email verification ("verify-email:<userId>"), sign-in links
 * ("sign-in:<email>") and sign-up links ("sign-up:<email>"). The emailed token is 32 random bytes (base64url); the
 * table's `token` column holds only its SHA-256, so reading the table or a backup
 * gives nobody a usable link. A fast hash is enough: 256 bits leave nothing to
 * guess offline.
 *
 * Consuming deletes the row in one statement, so of two concurrent uses exactly
 * one wins; the identifier's prefix must match, so a token minted for one purpose
 * never works for another.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DbClient } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";

export const VERIFICATION_TOKEN_BYTES = 32;
/** Longer inputs are not tokens we issued; refuse them before hashing or querying. */
export const VERIFICATION_TOKEN_MAX_LENGTH = 200;

export type TokenPurpose = "verify-email" | "sign-in" | "sign-up";

export function hashVerificationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenIdentifier(purpose: TokenPurpose, subject: string): string {
  return `${purpose}:${subject}`;
}

/** Creates a token row (through `tx`, so it commits with its email job) and returns the raw token. */
export async function issueVerificationToken(tx: DbClient, purpose: TokenPurpose, subject: string, ttlMinutes: number, now = new Date()) {
  const token = randomBytes(VERIFICATION_TOKEN_BYTES).toString("base64url");
  const tokenHash = hashVerificationToken(token);
  const expires = new Date(now.getTime() + ttlMinutes * 60_000);
  await tx.verificationToken.create({ data: { identifier: tokenIdentifier(purpose, subject), token: tokenHash, expires } });
  return { token, tokenHash, expires };
}

/** Whether a token row (by hash) still exists and has not expired: for jobs deciding whether to send. */
export async function isTokenHashUsable(tokenHash: string, now = new Date()): Promise<{ identifier: string } | null> {
  const row = await getDb().verificationToken.findUnique({ where: { token: tokenHash }, select: { identifier: true, expires: true } });
  return row && row.expires > now ? { identifier: row.identifier } : null;
}

/**
 * Uses up a token: deletes its row and returns the subject it was issued for
 * (the part after "<purpose>:"), or null when the token is unknown, expired,
 * already used, or was issued for another purpose. An expired row is deleted too.
 */
export async function consumeVerificationToken(purpose: TokenPurpose, token: string, now = new Date(), client: DbClient = getDb()): Promise<string | null> {
  if (!token || token.length > VERIFICATION_TOKEN_MAX_LENGTH) return null;
  const prefix = `${purpose}:`;
  // DELETE … RETURNING: the row goes in the same statement that reads it, so a token
  // raced from two tabs is returned to one of them only (inside a transaction, the
  // other waits for it to end and then finds nothing, or the row again after a rollback).
  const rows = await client.$queryRaw<Array<{ identifier: string; expires: Date }>>`
    DELETE FROM "VerificationToken" WHERE "token" = ${hashVerificationToken(token)} AND starts_with("identifier", ${prefix})
    RETURNING "identifier", "expires"`;
  const row = rows[0];
  if (!row || row.expires <= now) return null;
  return row.identifier.slice(prefix.length);
}

/** Deletes every open token of one identifier (e.g. the other verification links once verified). */
export async function deleteTokensFor(tx: DbClient, purpose: TokenPurpose, subject: string): Promise<number> {
  const { count } = await tx.verificationToken.deleteMany({ where: { identifier: tokenIdentifier(purpose, subject) } });
  return count;
}
