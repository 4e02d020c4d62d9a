/**
 * Password reset by email link. Account-level (a User, not an organization), so
 * no Event row: Events are per organization. It is logged instead.
 *
 * The request never looks the address up (decision 0017): it enqueues the same
 * job for every address, and the job (password-reset-email.ts) finds the
 * account, stores the token and sends the link, or does nothing. The request
 * therefore costs the same whether or not the address has an account.
 */
import type { z } from "zod";
import { recordAccountEvent } from "@/lib/audit/account-events";
import { recordEmailProof } from "@/lib/auth/email-ownership";
import { hashPassword } from "@/lib/auth/password-hash";
import { getDb } from "@/lib/db/client";
import type { PublicContext } from "@/lib/http/handle";
import { AppError } from "@/lib/http/errors";
import { validationFailed } from "@/lib/http/validation";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { clearAccountSignInFailures } from "@/lib/security/sign-in-limits";
import { passwordProblems } from "./password-policy";
import { passwordResetEmailJob } from "./password-reset-email";
import { PASSWORD_RESET_REQUESTED } from "./password-reset-schema";
import type { confirmPasswordResetSchema, requestPasswordResetSchema } from "./password-reset-schema";
import { hashResetToken, newResetToken } from "./password-reset-token";

/** Enqueues the reset job for any address; the caller's answer is the same either way. */
export async function requestPasswordReset(ctx: PublicContext, input: z.output<typeof requestPasswordResetSchema>) {
  const token = newResetToken();
  await enqueue(getDb(), passwordResetEmailJob, {
    email: input.email,
    tokenHash: hashResetToken(token),
    sealedToken: sealSecret(token),
    requestedAt: new Date().toISOString(),
  });
  ctx.log.info("password reset requested");
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
 * be able to reset it again. The link proves the mailbox, so it verifies the
 * address (recordEmailProof), and the failed sign-ins counted against the
 * account from every address are forgotten: they were guesses at the old password.
 */
export async function resetPassword(ctx: PublicContext, input: z.output<typeof confirmPasswordResetSchema>) {
  const record = await findUsableToken(input.token);
  if (!record) throw linkNoLongerWorks();
  const problems = passwordProblems(input.password, { email: record.user.email, name: record.user.name ?? undefined });
  if (problems.length > 0) throw validationFailed(problems.map((message) => ({ path: "body.password", message })));

  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    // Claiming the token by its state decides a race between two submissions: one wins.
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: record.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw linkNoLongerWorks();
    // A first proof has already ended every session; one bump is enough either way.
    const proof = await recordEmailProof(tx, record.user.id);
    await tx.user.update({ where: { id: record.user.id }, data: { passwordHash, ...(proof.sessionsRevoked ? {} : { sessionVersion: { increment: 1 } }) } });
    await tx.passwordResetToken.updateMany({ where: { userId: record.user.id, usedAt: null }, data: { usedAt: now } });
    // The emailed link proved the person: they are the actor, as when they change it signed in.
    await recordAccountEvent(tx, { userId: record.user.id, type: "security.password_changed", actorId: record.user.id, payload: { via: "reset" } });
  });
  await clearAccountSignInFailures(record.user.email);
  ctx.log.info({ userId: record.user.id }, "password reset: new password set, address verified, every session revoked");
  return { passwordChanged: true as const };
}
