/**
 * The step both kinds of token share: the row (only the secret's SHA-256 and its prefix)
 * and its api_token.created event, in the caller's transaction.
 */
import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { expiryFrom, tokenSelect } from "./token-view";
import type { ApiTokenKind } from "@/lib/generated/prisma/enums";
import type { NewTokenSecret } from "./token-secret";

export async function storeToken(
  tx: DbClient,
  token: {
    organizationId: string;
    /** Who the token acts as: the person, or the service token's own account. */
    userId: string;
    createdById: string;
    kind: ApiTokenKind;
    secret: NewTokenSecret;
    name: string;
    scopes: string[];
    expiresInDays: number | null;
  },
  /** More for the event's payload (a service token's role). */
  payload: Prisma.InputJsonObject = {},
) {
  const { kind } = token;
  const created = await tx.apiToken.create({
    data: {
      organizationId: token.organizationId,
      userId: token.userId,
      kind,
      name: token.name,
      prefix: token.secret.prefix,
      tokenHash: token.secret.tokenHash,
      scopes: token.scopes,
      createdById: token.createdById,
      expiresAt: expiryFrom(token.expiresInDays),
    },
    select: tokenSelect,
  });
  await recordEvent(tx, {
    organizationId: token.organizationId,
    type: "api_token.created",
    actorId: token.createdById,
    subjectType: "api_token",
    subjectId: created.id,
    payload: { name: created.name, kind, ...payload, scopes: token.scopes, expiresAt: created.expiresAt?.toISOString() ?? null },
  });
  return created;
}
