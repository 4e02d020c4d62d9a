/**
 * A nudge (decision 0029): a short plain-text message from a manager or the
 * hire's mentor to the hire, at most one per hire per UTC day from anyone (a
 * ReminderSend row keyed "nudge:<day>", so two racing nudges cannot both pass),
 * recorded as `assignment.nudged` (activity, audit), told in the app at once
 * and by email after the hire's quiet hours.
 */
import { z } from "zod";
import { visibleAssignments } from "@/lib/assignments/access";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { prismaRunner, sql } from "@/lib/db/sql";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { quietHoursEnd } from "./quiet-hours";
import { reminderEmailJob } from "./reminder-email-job";

export const NUDGE_MAX_LENGTH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

// Control characters other than line breaks and tabs have no place in a plain-text note (NUL is refused by the gate already).
const hasControl = (text: string) => [...text].some((char) => {
  const code = char.codePointAt(0)!;
  return (code < 0x20 && char !== "\n" && char !== "\r" && char !== "\t") || code === 0x7f;
});

export const nudgeSchema = z.strictObject({
  message: z
    .string({ message: "Write a short message." })
    .trim()
    .min(1, "Write a short message.")
    .max(NUDGE_MAX_LENGTH, `Keep it to ${NUDGE_MAX_LENGTH} characters.`)
    .refine((text) => !hasControl(text), "Use plain text, without control characters.")
    .meta({ description: `Plain text, 1–${NUDGE_MAX_LENGTH} characters after trimming; shown and emailed as typed (never as HTML).` }),
});

export const nudgeResultSchema = z.object({
  id: z.string().meta({ description: "The hire's notification." }),
  assignmentId: z.string(),
  sentAt: z.date(),
  nextAllowedAt: z.date().meta({ description: "When this hire can be nudged again (the next UTC midnight)." }),
});

/** The next UTC midnight after `now`: when the day's nudge is spent. */
export const nextNudgeAt = (now: Date) => new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);

async function nudgeable(db: Pick<ReturnType<typeof getDb>, "assignment">, ctx: OrgContext, assignmentId: string) {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, ...visibleAssignments(ctx) },
    select: { id: true, assigneeId: true, status: true, track: { select: { title: true } }, assignee: { select: { name: true, email: true, timeZone: true, emailOnNudge: true } } },
  });
  // Not a manager and not their mentor: the assignment does not exist for the caller.
  if (!assignment) throw notFound("assignment");
  if (assignment.assigneeId === ctx.user.id) throw forbidden("Nobody nudges themselves.");
  return assignment;
}

/** The endpoint's object-level check, before the body is read. */
export async function assertMayNudge(ctx: OrgContext, assignmentId: string): Promise<void> {
  await nudgeable(getDb(), ctx, assignmentId);
}

export async function nudgeHire(ctx: OrgContext, assignmentId: string, input: z.output<typeof nudgeSchema>, now = new Date()) {
  const organizationId = ctx.organization.id;
  return getDb().$transaction(async (tx) => {
    const assignment = await nudgeable(tx, ctx, assignmentId);
    const hireName = assignment.assignee.name?.trim() || assignment.assignee.email;
    if (assignment.status !== "ACTIVE") throw new AppError("CONFLICT", `This assignment is ${assignment.status.toLowerCase()}: only an active one can be nudged.`);
    const member = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId: assignment.assigneeId } }, select: { status: true } });
    if (member?.status !== "ACTIVE") throw new AppError("CONFLICT", `${hireName} is not an active member of this organization.`);

    const day = now.toISOString().slice(0, 10);
    const at = now.toISOString().slice(0, 23);
    const [claimed] = await prismaRunner(tx).rows<{ key: string }>(sql`
      INSERT INTO "ReminderSend" ("organizationId", "userId", key, kind, "assignmentId", "createdAt")
      VALUES (${organizationId}, ${assignment.assigneeId}, ${`nudge:${day}`}, 'nudge', ${assignment.id}, ${at}::timestamp)
      ON CONFLICT DO NOTHING RETURNING key`);
    const nextAllowedAt = nextNudgeAt(now);
    if (!claimed) {
      const retryAfterSeconds = Math.max(1, Math.ceil((nextAllowedAt.getTime() - now.getTime()) / 1000));
      throw new AppError("RATE_LIMITED", `${hireName} was already nudged today. You can nudge them again from ${nextAllowedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`, {
        retryAfterSeconds,
        nextAllowedAt: nextAllowedAt.toISOString(),
      });
    }
    const notification = await tx.notification.create({
      data: {
        organizationId,
        userId: assignment.assigneeId,
        type: "nudge",
        actorId: ctx.user.id,
        assignmentId: assignment.id,
        stableKey: "",
        payload: { trackTitle: assignment.track.title, role: "hire", message: input.message },
        createdAt: now,
      },
      select: { id: true },
    });
    if (assignment.assignee.emailOnNudge) {
      const start = quietHoursEnd(now, assignment.assignee.timeZone);
      await enqueueMany(tx, reminderEmailJob, [{ payload: { notificationId: notification.id }, ...(start > now ? { startAfter: start } : {}) }]);
    }
    // The message stays between sender and hire: the log (activity, audit) records that a nudge was sent and its length.
    await recordEvent(tx, {
      organizationId,
      type: "assignment.nudged",
      actorId: ctx.user.id,
      subjectType: "assignment",
      subjectId: assignment.id,
      payload: { assignmentId: assignment.id, assigneeId: assignment.assigneeId, length: input.message.length },
    });
    ctx.log.info({ assignmentId }, "hire nudged");
    return { id: notification.id, assignmentId: assignment.id, sentAt: now, nextAllowedAt };
  });
}
