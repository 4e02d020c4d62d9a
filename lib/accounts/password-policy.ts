/**
 * What makes a password acceptable: long enough, not absurdly long (argon2 input
 * is bounded to keep hashing cheap to refuse), and not one of the patterns that
 * top every breached-password list. Messages say exactly what to change.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

// The most common breached passwords and keyboard walks, normalised (lower case, no digits or symbols at the ends).
const COMMON = new Set([
  "password", "passw0rd", "qwerty", "qwertyuiop", "asdfghjkl", "zxcvbnm", "letmein", "welcome", "iloveyou",
  "admin", "administrator", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "trustno1",
  "abc", "abcdef", "abcdefgh", "changeme", "secret", "master", "superman", "starwars", "whatever", "login",
]);

function normalise(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, "");
}

function isSequence(password: string): boolean {
  const codes = [...password].map((char) => char.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) <= 1 && codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}

/** Returns the problems with a password (empty when it is acceptable). */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
  if (password.length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  const problems: string[] = [];
  const core = normalise(password);
  if (COMMON.has(core) || /^\d+$/.test(password)) problems.push("This password is one of the most common ones; pick something less guessable.");
  if (new Set(password).size <= 2 || isSequence(password)) problems.push("Avoid repeated characters and simple sequences like 1234567890.");
  const localPart = context.email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) problems.push("Don't use your email address in your password.");
  const name = context.name?.trim().toLowerCase();
  if (name && name.length >= 4 && password.toLowerCase().includes(name)) problems.push("Don't use your name in your password.");
  return problems;
}
