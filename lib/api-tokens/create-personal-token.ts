import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { SessionContext } from "@/lib/http/handle";
import { resolveOrgScope } from "@/lib/orgs/membership";
import { assertScopesWithinRole } from "./scope-check";
import { MAX_PERSONAL_TOKENS_PER_MEMBER } from "./schema";
import type { CreatePersonalTokenInput } from "./schema";
import { storeToken } from "./store-token";
import { toTokenView } from "./token-view";
import { newTokenSecret } from "./token-secret";

/**
 * A personal token: acts as the caller in one organization they are an active member
 * of (404 for one they are not in, 403 while suspended), with scopes their role has
 * now. The secret is in the answer only; the row keeps its SHA-256. Recorded as
 * api_token.created in that organization.
 */
export async function createPersonalToken(ctx: SessionContext, input: CreatePersonalTokenInput) {
  const scope = await resolveOrgScope(ctx.user.id, input.orgSlug);
  assertScopesWithinRole(input.scopes, scope.membership.role);
  const secret = newTokenSecret("PERSONAL");
  const organizationId = scope.organization.id;
  const row = await getDb().$transaction(async (tx) => {
    const held = await tx.apiToken.count({ where: { organizationId, userId: ctx.user.id, kind: "PERSONAL" } });
    if (held >= MAX_PERSONAL_TOKENS_PER_MEMBER) {
      throw new AppError("CONFLICT", `You have ${MAX_PERSONAL_TOKENS_PER_MEMBER} tokens in this organization already. Revoke one first.`);
    }
    return storeToken(tx, { organizationId, userId: ctx.user.id, createdById: ctx.user.id, kind: "PERSONAL", secret, name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays });
  });
  return { ...toTokenView(row), token: secret.token };
}
