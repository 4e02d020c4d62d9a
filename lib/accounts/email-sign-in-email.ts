/**
 * The job that emails a passwordless sign-in link. The payload names the token
 * row by its hash and carries the raw token sealed (lib/jobs/sealed-secret.ts).
 * The request issues a token for any address; this job is where an address
 * without an account is found out (and its token deleted), so the request costs
 * the same for every address. Safe to run twice: the idempotency key is derived
 * from the token row, and a used token is gone, so nothing is re-sent.
 */
import { z } from "zod";
import { isTokenHashUsable } from "@/lib/auth/verification-token";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { EMAIL_RETRY } from "@/lib/email/retry-policy";
import { signInLinkEmail } from "@/lib/email/templates/sign-in-link";
import { defineJob } from "@/lib/jobs/define-job";
import { openSealedSecret } from "@/lib/jobs/sealed-secret";

export const SIGN_IN_LINK_TTL_MINUTES = 15;

export const signInLinkEmailJob = defineJob({
  name: "email.sign-in-link",
  payload: z.strictObject({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/), sealedToken: z.string().min(1) }),
  retry: EMAIL_RETRY,
  async handler({ tokenHash, sealedToken }, { log }) {
    const token = await isTokenHashUsable(tokenHash);
    const email = token?.identifier.startsWith("sign-in:") ? token.identifier.slice("sign-in:".length) : null;
    const user = email ? await getDb().user.findUnique({ where: { email }, select: { email: true, name: true } }) : null;
    // Used, expired, or no account has the address: the link could not work, so nothing is
    // sent. The request issued it all the same (it does not look addresses up); it goes now.
    if (!user) {
      if (token) await getDb().verificationToken.deleteMany({ where: { token: tokenHash } });
      log.info({ state: token ? "no account" : "link used or expired" }, "sign-in link email skipped");
      return;
    }
    const signInUrl = new URL("/sign-in/link", getConfig().NEXTAUTH_URL);
    signInUrl.searchParams.set("token", openSealedSecret(sealedToken));
    await deliverEmail(
      {
        kind: "sign-in-link",
        to: user.email,
        idempotencyKey: `sign-in-link/${tokenHash.slice(0, 32)}`,
        ...signInLinkEmail({ name: user.name, signInUrl: signInUrl.toString(), expiresInMinutes: SIGN_IN_LINK_TTL_MINUTES }),
      },
      log,
    );
  },
});
