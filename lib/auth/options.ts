/**
 * next-auth v4 configuration, JWT session cookies (HttpOnly, SameSite=Lax, Secure
 * over HTTPS — next-auth's defaults when NEXTAUTH_URL is https) carrying the
 * user's session version (lib/auth/session.ts). Built per request so that
 * importing it never reads configuration at build time.
 *
 * Providers:
 * - "credentials": email + password (argon2id);
 * - "email-link": the token from a passwordless sign-in email
 *   (lib/accounts/email-sign-in.ts), used up by `authorize`;
 * - "github": only when GITHUB_ID and GITHUB_SECRET are set; linking rules in
 *   lib/auth/oauth-account.ts (the signIn callback decides, the jwt callback
 *   stamps the token with Cairn's user id, not GitHub's).
 * Password and link attempts are rate limited per address and per (address,
 * account), and password attempts also per account from every address
 * (lib/security/sign-in-limits.ts); over a limit `authorize` throws, which
 * next-auth hands to the form as `result.error` ("RateLimited:<seconds>"). The database
 * down or over its budget is `result.error` "ServiceUnavailable" (decision 0024): next-auth
 * puts a thrown error's message in the URL it answers, and the driver's message (hosts,
 * ports) must not leave the server.
 */
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithLinkToken } from "@/lib/accounts/email-sign-in";
import { auditSignIn, recordAccountEventNow } from "@/lib/audit/account-events";
import { verifyCredentials } from "@/lib/accounts/service";
import { getConfig } from "@/lib/config";
import { databaseUnavailable } from "@/lib/db/database-failure";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { clientIpFrom } from "@/lib/security/client-ip";
import { EMAIL_LINK_SIGN_IN_LIMITS, withSignInLimits } from "@/lib/security/sign-in-limits";
import { githubProvider } from "./github-provider";
import type { CairnGithubProfile } from "./github-provider";
import { signInWithOAuth, userForOAuthAccount } from "./oauth-account";
import { getLogger } from "@/lib/observability/logger";
import { refreshGitHubLogin } from "@/lib/users/github-link";
import { GITHUB_LINK_COOKIE, finishGitHubLink } from "@/lib/users/github-link-intent";
import { SESSION_MAX_AGE_SECONDS, endSession, newSessionClaims, userFromCookies } from "./session";
import { VERIFICATION_TOKEN_MAX_LENGTH } from "./verification-token";

/** Where a refused OAuth sign-in lands; the sign-in page explains the error code. */
export const OAUTH_EMAIL_UNVERIFIED_ERROR = "OAuthEmailUnverified";

/** `result.error` when the database is down or over its budget: the form says "temporarily unavailable". */
export const SERVICE_UNAVAILABLE_ERROR = "ServiceUnavailable";

/** `work`, with a database failure logged here and handed to next-auth (and the browser) only as its code. */
async function unlessDatabaseDown<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!databaseUnavailable(error)) throw error;
    getLogger().warn({ err: error }, "sign-in: database unavailable");
    throw new Error(SERVICE_UNAVAILABLE_ERROR);
  }
}

/** The sign-in methods this configuration offers (the sign-in page reads it too). */
export function signInProviders(): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        // PostgreSQL refuses NUL (the query would fail): no account has one.
        if (!email || !password || password.length > 1024 || email.length > 254 || email.includes("\u0000")) return null;
        const ip = clientIpFrom(request?.headers ?? {});
        return unlessDatabaseDown(async () => auditSignIn(await withSignInLimits(email, ip, () => verifyCredentials(email, password)), { method: "password", email, ip }));
      },
    }),
    CredentialsProvider({
      id: "email-link",
      name: "Email link",
      credentials: { token: { label: "Token", type: "text" } },
      async authorize(credentials, request) {
        const token = credentials?.token ?? "";
        if (!token || token.length > VERIFICATION_TOKEN_MAX_LENGTH) return null;
        // The token has 256 bits, so guessing is hopeless; the per-address limit still slows anyone trying.
        const ip = clientIpFrom(request?.headers ?? {});
        return unlessDatabaseDown(async () => auditSignIn(await withSignInLimits("email-link", ip, () => signInWithLinkToken(token), EMAIL_LINK_SIGN_IN_LIMITS), { method: "email-link", ip }));
      },
    }),
  ];
  const github = getConfig().githubOAuth;
  if (github) providers.push(githubProvider(github));
  return providers;
}

