/**
 * A manager moves an assignment's due date later, saying why (decision 0030). The assignment
 * keeps the current date (what the lists, the overdue flag, the forecast and reminders read);
 * each move is a DueDateExtension row (the history) and an assignment.due_date_extended event,
 * written in one transaction on the locked assignment row, so two managers extending at once
 * each see the other's date as the current one.
 */
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError, invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { visibleAssignments } from "./access";
import { assignmentSelect, dayOf, summarizeAssignments } from "./assignment-summary";
import type { DueDateExtensionOut, ExtendDueDateInput } from "./extension-schema";

const extensionSelect = {
  id: true,
  previousDueDate: true,
  newDueDate: true,
  reason: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} as const;

function toExtension(row: { id: string; previousDueDate: Date | null; newDueDate: Date; reason: string; createdAt: Date; createdBy: { id: string; name: string | null; email: string } | null }): DueDateExtensionOut {
  return { ...row, previousDueDate: row.previousDueDate === null ? null : dayOf(row.previousDueDate), newDueDate: dayOf(row.newDueDate) };
}

export async function extendDueDate(ctx: OrgContext, assignmentId: string, input: ExtendDueDateInput) {
  const organizationId = ctx.organization.id;
  const result = await getDb().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ status: string; dueDate: Date | null }>>`
      SELECT status::text AS status, "dueDate" FROM "Assignment" WHERE id = ${assignmentId} AND "organizationId" = ${organizationId} FOR UPDATE`;
    if (!locked) throw notFound("assignment");
    if (locked.status === "ARCHIVED") throw new AppError("CONFLICT", "This assignment is archived; bring it back before moving its due date.");
    if (locked.dueDate === null) throw invalidInput("body.dueDate", "This assignment has no due date to extend; set one by changing the assignment.");
    const current = dayOf(locked.dueDate);
    if (input.dueDate <= current) throw invalidInput("body.dueDate", `The new due date must be after the current one (${current}).`, { currentDueDate: current });

    const newDueDate = new Date(`${input.dueDate}T00:00:00Z`);
    const extension = await tx.dueDateExtension.create({
      data: { organizationId, assignmentId, previousDueDate: locked.dueDate, newDueDate, reason: input.reason, createdById: ctx.user.id },
      select: extensionSelect,
    });
    const row = await tx.assignment.update({ where: { id: assignmentId }, data: { dueDate: newDueDate }, select: assignmentSelect });
    await recordEvent(tx, {
      organizationId,
      type: "assignment.due_date_extended",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignmentId,
      payload: { assignmentId, extensionId: extension.id, previousDueDate: current, dueDate: input.dueDate, reason: input.reason },
    });
    const [assignment] = await summarizeAssignments(tx, organizationId, [row]);
    return { extension: toExtension(extension), assignment: assignment! };
  });
  ctx.log.info({ assignmentId, dueDate: input.dueDate }, "assignment due date extended");
  return result;
}

/** The assignment's extensions, newest first, for anyone who sees the assignment (else 404). */
export async function listDueDateExtensions(ctx: OrgContext, assignmentId: string): Promise<{ items: DueDateExtensionOut[] }> {
  const db = getDb();
  const visible = await db.assignment.findFirst({ where: { AND: [{ id: assignmentId, organizationId: ctx.organization.id }, visibleAssignments(ctx)] }, select: { id: true } });
  if (!visible) throw notFound("assignment");
  const rows = await db.dueDateExtension.findMany({
    where: { organizationId: ctx.organization.id, assignmentId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // An assignment is extended a few times at most; the cap keeps a runaway loop from making a huge answer.
    take: 200,
    select: extensionSelect,
  });
  return { items: rows.map(toExtension) };
}
