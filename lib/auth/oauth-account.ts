/**
 * Who an OAuth sign-in (GitHub) is, in Cairn's terms. Sessions are JWTs, so
 * next-auth's adapter does not run; these rules replace its account linking:
 *
 * 1. an Account row for (provider, providerAccountId) → its user;
 * 2. else, with a verified email from the provider, the user with that email →
 *    link a new Account to them;
 * 3. else, with a verified email, a new user (no organization yet: they create
 *    one, or accept an invitation, at /o);
 * 4. no verified email → refused (nothing is created or linked).
 *
 * Linking to an existing account whose email was never verified means its
 * password was set by someone who never proved the mailbox (possibly a
 * squatter who signed up with this address first). The provider just proved it,
 * so the unproven password is removed and every session of that account ends
 * (recordEmailProof, the rule every email proof shares); the mailbox owner can
 * set a password again with "Forgot password?".
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { getLogger } from "@/lib/observability/logger";
import { recordEmailProof } from "./email-ownership";

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  /** next-auth's account type, "oauth". */
  type: string;
  /** The provider's primary email, lowercased here; null when it has none. */
  email: string | null;
  /** Whether the provider says the email is verified. */
  emailVerified: boolean;
  name: string | null;
  image: string | null;
  scope?: string | null;
  tokenType?: string | null;
}

const userFields = { id: true, email: true, name: true, sessionVersion: true } as const;

export type OAuthSignInOutcome =
  | { ok: true; how: "existing-account" | "linked" | "created"; user: { id: string; email: string; name: string | null; sessionVersion: number } }
  | { ok: false; reason: "email_unverified" };

/** The user an OAuth account is linked to, or null. */
export async function userForOAuthAccount(provider: string, providerAccountId: string) {
  const account = await getDb().account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: userFields } },
  });
  return account?.user ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Applies the rules above. Safe to race: a unique violation (a concurrent identical sign-in) retries once. */
export async function signInWithOAuth(identity: OAuthIdentity, attempt = 1): Promise<OAuthSignInOutcome> {
  const existing = await userForOAuthAccount(identity.provider, identity.providerAccountId);
  if (existing) return { ok: true, how: "existing-account", user: existing };

  const email = identity.email?.trim().toLowerCase() ?? "";
  if (!email || !identity.emailVerified) return { ok: false, reason: "email_unverified" };

  // Only non-secret fields: Cairn makes no calls to the provider after sign-in, so its tokens are not kept.
  const account = {
    type: identity.type,
    provider: identity.provider,
    providerAccountId: identity.providerAccountId,
    scope: identity.scope ?? null,
    token_type: identity.tokenType ?? null,
  };
  const log = getLogger().child({ component: "auth", provider: identity.provider });
  try {
    return await getDb().$transaction(async (tx) => {
      const byEmail = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (byEmail) {
        // The provider just proved the address: the shared first-proof rule (lib/auth/email-ownership.ts).
        const proof = await recordEmailProof(tx, byEmail.id);
        const user = await tx.user.findUniqueOrThrow({ where: { id: byEmail.id }, select: userFields });
        await tx.account.create({ data: { ...account, userId: user.id } });
        log.info({ userId: user.id, unprovenPasswordRemoved: proof.passwordRemoved, sessionsRevoked: proof.sessionsRevoked }, "OAuth account linked to the user with its verified email");
        return { ok: true as const, how: "linked" as const, user };
      }
      const user = await tx.user.create({
        data: { email, name: identity.name?.trim().slice(0, 80) || null, image: identity.image, emailVerified: new Date(), accounts: { create: account } },
        select: userFields,
      });
      log.info({ userId: user.id }, "user created from an OAuth sign-in");
      return { ok: true as const, how: "created" as const, user };
    });
  } catch (error) {
    if (attempt === 1 && isUniqueViolation(error)) return signInWithOAuth(identity, 2);
    throw error;
  }
}
