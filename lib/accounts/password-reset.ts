/**
 * Password reset by email link. Account-level (a User, not an organization), so
 * no Event row: Events are per organization. It is logged instead.
 */
import { hash } from "@node-rs/argon2";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { PublicContext } from "@/lib/http/handle";
import { AppError } from "@/lib/http/errors";
import { validationFailed } from "@/lib/http/validation";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { passwordProblems } from "./password-policy";
import { passwordResetEmailJob } from "./password-reset-email";
import { PASSWORD_RESET_REQUESTED } from "./password-reset-schema";
import type { confirmPasswordResetSchema, requestPasswordResetSchema } from "./password-reset-schema";
import { hashResetToken, newResetToken, resetTokenExpiry } from "./password-reset-token";

/**
 * Creates a reset token and enqueues its email in one transaction, when the
 * email has an account. The caller's answer is the same either way.
 */
export async function requestPasswordReset(ctx: PublicContext, input: z.output<typeof requestPasswordResetSchema>) {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) {
    ctx.log.info("password reset requested for an email without an account");
    return { message: PASSWORD_RESET_REQUESTED };
  }
  const token = newResetToken();
  await db.$transaction(async (tx) => {
    const record = await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: resetTokenExpiry() },
      select: { id: true },
    });
    await enqueue(tx, passwordResetEmailJob, { tokenId: record.id, sealedToken: sealSecret(token) });
  });
  ctx.log.info({ userId: user.id }, "password reset requested");
  return { message: PASSWORD_RESET_REQUESTED };
}

export function linkNoLongerWorks(): AppError {
  return new AppError("BAD_REQUEST", "This link has expired or was already used; ask for a new one.", { reason: "reset_link_invalid" });
}

async function findUsableToken(token: string) {
  const record = await getDb().passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return record && !record.usedAt && record.expiresAt > new Date() ? record : null;
}

/** For the reset page: whether to show the form or "ask for a new link" straight away. */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  return token.length > 0 && token.length <= 200 && (await findUsableToken(token)) !== null;
}

/**
 * Sets the new password, bumps the session version (every session ends) and
 * uses up the token, in one transaction. Every other open reset link of the
 * user is used up too: once the password is reset, an older email must not
 * be able to reset it again.
 */
export async function resetPassword(ctx: PublicContext, input: z.output<typeof confirmPasswordResetSchema>) {
  const record = await findUsableToken(input.token);
  if (!record) throw linkNoLongerWorks();
  const problems = passwordProblems(input.password, { email: record.user.email, name: record.user.name ?? undefined });
  if (problems.length > 0) throw validationFailed(problems.map((message) => ({ path: "body.password", message })));

  const passwordHash = await hash(input.password);
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    // Claiming the token by its state decides a race between two submissions: one wins.
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: record.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw linkNoLongerWorks();
    await tx.user.update({ where: { id: record.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.passwordResetToken.updateMany({ where: { userId: record.user.id, usedAt: null }, data: { usedAt: now } });
  });
  ctx.log.info({ userId: record.user.id }, "password reset: new password set, every session revoked");
  return { passwordChanged: true as const };
}
