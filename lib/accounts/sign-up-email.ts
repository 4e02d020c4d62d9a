/**
 * The job that does the work of a sign-up request (decision 0017). The request
 * issued a token for the address without looking it up; here the address is
 * looked up:
 * - no account: the link to finish creating one is emailed;
 * - an account already: its owner is told someone tried to sign up with the
 *   address (sign in, or reset the password), and the token is deleted unsent.
 * So the request's answer and cost are the same for every address, and only
 * the inbox learns which case it was.
 *
 * Safe to run twice: each email's idempotency key is derived from the token
 * row; the token is deleted only after the email went, and a used or deleted
 * token sends nothing.
 */
import { z } from "zod";
import { isTokenHashUsable } from "@/lib/auth/verification-token";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { finishSignUpEmail, signUpAttemptEmail } from "@/lib/email/templates/sign-up";
import { defineJob } from "@/lib/jobs/define-job";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";

export const SIGN_UP_LINK_TTL_HOURS = 24;

export const signUpEmailJob = defineJob({
  name: "email.sign-up",
  payload: z.strictObject({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/), sealedToken: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ tokenHash, sealedToken }, { log }) {
    const db = getDb();
    const token = await isTokenHashUsable(tokenHash);
    const email = token?.identifier.startsWith("sign-up:") ? token.identifier.slice("sign-up:".length) : null;
    if (!email) {
      log.info("sign-up email skipped: the link was used or expired");
      return;
    }
    const { NEXTAUTH_URL } = getConfig();
    const owner = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
    if (owner) {
      await deliverEmail(
        {
          kind: "sign-up-attempt",
          to: email,
          idempotencyKey: `sign-up-attempt/${tokenHash.slice(0, 32)}`,
          ...signUpAttemptEmail({ name: owner.name, signInUrl: new URL("/sign-in", NEXTAUTH_URL).toString(), resetUrl: new URL("/forgot-password", NEXTAUTH_URL).toString() }),
        },
        log,
      );
      await db.verificationToken.deleteMany({ where: { token: tokenHash } });
      log.info({ userId: owner.id }, "sign-up asked for an address with an account: its owner was told");
      return;
    }
    const confirmUrl = new URL("/sign-up/confirm", NEXTAUTH_URL);
    confirmUrl.searchParams.set("token", openSealedSecret(sealedToken));
    await deliverEmail(
      {
        kind: "sign-up",
        to: email,
        idempotencyKey: `sign-up/${tokenHash.slice(0, 32)}`,
        ...finishSignUpEmail({ confirmUrl: confirmUrl.toString(), expiresInHours: SIGN_UP_LINK_TTL_HOURS }),
      },
      log,
    );
  },
});
