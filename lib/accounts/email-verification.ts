/**
 * Email verification for password accounts. Sign-up (lib/accounts/service.ts)
 * issues the first link in its transaction; the signed-in user can ask for
 * another (rate limited per user); opening a link sets User.emailVerified and
 * uses up every open verification link of the user.
 *
 * What verification gates today: nothing in the product (an unverified user
 * works normally and sees a "Verify your email" banner); it decides whether a
 * GitHub sign-in with the same address may take the account over (see
 * lib/auth/oauth-account.ts). Signing in by email link also verifies, as it
 * proves the mailbox. Account-level, so logged rather than written as Events.
 */
import type { z } from "zod";
import { consumeVerificationToken, deleteTokensFor, issueVerificationToken } from "@/lib/auth/verification-token";
import type { DbClient } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import type { PublicContext, SessionContext } from "@/lib/http/handle";
import { AppError, unauthenticated } from "@/lib/http/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { EMAIL_VERIFICATION_TTL_HOURS, emailVerificationEmailJob } from "./email-verification-email";
import type { confirmEmailVerificationSchema } from "./email-verification-schema";

/** Issues a verification link and enqueues its email, in the caller's transaction. */
export async function enqueueEmailVerification(tx: DbClient, userId: string): Promise<void> {
  const { token, tokenHash } = await issueVerificationToken(tx, "verify-email", userId, EMAIL_VERIFICATION_TTL_HOURS * 60);
  await enqueue(tx, emailVerificationEmailJob, { userId, tokenHash, sealedToken: sealSecret(token) });
}

export const VERIFICATION_SENT = `We sent a new verification link to your email address. It expires in ${EMAIL_VERIFICATION_TTL_HOURS} hours.`;
export const ALREADY_VERIFIED = "Your email address is already verified.";

/** POST /api/v1/email-verifications: a new link for the signed-in user, unless already verified. */
export async function resendEmailVerification(ctx: SessionContext) {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: ctx.user.id }, select: { emailVerified: true } });
  if (!user) throw unauthenticated();
  if (user.emailVerified) return { status: "already_verified" as const, message: ALREADY_VERIFIED };
  await db.$transaction((tx) => enqueueEmailVerification(tx, ctx.user.id));
  ctx.log.info({ userId: ctx.user.id }, "email verification link sent again");
  return { status: "sent" as const, message: VERIFICATION_SENT };
}

export function verificationLinkInvalid(): AppError {
  return new AppError("BAD_REQUEST", "This verification link has expired or was already used. Sign in and ask for a new one from your account page.", {
    reason: "verification_link_invalid",
  });
}

/**
 * POST /api/v1/email-verifications/confirm: public, since the token is the proof
 * (the link may be opened in a browser that is not signed in).
 */
export async function confirmEmailVerification(ctx: PublicContext, input: z.output<typeof confirmEmailVerificationSchema>) {
  const userId = await consumeVerificationToken("verify-email", input.token);
  if (!userId) throw verificationLinkInvalid();
  const user = await getDb().$transaction(async (tx) => {
    // Keeps the first verification time when the address was already verified another way.
    await tx.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: new Date() } });
    await deleteTokensFor(tx, "verify-email", userId);
    return tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  });
  if (!user) throw verificationLinkInvalid();
  ctx.log.info({ userId }, "email address verified");
  return { verified: true as const, email: user.email };
}

/** When the user's email was verified, or null: for the account page's banner. */
export async function emailVerifiedAt(userId: string): Promise<Date | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  return user?.emailVerified ?? null;
}
