/**
 * The job that emails a password-reset link. Its payload names the token row and
 * carries the raw token sealed (lib/jobs/sealed-secret.ts): the database only
 * ever holds the token's hash, and the job row holds nothing usable without
 * NEXTAUTH_SECRET. Safe to run twice: the email's idempotency key is the token
 * row's id.
 */
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { passwordResetEmail } from "@/lib/email/templates/password-reset";
import { defineJob } from "@/lib/jobs/define-job";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";
import { RESET_TOKEN_TTL_MINUTES } from "./password-reset-token";

export const passwordResetEmailJob = defineJob({
  name: "email.password-reset",
  payload: z.strictObject({ tokenId: z.string().min(1), sealedToken: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ tokenId, sealedToken }, { log }) {
    const record = await getDb().passwordResetToken.findUnique({
      where: { id: tokenId },
      select: { usedAt: true, expiresAt: true, user: { select: { email: true, name: true } } },
    });
    // Used, expired, or gone with its user: the link could not work, so there is nothing to send.
    if (!record || record.usedAt || record.expiresAt <= new Date()) {
      log.info({ tokenId, state: !record ? "deleted" : record.usedAt ? "used" : "expired" }, "password reset email skipped: the link can no longer be used");
      return;
    }
    const resetUrl = new URL("/reset-password", getConfig().NEXTAUTH_URL);
    resetUrl.searchParams.set("token", openSealedSecret(sealedToken));
    await deliverEmail(
      {
        kind: "password-reset",
        to: record.user.email,
        idempotencyKey: `password-reset/${tokenId}`,
        ...passwordResetEmail({ name: record.user.name, resetUrl: resetUrl.toString(), expiresInMinutes: RESET_TOKEN_TTL_MINUTES }),
      },
      log,
    );
  },
});
