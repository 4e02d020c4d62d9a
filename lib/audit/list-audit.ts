/** One page of the audit log (GET /api/v1/o/{orgSlug}/audit). */
import type { OrgContext } from "@/lib/http/handle";
import { readAuditBatch } from "./audit-rows";
import { encodeAuditCursor } from "./schema";
import type { AuditQuery } from "./schema";

export async function listAudit(ctx: OrgContext, { limit, cursor, ...filters }: AuditQuery) {
  const batch = await readAuditBatch(ctx.organization.id, filters, { before: cursor, limit });
  return { items: batch.entries, nextCursor: batch.nextBefore === null ? null : encodeAuditCursor(batch.nextBefore) };
}
