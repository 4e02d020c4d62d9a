import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError } from "@/lib/http/errors";
import type { SessionContext } from "@/lib/http/handle";
import { resolveOrgScope } from "@/lib/orgs/membership";
import { assertScopesWithinRole } from "./scope-check";
import { MAX_PERSONAL_TOKENS_PER_MEMBER } from "./schema";
import type { CreatePersonalTokenInput } from "./schema";
import { expiryFrom, toTokenView, tokenSelect } from "./token-view";
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
    const created = await tx.apiToken.create({
      data: {
        organizationId,
        userId: ctx.user.id,
        kind: "PERSONAL",
        name: input.name,
        prefix: secret.prefix,
        tokenHash: secret.tokenHash,
        scopes: input.scopes,
        createdById: ctx.user.id,
        expiresAt: expiryFrom(input.expiresInDays),
      },
      select: tokenSelect,
    });
    await recordEvent(tx, {
      organizationId,
      type: "api_token.created",
      actorId: ctx.user.id,
      subjectType: "api_token",
      subjectId: created.id,
      payload: { name: created.name, kind: "PERSONAL", scopes: input.scopes, expiresAt: created.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { ...toTokenView(row), token: secret.token };
}
