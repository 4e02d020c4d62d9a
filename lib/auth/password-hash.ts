/**
 * Password hashing: argon2id with parameters pinned here, not left to the
 * library's defaults (a dependency update must never weaken new hashes
 * silently). The numbers are OWASP's first argon2id configuration (Password
 * Storage Cheat Sheet): 19 MiB of memory, 2 passes, 1 lane — about 45 ms
 * per hash on the development machines (2 shared cores), the same as the
 * library's defaults today, so existing hashes need no migration.
 *
 * Verifying reads the parameters from the stored hash (PHC string), so hashes
 * made with other parameters keep working; `needsRehash` tells sign-in to store
 * a fresh hash once the password is known to be right (decision 0017).
 */
import { hash, parseOptions, verify } from "@node-rs/argon2";
import type { Algorithm, Options } from "@node-rs/argon2";

// The package declares Algorithm as a `const enum`, which isolatedModules cannot
// inline and whose runtime object is empty: `Algorithm.Argon2id` would be
// undefined and fall back to the default. 2 is Argon2id in its declaration.
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  /** KiB per lane. */
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** Whether `password` matches `passwordHash`; false (never a throw) for a malformed stored hash. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** Whether a stored hash was made with other parameters than today's (or cannot be read). */
export function needsRehash(passwordHash: string): boolean {
  try {
    const stored = parseOptions(passwordHash);
    return (
      stored.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      stored.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      stored.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      stored.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
