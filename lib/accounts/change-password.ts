/**
 * Changing a password from the account page: the current password must match,
 * the new one must pass the password rules, and every session (this one too) is
 * revoked by bumping the session version (their live sockets close too:
 * lib/realtime/access-notices.ts) — the browser signs in again with the new
 * password right after, and its new session's socket stays.
 */
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { z } from "zod";
import { recordAccountEvent } from "@/lib/audit/account-events";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { SessionContext } from "@/lib/http/handle";
import { validationFailed } from "@/lib/http/validation";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password-policy";

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024, "That is not your current password."),
  newPassword: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});

export const changePasswordResultSchema = z.object({ passwordChanged: z.literal(true) });

export async function changePassword(ctx: SessionContext, input: z.output<typeof changePasswordSchema>) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: ctx.user.id },
    select: { email: true, name: true, passwordHash: true },
  });
  if (!user.passwordHash) {
    throw new AppError("CONFLICT", "Your account has no password yet. Use “Forgot password?” on the sign-in page to set one.");
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validationFailed([{ path: "body.currentPassword", message: "That is not your current password." }]);
  }
  const problems = passwordProblems(input.newPassword, { email: user.email, name: user.name ?? undefined });
  if (input.newPassword === input.currentPassword) problems.push("Choose a password different from your current one.");
  if (problems.length > 0) throw validationFailed(problems.map((message) => ({ path: "body.newPassword", message })));

  const passwordHash = await hashPassword(input.newPassword);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAccountEvent(tx, { userId: ctx.user.id, type: "security.password_changed", actorId: ctx.user.id, payload: { via: "account" } });
  });
  ctx.log.info({ userId: ctx.user.id }, "password changed; all sessions revoked");
  return { passwordChanged: true as const };
}
