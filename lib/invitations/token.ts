/**
 * Invitation tokens: 32 random bytes, base64url in the emailed link; the
 * database keeps only their SHA-256 (like password-reset tokens: 256 bits of
 * entropy leave nothing to guess offline, so a fast hash is enough).
 */
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TOKEN_BYTES = 32;
export const INVITATION_TTL_DAYS = 7;

export function newInvitationToken(): string {
  return randomBytes(INVITATION_TOKEN_BYTES).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationExpiry(from = new Date()): Date {
  return new Date(from.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60_000);
}
