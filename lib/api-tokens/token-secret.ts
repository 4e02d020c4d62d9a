/**
 * The shape of an API token: `cairn_pat_` (personal) or `cairn_sat_` (service) and
 * 32 random bytes in base64url (43 characters). The prefix lets secret scanners
 * (GitHub's, gitleaks) recognise a leaked Cairn token; the random part makes it
 * unguessable, so a plain SHA-256 is the right stored form (a slow password hash
 * protects low-entropy secrets, which these are not) and the lookup is one unique
 * index probe on the hash (decision 0032).
 */
import { createHash, randomBytes } from "node:crypto";
import type { ApiTokenKind } from "@/lib/generated/prisma/enums";

export const TOKEN_PREFIXES = { PERSONAL: "cairn_pat_", SERVICE: "cairn_sat_" } as const satisfies Record<ApiTokenKind, string>;

/** The prefix plus 43 base64url characters: anything else is not a token and never reaches the database. */
const TOKEN_PATTERN = /^cairn_(pat|sat)_[A-Za-z0-9_-]{43}$/;

/** How many characters of the token lists show: the prefix and four of the secret. */
const SHOWN_CHARACTERS = 14;

export interface NewTokenSecret {
  /** The whole token: shown once, never stored. */
  token: string;
  tokenHash: string;
  /** What lists show to recognise it. */
  prefix: string;
}

export function newTokenSecret(kind: ApiTokenKind): NewTokenSecret {
  const token = TOKEN_PREFIXES[kind] + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_CHARACTERS) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string has a token's exact shape (length, prefix, alphabet): a NUL, a short or a padded one does not. */
export function isTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The token's kind from its prefix (only for a token-shaped string). */
export function kindOfToken(token: string): ApiTokenKind {
  return token.startsWith(TOKEN_PREFIXES.SERVICE) ? "SERVICE" : "PERSONAL";
}
