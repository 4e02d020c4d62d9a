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
import type { MembershipRow } from "@/lib/orgs/membership";

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
  return (await sessionFromCookies(cookies, null))?.user ?? null;
}

/**
 * The signed-in user and, when `orgSlug` is given, their membership of that
 * organization, read in the same statement: an organization-scoped request (most
 * of them, the progress write among them) makes one round trip for both. Null
 * when the session is absent, invalid, expired or revoked; `membership` is null
 * when there is none.
 */
export async function sessionFromCookies(cookies: Partial<Record<string, string>>, orgSlug: string | null): Promise<{ user: SessionUser; membership: MembershipRow | null } | null> {
  const { secureCookie, cookieName } = cookieSettings();
  // No session cookie (or chunk of one): anonymous, without touching the secret or the database.
  if (!Object.keys(cookies).some((name) => name.startsWith(cookieName))) return null;
  const token = await decodedSessionToken(cookies, cookieName, secureCookie);
  if (!token?.sub || typeof token.sv !== "number") return null;
  // Plain SQL on the pool: this runs on every authenticated request (lib/db/sql.ts).
  const [row] = await queryRows<{ id: string; email: string; name: string | null; sessionVersion: number } & Partial<MembershipRow>>(sql`
    SELECT u.id, u.email, u.name, u."sessionVersion",
           m.id AS "membershipId", m.role::text AS role, m.status::text AS status, o.id AS "organizationId", o.slug, o.name AS "organizationName"
    FROM "User" u
    LEFT JOIN ("Membership" m JOIN "Organization" o ON o.id = m."organizationId" AND o.slug = ${orgSlug}) ON m."userId" = u.id
    WHERE u.id = ${token.sub}`);
  if (!row || row.sessionVersion !== token.sv) return null;
  const membership = row.membershipId ? (row as MembershipRow) : null;
  return { user: { id: row.id, email: row.email, name: row.name }, membership };
}

/**
 * Decrypting the JWT (a key derivation and AES-GCM) costs more CPU than the rest
 * of a request's authentication, and a browser sends the same cookie on every
 * request: decoded tokens are kept briefly, keyed by the exact cookie value.
 * Only the decoding is cached; the session version is still read from the
 * database on every request, so revocation still acts at once. An entry never
 * outlives its token's own expiry.
 */
const TOKEN_CACHE_MAX = 2_000;
const TOKEN_CACHE_MS = 5 * 60_000;
const tokenCache = new Map<string, { token: CairnToken | null; until: number }>();

async function decodedSessionToken(cookies: Partial<Record<string, string>>, cookieName: string, secureCookie: boolean): Promise<CairnToken | null> {
  const cacheKey = Object.keys(cookies)
    .filter((name) => name.startsWith(cookieName))
    .sort()
    .map((name) => `${name}=${cookies[name]}`)
    .join(";");
  const now = Date.now();
  const cached = tokenCache.get(cacheKey);
  if (cached && cached.until > now) return cached.token;
  const secret = sessionSecret();
  // Only cookies are passed: getToken would otherwise also accept a bearer JWT.
  const token = (await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie, logger: silentLogger })) as CairnToken | null;
  const expiresAt = typeof token?.exp === "number" ? token.exp * 1000 : now;
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.delete(tokenCache.keys().next().value!);
  // A cookie that did not decode is remembered too (a forged one is not decrypted again and again), briefly.
  tokenCache.set(cacheKey, { token, until: token ? Math.min(now + TOKEN_CACHE_MS, expiresAt) : now + 10_000 });
  return token;
}

export function userFromCookieHeader(header: string | null | undefined): Promise<SessionUser | null> {
  return userFromCookies(header ? parseCookieHeader(header) : {});
}

export function sessionFromCookieHeader(header: string | null | undefined, orgSlug: string | null) {
  return sessionFromCookies(header ? parseCookieHeader(header) : {}, orgSlug);
}

/** Issues a session token for a user (sign-in, and tests that act as a signed-in user). */
export async function issueSessionToken(user: { id: string; email: string; name: string | null; sessionVersion: number }): Promise<string> {
  const secret = sessionSecret();
  const token: CairnToken = { sub: user.id, sv: user.sessionVersion, email: user.email, name: user.name };
  return encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}

const silentLogger = { error: () => undefined, warn: () => undefined, debug: () => undefined };
