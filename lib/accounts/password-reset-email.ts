/**
 * The job that does the work of a password-reset request: the request enqueues
 * it for any address without looking the address up (decision 0017), so the
 * answer and its cost say nothing about which addresses have accounts. Here
 * the account is found; without one nothing happens. With one, the token row is
 * stored (only the token's SHA-256; the raw token travels sealed in the payload,
 * lib/jobs/sealed-secret.ts) and the link is emailed.
 *
 * Safe to run twice: the token row is keyed by its hash and kept once used
 * (usedAt), so a second run finds it rather than making a new one, sends
 * nothing for a used or expired link, and otherwise re-sends with the same
 * idempotency key (the row's id), which delivers once. The expiry counts from
 * the request, as the email says, however late the job runs.
 */
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { passwordResetEmail } from "@/lib/email/templates/password-reset";
import { defineJob } from "@/lib/jobs/define-job";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";
import { RESET_TOKEN_TTL_MINUTES, resetTokenExpiry } from "./password-reset-token";

export const passwordResetEmailJob = defineJob({
  name: "email.password-reset",
  payload: z.strictObject({
    email: z.string().min(1),
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    sealedToken: z.string().min(1),
    requestedAt: z.iso.datetime(),
  }),
  retry: EMAIL_RETRY,
  async handler({ email, tokenHash, sealedToken, requestedAt }, { log }) {
    const db = getDb();
    const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
    if (!user) {
      log.info("password reset requested for an email without an account: nothing sent");
      return;
    }
    const expiresAt = resetTokenExpiry(new Date(requestedAt));
    if (expiresAt <= new Date()) {
      log.info({ userId: user.id }, "password reset email skipped: the request is older than the link's lifetime");
      return;
    }
    await db.passwordResetToken.createMany({ data: [{ userId: user.id, tokenHash, expiresAt }], skipDuplicates: true });
    const record = await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, usedAt: true, expiresAt: true } });
    // Used or expired since a first run stored it: the link could not work, so there is nothing to send.
    if (!record || record.userId !== user.id || record.usedAt || record.expiresAt <= new Date()) {
      log.info({ userId: user.id, state: record?.usedAt ? "used" : "expired" }, "password reset email skipped: the link can no longer be used");
      return;
    }
    const resetUrl = new URL("/reset-password", getConfig().NEXTAUTH_URL);
    resetUrl.searchParams.set("token", openSealedSecret(sealedToken));
    await deliverEmail(
      {
        kind: "password-reset",
        to: user.email,
        idempotencyKey: `password-reset/${record.id}`,
        ...passwordResetEmail({ name: user.name, resetUrl: resetUrl.toString(), expiresInMinutes: RESET_TOKEN_TTL_MINUTES }),
      },
      log,
    );
  },
});
