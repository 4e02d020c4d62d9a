/**
 * Sign-up in two steps (decision 0017), so that the form says nothing about
 * which addresses have accounts and nobody can create an account for an
 * address they do not control:
 *
 * 1. POST /api/v1/accounts with an email: the same work for every address (a
 *    24-hour single-use token, "sign-up:<email>", and a job, in one
 *    transaction) and the same 202 answer. The job (sign-up-email.ts) emails
 *    either the link to finish, or, when the address has an account, a note to
 *    its owner.
 * 2. The link's page (/sign-up/confirm) asks for a name, a password and the
 *    organization's name; POST /api/v1/accounts/confirm creates the account,
 *    verified (the link proved the mailbox, and the password is chosen by the
 *    person who opened it), its organization and the owner membership, in one
 *    transaction that uses the token up.
 */
import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password-hash";
import { consumeVerificationToken, deleteTokensFor, hashVerificationToken, isTokenHashUsable, issueVerificationToken, VERIFICATION_TOKEN_MAX_LENGTH } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { PublicContext } from "@/lib/http/handle";
import { validationFailed } from "@/lib/http/validation";
import { enqueue } from "@/lib/jobs/enqueue";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";
import { passwordProblems } from "./password-policy";
import { SIGN_UP_REQUESTED } from "./schema";
import type { confirmSignUpSchema, signUpSchema } from "./schema";
import { SIGN_UP_LINK_TTL_HOURS, signUpEmailJob } from "./sign-up-email";

/** Step 1: never looks the address up, so known and unknown addresses cost the same. */
export async function requestSignUp(ctx: PublicContext, input: z.output<typeof signUpSchema>) {
  await getDb().$transaction(async (tx) => {
    const { token, tokenHash } = await issueVerificationToken(tx, "sign-up", input.email, SIGN_UP_LINK_TTL_HOURS * 60);
    await enqueue(tx, signUpEmailJob, { tokenHash, sealedToken: sealSecret(token) });
  });
  ctx.log.info("sign-up link requested");
  return { message: SIGN_UP_REQUESTED };
}

/** The address a sign-up link was issued for, when it can still be used (for its page; uses nothing up). */
export async function signUpLinkEmail(token: string): Promise<string | null> {
  if (!token || token.length > VERIFICATION_TOKEN_MAX_LENGTH) return null;
  const row = await isTokenHashUsable(hashVerificationToken(token));
  return row?.identifier.startsWith("sign-up:") ? row.identifier.slice("sign-up:".length) : null;
}

export function signUpLinkInvalid(): AppError {
  return new AppError("BAD_REQUEST", "This sign-up link has expired or was already used. Start again from the sign-up page.", { reason: "sign_up_link_invalid" });
}

function accountExists(): AppError {
  return new AppError("CONFLICT", "An account with this email address already exists. Sign in instead, or reset your password.", { reason: "account_exists" });
}

/**
 * Step 2: creates the verified account, its organization and the owner
 * membership, and uses the link up, in one transaction. A refused password
 * leaves the link usable. Of two submissions of one link, one wins; the other
 * link of an address whose account now exists answers 409.
 */
export async function confirmSignUp(ctx: PublicContext, input: z.output<typeof confirmSignUpSchema>) {
  const email = await signUpLinkEmail(input.token);
  if (!email) throw signUpLinkInvalid();
  const problems = passwordProblems(input.password, { email, name: input.name });
  if (problems.length > 0) throw validationFailed(problems.map((message) => ({ path: "body.password", message })));
  const passwordHash = await hashPassword(input.password);

  try {
    const result = await getDb().$transaction(async (tx) => {
      const claimed = await consumeVerificationToken("sign-up", input.token, new Date(), tx);
      if (claimed !== email) throw signUpLinkInvalid();
      const user = await tx.user.create({
        data: { email, name: input.name, passwordHash, emailVerified: new Date() },
        select: { id: true, email: true, name: true },
      });
      const organization = await createOrganizationWithOwner(tx, user.id, input.organizationName);
      await deleteTokensFor(tx, "sign-up", email);
      return { user, organization };
    });
    ctx.log.info({ userId: result.user.id, orgId: result.organization.id }, "account created from a sign-up link");
    return result;
  } catch (error) {
    // The unique email index decides races with another link or an invitation: nothing half-made.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw accountExists();
    throw error;
  }
}
