/**
 * Who is making a request, from the next-auth session cookie (a JWT encrypted
 * with NEXTAUTH_SECRET). The token carries the user's session version; bumping
 * User.sessionVersion ("sign out everywhere", password change) voids every
 * token issued before, at the next request rather than at expiry. It also
 * carries its own session id (`sid`), made at sign-in: signing out records it
 * in EndedSession, which voids that one token the same way (a copied cookie does
 * not outlive "Sign out"). Both are checked in the statement that reads the user
 * (docs/decisions/0018-session-revocation-and-mentor-access.md). A service
 * account (an organization's service token acts as one) never has a session
 * (decision 0032).
 */
import { randomBytes } from "node:crypto";
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
  /** This session's id: random, made at sign-in, kept by every re-issue of the cookie. */
  sid: string;
  /**
   * When the session signed in (seconds since the epoch). The session ends
   * SESSION_MAX_AGE_SECONDS after it, whatever the cookie's own `exp` says:
   * next-auth re-issues the cookie with a later `exp` on every read of
   * /api/auth/session, and an ended session's record must be allowed to expire.
   */
  sat: number;
}

/** The session a request or a socket was authenticated with. */
export interface SessionIdentity {
  /** The token's `sid`. */
  id: string;
  /** The token's `sv`: the user's session version when it was issued. */
  version: number;
}

export interface AuthenticatedSession {
  user: SessionUser;
  session: SessionIdentity;
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const SESSION_ID_MAX_LENGTH = 64;

/** What every new session's token carries besides next-auth's own claims (sign-in, and tests). */
export function newSessionClaims(user: { id: string; sessionVersion: number }, now = Date.now()): Pick<CairnToken, "sub" | "sv" | "sid" | "sat"> {
  return { sub: user.id, sv: user.sessionVersion, sid: randomBytes(16).toString("base64url"), sat: Math.floor(now / 1000) };
}

/**
 * The claims Cairn relies on, or null. A token issued before sessions had ids
 * (no `sid`, no `sat`) is refused: signing out could not end it, so a copy of it
 * would live on for up to 30 days; its holder signs in once more (decision 0018).
 */
function sessionClaims(token: JWT | null | undefined, now = Date.now()): CairnToken | null {
  if (!token?.sub || typeof token.sv !== "number") return null;
  const { sid, sat } = token as Partial<CairnToken>;
  if (typeof sid !== "string" || sid.length === 0 || sid.length > SESSION_ID_MAX_LENGTH || typeof sat !== "number") return null;
  if ((sat + SESSION_MAX_AGE_SECONDS) * 1000 <= now) return null;
  return token as CairnToken;
}

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
 * of them, the progress write among them) makes one round trip for both, and for
 * whether this session was signed out. Null when the session is absent, invalid,
 * expired, revoked (session version) or ended (signed out); `membership` is null
 * when there is none.
 */
export async function sessionFromCookies(
  cookies: Partial<Record<string, string>>,
  orgSlug: string | null,
): Promise<(AuthenticatedSession & { membership: MembershipRow | null }) | null> {
  const { secureCookie, cookieName } = cookieSettings();
  // No session cookie (or chunk of one): anonymous, without touching the secret or the database.
  if (!Object.keys(cookies).some((name) => name.startsWith(cookieName))) return null;
  const token = sessionClaims(await decodedSessionToken(cookies, cookieName, secureCookie));
  if (!token) return null;
  // Plain SQL on the pool: this runs on every authenticated request (lib/db/sql.ts).
  const [row] = await queryRows<{ id: string; email: string; name: string | null; sessionVersion: number; ended: boolean } & Partial<MembershipRow>>(sql`
    SELECT u.id, u.email, u.name, u."sessionVersion",
           EXISTS (SELECT 1 FROM "EndedSession" s WHERE s.id = ${token.sid}) AS ended,
           m.id AS "membershipId", m.role::text AS role, m.status::text AS status, o.id AS "organizationId", o.slug, o.name AS "organizationName"
    FROM "User" u
    LEFT JOIN ("Membership" m JOIN "Organization" o ON o.id = m."organizationId" AND o.slug = ${orgSlug}) ON m."userId" = u.id
    WHERE u.id = ${token.sub} AND NOT u."serviceAccount"`, "session.authenticate");
  if (!row || row.sessionVersion !== token.sv || row.ended) return null;
  const membership = row.membershipId ? (row as MembershipRow) : null;
  return { user: { id: row.id, email: row.email, name: row.name }, session: { id: token.sid, version: token.sv }, membership };
}

/**
 * Signing out ("Sign out" in the menu, through next-auth's sign-out route and its
 * signOut event): the token's session is recorded as ended, so this cookie — and
 * any copy of it — is refused from now on, and a trigger closes its live sockets
 * on every instance. Kept until the session could not be used anyway. A token that
 * Cairn would refuse already (a legacy one, without an id) needs nothing.
 */
export async function endSession(token: JWT | null | undefined): Promise<boolean> {
  const claims = sessionClaims(token);
  if (!claims) return false;
  const expiresAtSeconds = claims.sat + SESSION_MAX_AGE_SECONDS;
  // Through the User row: a deleted account has nothing to end (and the foreign key would refuse it).
  await queryRows(sql`
    INSERT INTO "EndedSession" (id, "userId", "expiresAt", "endedAt")
    SELECT ${claims.sid}, u.id, to_timestamp(${expiresAtSeconds}::double precision) AT TIME ZONE 'UTC', date_trunc('milliseconds', now() AT TIME ZONE 'UTC')
    FROM "User" u WHERE u.id = ${claims.sub}
    ON CONFLICT (id) DO NOTHING`, "session.end");
  return true;
}

/**
 * Decrypting the JWT (a key derivation and AES-GCM) costs more CPU than the rest
 * of a request's authentication, and a browser sends the same cookie on every
 * request: decoded tokens are kept briefly, keyed by the exact cookie value.
 * Only the decoding is cached; the session version and whether the session was
 * signed out are still read from the database on every request, so revocation
 * still acts at once. An entry never outlives its token's own expiry.
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

/** The user and the session of a Cookie header (the socket handshake), or null. */
export async function authenticateCookieHeader(header: string | null | undefined): Promise<AuthenticatedSession | null> {
  const found = await sessionFromCookieHeader(header, null);
  return found && { user: found.user, session: found.session };
}

/** Issues a session token for a user, as a sign-in does (tests that act as a signed-in user). */
export async function issueSessionToken(user: { id: string; email: string; name: string | null; sessionVersion: number }): Promise<string> {
  const secret = sessionSecret();
  const token: CairnToken = { ...newSessionClaims(user), email: user.email, name: user.name };
  return encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}

const silentLogger = { error: () => undefined, warn: () => undefined, debug: () => undefined };
