/**
 * The job that emails an email-verification link. Like the password-reset job,
 * its payload names the token row (by the token's hash, which is what the table
 * holds) and carries the raw token sealed, so the database never holds a usable
 * link. Safe to run twice: the idempotency key is derived from the token row.
 */
import { z } from "zod";
import { isTokenHashUsable } from "@/lib/auth/verification-token";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { verifyEmailEmail } from "@/lib/email/templates/verify-email";
import { defineJob } from "@/lib/jobs/define-job";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";

export const EMAIL_VERIFICATION_TTL_HOURS = 24;

export const emailVerificationEmailJob = defineJob({
  name: "email.verify-email",
  payload: z.strictObject({ userId: z.string().min(1), tokenHash: z.string().regex(/^[0-9a-f]{64}$/), sealedToken: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ userId, tokenHash, sealedToken }, { log }) {
    const [token, user] = await Promise.all([
      isTokenHashUsable(tokenHash),
      getDb().user.findUnique({ where: { id: userId }, select: { email: true, name: true, emailVerified: true } }),
    ]);
    // Used, expired, or already verified: the link has nothing left to do, so nothing is sent.
    if (!token || !user || user.emailVerified) {
      log.info({ userId, state: !user ? "user gone" : user.emailVerified ? "already verified" : "link used or expired" }, "verification email skipped");
      return;
    }
    const verifyUrl = new URL("/verify-email", getConfig().NEXTAUTH_URL);
    verifyUrl.searchParams.set("token", openSealedSecret(sealedToken));
    await deliverEmail(
      {
        kind: "verify-email",
        to: user.email,
        idempotencyKey: `verify-email/${tokenHash.slice(0, 32)}`,
        ...verifyEmailEmail({ name: user.name, verifyUrl: verifyUrl.toString(), expiresInHours: EMAIL_VERIFICATION_TTL_HOURS }),
      },
      log,
    );
  },
});