/** The GitHub callback of "Link GitHub" (lib/users/github-link-intent.ts), or null for an ordinary sign-in. */
async function githubLinkCallback(github: { id: unknown; login: unknown }): Promise<string | null> {
  // The link cookie and the current session, from next-auth's request; a callback run outside a
  // request (a test calling it directly) has neither, so it is an ordinary sign-in.
  const { cookies } = await import("next/headers");
  let store: Awaited<ReturnType<typeof cookies>>;
  try {
    store = await cookies();
  } catch {
    return null;
  }
  const intent = store.get(GITHUB_LINK_COOKIE)?.value;
  if (intent === undefined) return null;
  store.delete({ name: GITHUB_LINK_COOKIE, path: "/api/auth" });
  const signedIn = await userFromCookies(Object.fromEntries(store.getAll().map((cookie) => [cookie.name, cookie.value])));
  return finishGitHubLink(intent, signedIn?.id ?? null, github);
}

export function authOptions(): NextAuthOptions {
  return {
    secret: getConfig().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: signInProviders(),
    callbacks: {
      // Every callbackUrl next-auth redirects to (sign-in, sign-out, OAuth, its callback-url
      // cookie) goes through the same check as the sign-in page: our origin only.
      redirect({ url, baseUrl }) {
        return new URL(safeRedirectPath(url, baseUrl, "/"), baseUrl).toString();
      },
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        const githubProfile = profile as Partial<CairnGithubProfile> | undefined;
        // "Link GitHub" from the account page: links to the signed-in user and keeps their session (decision 0034).
        if (account.provider === "github") {
          const linked = await githubLinkCallback({ id: githubProfile?.id, login: githubProfile?.login });
          if (linked !== null) return linked;
        }
        const outcome = await signInWithOAuth({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          type: account.type,
          email: githubProfile?.email ?? null,
          emailVerified: githubProfile?.email_verified === true,
          name: user.name ?? null,
          image: user.image ?? null,
          scope: account.scope ?? null,
          tokenType: account.token_type ?? null,
        });
        if (outcome.ok && account.provider === "github" && typeof githubProfile?.id === "number" && typeof githubProfile.login === "string") {
          // Evidence checks compare authors with this login's account (lib/users/github-link.ts).
          await refreshGitHubLogin(outcome.user.id, { id: githubProfile.id, login: githubProfile.login });
        }
        return outcome.ok ? true : `/sign-in?error=${OAUTH_EMAIL_UNVERIFIED_ERROR}`;
      },
      async jwt({ token, user, account }) {
        // `user` (and `account`) are present only at sign-in: stamp the token with Cairn's user, session
        // version and a new session id (lib/auth/session.ts). Re-issues keep them as they are.
        if (account?.type === "oauth") {
          // The signIn callback linked or created the user; `user` here is the provider's profile.
          const linked = await userForOAuthAccount(account.provider, account.providerAccountId);
          if (!linked) throw new Error("OAuth account is not linked");
          Object.assign(token, newSessionClaims(linked), { email: linked.email, name: linked.name });
          await auditSignIn(linked, { method: "github" });
        } else if (user) {
          Object.assign(token, newSessionClaims({ id: user.id, sessionVersion: (user as { sessionVersion?: number }).sessionVersion ?? 0 }));
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) Object.assign(session.user, { id: token.sub });
        return session;
      },
    },
    events: {
      // "Sign out" ends this session on the server too (a copy of the cookie stops working, its sockets close).
      // next-auth clears the cookie even when this fails, and only logs the error: so do we, loudly.
      async signOut({ token }) {
        let ended = false;
        try {
          ended = await endSession(token);
        } catch (error) {
          getLogger().error({ err: error, userId: token?.sub }, "sign-out could not end the session on the server");
          throw error;
        }
        // In each organization's audit log (lib/audit/account-events.ts); the session has ended either way.
        if (ended && token?.sub) await recordAccountEventNow({ userId: token.sub, type: "security.signed_out", actorId: token.sub });
      },
    },
  };
}
