/**
 * Email verification for accounts made before sign-up confirmed the address
 * by email (decision 0017: accounts made since are verified when created).
 * The signed-in user can ask for a link (rate limited per user); opening it
 * sets User.emailVerified and uses up every open verification link of the user.
 *
 * Opening the link is an email proof (lib/auth/email-ownership.ts). The link
 * may be opened by someone other than whoever set the account's password:
 * a squatter who registered a stranger's address can ask for the link, and it
 * goes to the stranger's inbox. So unless the browser that opens it also
 * carries a session of this account (the password holder and the inbox holder
 * are then one person), a first verification removes the password and ends
 * every session: the squatter gains nothing from the stranger's click.
 *
 * What verification gates: accepting an invitation while signed in
 * (lib/invitations/accept-invitation.ts), and whether a GitHub sign-in with the
 * same address may take the account over (lib/auth/oauth-account.ts). Signing
 * in by email link and resetting the password also verify, as they prove the
 * mailbox. Account-level, so logged rather than written as Events.
 */
import type { z } from "zod";
import { recordEmailProof } from "@/lib/auth/email-ownership";
import type { SessionUser } from "@/lib/auth/session";
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
export async function confirmEmailVerification(ctx: PublicContext, input: z.output<typeof confirmEmailVerificationSchema>, sessionUser: SessionUser | null) {
  const userId = await consumeVerificationToken("verify-email", input.token);
  if (!userId) throw verificationLinkInvalid();
  const result = await getDb().$transaction(async (tx) => {
    // Keeps the first verification time when the address was already verified another way.
    const proof = await recordEmailProof(tx, userId, { byPasswordHolder: sessionUser?.id === userId });
    await deleteTokensFor(tx, "verify-email", userId);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    return user && { email: user.email, proof };
  });
  if (!result) throw verificationLinkInvalid();
  ctx.log.info({ userId, ...result.proof }, "email address verified");
  return { verified: true as const, email: result.email, passwordRemoved: result.proof.passwordRemoved };
}

/** When the user's email was verified, or null: for the account page's banner. */
export async function emailVerifiedAt(userId: string): Promise<Date | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  return user?.emailVerified ?? null;
}
