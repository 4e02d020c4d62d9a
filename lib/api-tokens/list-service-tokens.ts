import { getDb } from "@/lib/db/client";
import type { OrgContext } from "@/lib/http/handle";
import { toTokenView, tokenSelect } from "./token-view";

/** The organization's service tokens, newest first (at most MAX_SERVICE_TOKENS_PER_ORG). */
export async function listServiceTokens(ctx: OrgContext) {
  const rows = await getDb().apiToken.findMany({
    where: { organizationId: ctx.organization.id, kind: "SERVICE" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: tokenSelect,
  });
  return { tokens: rows.map(toTokenView) };
}
