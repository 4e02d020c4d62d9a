/**
 * Reset tokens: 32 random bytes, base64url in the emailed link; the database
 * keeps only their SHA-256. A fast hash is enough (unlike passwords): the input
 * has 256 bits of entropy, so there is nothing to guess offline.
 */
import { createHash, randomBytes } from "node:crypto";

export const RESET_TOKEN_BYTES = 32;
export const RESET_TOKEN_TTL_MINUTES = 60;

export function newResetToken(): string {
  return randomBytes(RESET_TOKEN_BYTES).toString("base64url");
}

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function resetTokenExpiry(from = new Date()): Date {
  return new Date(from.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000);
}
