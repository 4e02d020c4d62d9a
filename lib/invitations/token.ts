/**
 * Invitation tokens: 32 random bytes, base64url in the emailed link; the
 * database keeps only their SHA-256 (like password-reset tokens: 256 bits of
 * entropy leave nothing to guess offline, so a fast hash is enough).
 */
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TOKEN_BYTES = 32;

export function newInvitationToken(): string {
  return randomBytes(INVITATION_TOKEN_BYTES).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// How long an invitation lasts lives with how its expiry reads (expiry.ts, also used in the browser).
export { INVITATION_TTL_DAYS, invitationExpiry } from "./expiry";
