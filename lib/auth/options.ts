/**
 * next-auth v4 configuration: email + password (argon2id) for now, JWT session
 * cookies (HttpOnly, SameSite=Lax, Secure over HTTPS — next-auth's defaults when
 * NEXTAUTH_URL is https) carrying the user's session version (lib/auth/session.ts).
 * Built per request so that importing it never reads configuration at build time.
 * Password attempts are rate limited per address and per account
 * (lib/security/sign-in-limits.ts); over the limit `authorize` throws, which
 * next-auth hands to the form as `result.error` ("RateLimited:<seconds>").
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/accounts/service";
import { getConfig } from "@/lib/config";
import { clientIpFrom } from "@/lib/security/client-ip";
import { withSignInLimits } from "@/lib/security/sign-in-limits";
import { SESSION_MAX_AGE_SECONDS } from "./session";

export function authOptions(): NextAuthOptions {
  return {
    secret: getConfig().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password || password.length > 1024 || email.length > 254) return null;
          return withSignInLimits(email, clientIpFrom(request?.headers ?? {}), () => verifyCredentials(email, password));
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is present only at sign-in: stamp the token with the session version.
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) Object.assign(session.user, { id: token.sub });
        return session;
      },
    },
  };
}
