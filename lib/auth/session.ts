/**
 * Who is making a request, from the next-auth session cookie (a JWT encrypted
 * with NEXTAUTH_SECRET). The token carries the user's session version; bumping
 * User.sessionVersion ("sign out everywhere", password change) voids every
 * token issued before, at the next request rather than at expiry.
 */
import { parse as parseCookieHeader } from "cookie";
import { encode, getToken } from "next-auth/jwt";
import type { JWT } from "next-auth/jwt";
import { getConfig } from "@/lib/config";
import { queryRows, sql } from "@/lib/db/sql";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

interface CairnToken extends JWT {
  sub: string;
  /** User.sessionVersion when the token was issued. */
  sv: number;
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function cookieSettings() {
  const secureCookie = getConfig().NEXTAUTH_URL.startsWith("https://");
  return { secureCookie, cookieName: secureCookie ? "__Secure-next-auth.session-token" : "next-auth.session-token" };
}

function sessionSecret(): string {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}

export function sessionCookieName(): string {
  return cookieSettings().cookieName;
}

/** Resolves a user from a request's cookies; null when absent, invalid, expired or revoked. */
export async function userFromCookies(cookies: Partial<Record<string, string>>): Promise<SessionUser | null> {
  const { secureCookie, cookieName } = cookieSettings();
  // No session cookie (or chunk of one): anonymous, without touching the secret or the database.
  if (!Object.keys(cookies).some((name) => name.startsWith(cookieName))) return null;
  const secret = sessionSecret();
  // Only cookies are passed: getToken would otherwise also accept a bearer JWT.
  const token = (await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie, logger: silentLogger })) as CairnToken | null;
  if (!token?.sub || typeof token.sv !== "number") return null;
  // Plain SQL on the pool: this runs on every authenticated request (lib/db/sql.ts).
  const [user] = await queryRows<{ id: string; email: string; name: string | null; sessionVersion: number }>(
    sql`SELECT id, email, name, "sessionVersion" FROM "User" WHERE id = ${token.sub}`,
  );
  if (!user || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export function userFromCookieHeader(header: string | null | undefined): Promise<SessionUser | null> {
  return userFromCookies(header ? parseCookieHeader(header) : {});
}

/** Issues a session token for a user (sign-in, and tests that act as a signed-in user). */
export async function issueSessionToken(user: { id: string; email: string; name: string | null; sessionVersion: number }): Promise<string> {
  const secret = sessionSecret();
  const token: CairnToken = { sub: user.id, sv: user.sessionVersion, email: user.email, name: user.name };
  return encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}

const silentLogger = { error: () => undefined, warn: () => undefined, debug: () => undefined };
