/**
 * Passwordless sign-in by email link, for existing accounts only (a link never
 * creates one). Requesting: POST /api/v1/sign-in-links issues a 15-minute
 * single-use token (identifier "sign-in:<email>") and enqueues its email in one
 * transaction. The request does exactly the same work for every address (one
 * token row, one job) and never looks the address up: whether it has an account
 * is decided by the job, which sends the link or, for an address without an
 * account, deletes the token unsent (decision 0017). Completing: next-auth's
 * "email-link" credentials provider (lib/auth/options.ts) calls
 * `signInWithLinkToken`, which uses the token up and returns the user; opening
 * the link proves the mailbox, so it is an email proof
 * (lib/auth/email-ownership.ts): the address becomes verified and, the first
 * time, a password set before and every older session end.
 */
import type { z } from "zod";
import { recordEmailProof } from "@/lib/auth/email-ownership";
import { consumeVerificationToken, hashVerificationToken, isTokenHashUsable, issueVerificationToken, VERIFICATION_TOKEN_MAX_LENGTH } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import type { PublicContext } from "@/lib/http/handle";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { getLogger } from "@/lib/observability/logger";
import { SIGN_IN_LINK_TTL_MINUTES, signInLinkEmailJob } from "./email-sign-in-email";
import { SIGN_IN_LINK_REQUESTED } from "./email-sign-in-schema";
import type { requestSignInLinkSchema } from "./email-sign-in-schema";

export async function requestSignInLink(ctx: PublicContext, input: z.output<typeof requestSignInLinkSchema>) {
  // The token row is written here rather than by the job: a job runs at least once, and a
  // second run after the link was used (which deletes the row) would bring the link back.
  await getDb().$transaction(async (tx) => {
    const { token, tokenHash } = await issueVerificationToken(tx, "sign-in", input.email, SIGN_IN_LINK_TTL_MINUTES);
    await enqueue(tx, signInLinkEmailJob, { tokenHash, sealedToken: sealSecret(token) });
  });
  ctx.log.info("sign-in link requested");
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
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) return null;
    // Read after the proof: a first proof bumps the session version this session is stamped with.
    const proof = await recordEmailProof(tx, user.id);
    if (proof.firstProof) getLogger().info({ component: "auth", userId: user.id, ...proof }, "email proven by a sign-in link");
    return tx.user.findUnique({ where: { id: user.id }, select: { id: true, email: true, name: true, sessionVersion: true } });
  });
}

/** For the link's page: whether to offer "Continue" or "ask for a new link" straight away. Uses nothing up. */
export async function isSignInLinkUsable(token: string): Promise<boolean> {
  if (!token || token.length > VERIFICATION_TOKEN_MAX_LENGTH) return false;
  const row = await isTokenHashUsable(hashVerificationToken(token));
  return row?.identifier.startsWith("sign-in:") ?? false;
}
