/**
 * Who an `Authorization: Bearer cairn_…` request is (decision 0032). One statement
 * reads the token by its hash with its member's user, membership and organization,
 * so revoking the token (its row is deleted), removing the member (which deletes
 * their tokens) or suspending them acts on the very next request, as the session
 * path does. A string that is not token-shaped (short, padded, a NUL) is refused
 * before any query. The token is bound to one organization: another slug is a 404,
 * as for a person who is not a member.
 */
import type { Permission } from "@/lib/authz/policy";
import type { SessionUser } from "@/lib/auth/session";
import { queryRows, sql } from "@/lib/db/sql";
import type { ApiTokenKind } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";
import type { MembershipRow } from "@/lib/orgs/membership";
import type { RequestToken } from "./request-token";
import { hashToken, isTokenShaped, kindOfToken } from "./token-secret";

export interface TokenCaller {
  user: SessionUser;
  membership: MembershipRow;
  token: RequestToken;
}

interface TokenRow extends MembershipRow {
  tokenId: string;
  tokenName: string;
  kind: ApiTokenKind;
  scopes: string[];
  expired: boolean;
  lastUsedDue: boolean;
  userId: string;
  email: string;
  name: string | null;
}

export function invalidToken(): AppError {
  return new AppError("UNAUTHENTICATED", "The API token is invalid, expired or revoked.");
}

/** The caller a bearer token stands for in the organization `orgSlug`; throws 401 (no such live token) or 404 (another organization). */
export async function authenticateToken(token: string, orgSlug: string): Promise<TokenCaller> {
  if (!isTokenShaped(token)) throw invalidToken();
  const [row] = await queryRows<TokenRow>(sql`
    SELECT t.id AS "tokenId", t.name AS "tokenName", t.kind::text AS kind, t.scopes,
           (t."expiresAt" IS NOT NULL AND t."expiresAt" <= now() AT TIME ZONE 'UTC') AS expired,
           (t."lastUsedAt" IS NULL OR t."lastUsedAt" < now() AT TIME ZONE 'UTC' - interval '1 minute') AS "lastUsedDue",
           u.id AS "userId", u.email, u.name,
           m.id AS "membershipId", m.role::text AS role, m.status::text AS status, o.id AS "organizationId", o.slug, o.name AS "organizationName"
    FROM "ApiToken" t
    JOIN "User" u ON u.id = t."userId"
    JOIN "Membership" m ON m."organizationId" = t."organizationId" AND m."userId" = t."userId"
    JOIN "Organization" o ON o.id = t."organizationId"
    WHERE t."tokenHash" = ${hashToken(token)}`, "token.authenticate");
  // A suspended member's token authenticates nothing (the person could not sign in there either).
  if (!row || row.expired || row.kind !== kindOfToken(token) || row.status !== "ACTIVE") throw invalidToken();
  if (row.slug !== orgSlug) throw notFound("organization");
  if (row.lastUsedDue) await touchLastUsed(row.tokenId);
  return {
    user: { id: row.userId, email: row.email, name: row.name },
    membership: row,
    token: { id: row.tokenId, name: row.tokenName, kind: row.kind, scopes: row.scopes as Permission[] },
  };
}

/**
 * At most one write a minute per token, whatever the traffic or the number of
 * instances: the authenticating read says whether one is due, and the condition is
 * repeated here so concurrent requests write once.
 */
async function touchLastUsed(tokenId: string): Promise<void> {
  await queryRows(sql`
    UPDATE "ApiToken" SET "lastUsedAt" = date_trunc('milliseconds', now() AT TIME ZONE 'UTC')
    WHERE id = ${tokenId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() AT TIME ZONE 'UTC' - interval '1 minute')`, "token.touch");
}
