import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { assertScopesWithinRole } from "./scope-check";
import { MAX_SERVICE_TOKENS_PER_ORG } from "./schema";
import type { CreateServiceTokenInput } from "./schema";
import { storeToken } from "./store-token";
import { toTokenView } from "./token-view";
import { newTokenSecret } from "./token-secret";

/**
 * An organization's service token (owners only): its own service account — a User
 * marked `serviceAccount`, named after the token, with an address no mail reaches and
 * no password, which the session check refuses — holds a membership with the chosen
 * role (never owner), and the token acts as that member. Each token has its own
 * account, so the audit log names the token as the actor. Service accounts are not
 * listed among the members (decision 0032).
 */
export async function createServiceToken(ctx: OrgContext, input: CreateServiceTokenInput) {
  assertScopesWithinRole(input.scopes, input.role);
  const secret = newTokenSecret("SERVICE");
  const organizationId = ctx.organization.id;
  const row = await getDb().$transaction(async (tx) => {
    const held = await tx.apiToken.count({ where: { organizationId, kind: "SERVICE" } });
    if (held >= MAX_SERVICE_TOKENS_PER_ORG) {
      throw new AppError("CONFLICT", `This organization has ${MAX_SERVICE_TOKENS_PER_ORG} service tokens already. Revoke one first.`);
    }
    const account = await tx.user.create({
      data: { name: input.name, email: `service-${randomBytes(12).toString("hex")}@service-accounts.cairn.invalid`, serviceAccount: true },
      select: { id: true },
    });
    await tx.membership.create({ data: { organizationId, userId: account.id, role: input.role } });
    return storeToken(
      tx,
      { organizationId, userId: account.id, createdById: ctx.user.id, kind: "SERVICE", secret, name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays },
      { role: input.role },
    );
  });
  return { ...toTokenView(row), token: secret.token };
}
