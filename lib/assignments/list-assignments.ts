import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCreatedAtCursor } from "@/lib/http/cursor";
import type { OrgContext } from "@/lib/http/handle";
import { visibleAssignments } from "./access";
import { assignmentSelect, summarizeAssignments, todayUtc } from "./assignment-summary";
import { mentoredBy } from "./mentoring";
import type { ListAssignmentsQuery } from "./schema";

/**
 * One page of the assignments the caller may see (access.ts), newest first, with
 * the whitelisted filters; archived ones only when asked for by status. Four
 * queries per page whatever its size.
 */
export async function listAssignments(ctx: OrgContext, query: ListAssignmentsQuery) {
  const db = getDb();
  const position = query.cursor;
  const today = new Date(`${todayUtc()}T00:00:00Z`);
  const filters: Prisma.AssignmentWhereInput[] = [
    visibleAssignments(ctx),
    query.status ? { status: query.status } : { status: { in: ["ACTIVE", "COMPLETED"] } },
  ];
  if (query.assigneeId) filters.push({ assigneeId: query.assigneeId });
  if (query.mentorId) filters.push(mentoredBy(query.mentorId));
  if (query.trackId) filters.push({ trackId: query.trackId });
  if (query.overdue !== undefined) {
    // Spelled out both ways: NOT(…) over a null due date would be null in SQL and drop the row.
    filters.push(query.overdue ? { status: "ACTIVE", dueDate: { lt: today } } : { OR: [{ status: { not: "ACTIVE" } }, { dueDate: null }, { dueDate: { gte: today } }] });
  }
  if (position) filters.push({ OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }] });

  const rows = await db.assignment.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: assignmentSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await summarizeAssignments(db, ctx.organization.id, page),
    nextCursor: rows.length > query.limit && last ? encodeCreatedAtCursor(last) : null,
  };
}
