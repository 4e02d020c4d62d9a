import { getDb } from "@/lib/db/client";
import type { SessionContext } from "@/lib/http/handle";
import { toTokenView, tokenSelect } from "./token-view";

/** The caller's personal tokens in every organization, newest first (at most MAX_PERSONAL_TOKENS_PER_MEMBER per organization). */
export async function listPersonalTokens(ctx: SessionContext) {
  const rows = await getDb().apiToken.findMany({
    where: { userId: ctx.user.id, kind: "PERSONAL" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: tokenSelect,
  });
  return { tokens: rows.map(toTokenView) };
}
