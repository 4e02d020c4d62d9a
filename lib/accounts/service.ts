import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password-hash";
import { getDb } from "@/lib/db/client";

// Verifying against a fixed hash when the email is unknown keeps the response time
// the same either way, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

/**
 * The user whose email and password match, or null. A matching password whose
 * hash was made with other argon2 parameters than today's is hashed again and
 * stored (only if the stored hash is still the one just checked).
 */
export async function verifyCredentials(email: string, password: string) {
  const user = await getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  decoyHash ??= hashPassword("decoy password that never matches anything");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user?.passwordHash || !valid) return null;
  if (needsRehash(user.passwordHash)) {
    await getDb().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  const { passwordHash: _omitted, ...rest } = user;
  return rest;
}
