/**
 * Passwordless sign-in by email link, for existing accounts only (a link never
 * creates one). Requesting: POST /api/v1/sign-in-links issues a 15-minute
 * single-use token (identifier "sign-in:<email>") and enqueues its email in one
 * transaction, answering the same for unknown addresses. Completing: next-auth's
 * "email-link" credentials provider (lib/auth/options.ts) calls
 * `signInWithLinkToken`, which uses the token up and returns the user; opening
 * the link proves the mailbox, so it also marks the email verified.
 */
import type { z } from "zod";
import { consumeVerificationToken, hashVerificationToken, isTokenHashUsable, issueVerificationToken, VERIFICATION_TOKEN_MAX_LENGTH } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import type { PublicContext } from "@/lib/http/handle";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { SIGN_IN_LINK_TTL_MINUTES, signInLinkEmailJob } from "./email-sign-in-email";
import { SIGN_IN_LINK_REQUESTED } from "./email-sign-in-schema";
import type { requestSignInLinkSchema } from "./email-sign-in-schema";

export async function requestSignInLink(ctx: PublicContext, input: z.output<typeof requestSignInLinkSchema>) {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
  if (!user) {
    ctx.log.info("sign-in link requested for an email without an account");
    return { message: SIGN_IN_LINK_REQUESTED };
  }
  await db.$transaction(async (tx) => {
    const { token, tokenHash } = await issueVerificationToken(tx, "sign-in", user.email, SIGN_IN_LINK_TTL_MINUTES);
    await enqueue(tx, signInLinkEmailJob, { tokenHash, sealedToken: sealSecret(token) });
  });
  ctx.log.info({ userId: user.id }, "sign-in link requested");
  return { message: SIGN_IN_LINK_REQUESTED };
}

/**
 * Uses up a sign-in link's token and returns its account (with the session
 * version the session token is stamped with), or null when the link is unknown,
 * expired, used, or its account is gone.
 */
export async function signInWithLinkToken(token: string) {
  const email = await consumeVerificationToken("sign-in", token);
  if (!email) return null;
  const db = getDb();
  await db.user.updateMany({ where: { email, emailVerified: null }, data: { emailVerified: new Date() } });
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, sessionVersion: true } });
}

/** For the link's page: whether to offer "Continue" or "ask for a new link" straight away. Uses nothing up. */
export async function isSignInLinkUsable(token: string): Promise<boolean> {
  if (!token || token.length > VERIFICATION_TOKEN_MAX_LENGTH) return false;
  const row = await isTokenHashUsable(hashVerificationToken(token));
  return row?.identifier.startsWith("sign-in:") ?? false;
}
