/**
 * The activity feed: the latest events the caller may see (the rooms' rule,
 * lib/realtime/rooms.ts), newest first, each as a sentence with its actor and,
 * for an assignment's events, the hire and the item. Four statements whatever the
 * page: the events, their actors, their assignments, and (once per process) trees.
 * Pages go back by sequence (`before`): the sequence is gap-free and fixed at commit
 * (lib/db/events.ts), so a page boundary never skips or repeats an event, even while
 * new events arrive at the top.
 */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgContext } from "@/lib/http/handle";
import { personSchema } from "@/lib/assignments/schema";
import { progressTrees } from "@/lib/progress/version-trees";
import { isManagerRole } from "@/lib/authz/policy";
import { memberAssignmentIds } from "@/lib/realtime/rooms";

export const ACTIVITY_TYPES = ["progress.updated", "evidence.submitted", "evidence.reviewed", "comment.created", "assignment.created", "assignment.completed", "assignment.upgraded", "assignment.nudged", "assignment.overdue", "assignment.stuck"] as const;

export const activityQuerySchema = z.strictObject({
  limit: z.coerce.number().int("Use a whole number.").min(1, "Ask for at least 1.").max(100, "Ask for at most 100.").default(30),
  before: z.coerce
    .number({ message: "Use the nextBefore of the previous page." })
    .int("Use a whole number.")
    .min(1, "Use 1 or more.")
    .optional()
    .meta({ description: "The `nextBefore` of the previous page: only events with a smaller sequence. Omitted, the newest." }),
});
export type ActivityQuery = z.output<typeof activityQuerySchema>;

export const activitySchema = z.object({
  items: z.array(
    z.object({
      sequence: z.number(),
      type: z.enum(ACTIVITY_TYPES),
      at: z.date(),
      actor: personSchema.nullable(),
      assignmentId: z.string(),
      hire: personSchema.nullable(),
      itemTitle: z.string().nullable(),
      text: z.string().meta({ description: "What happened, in a sentence." }),
    }),
  ),
  nextBefore: z.number().nullable().meta({ description: "Pass as `before` for the next (older) page; null when there is none." }),
});

const nameOf = (person: { name: string | null; email: string } | null | undefined) => person?.name?.trim() || person?.email || "Someone";
const plural = (count: unknown, word: string) => (typeof count === "number" ? `${count} ${word}${count === 1 ? "" : "s"}` : `some ${word}s`);
const STATE_WORDS: Record<string, string> = { DONE: "done", IN_PROGRESS: "in progress", NOT_STARTED: "not started", NOT_APPLICABLE: "not applicable" };

function sentence(type: (typeof ACTIVITY_TYPES)[number], actor: string, item: string | null, payload: Record<string, unknown>): string {
  const what = item ? `“${item}”` : "an item";
  switch (type) {
    case "progress.updated":
      return `${actor} marked ${what} ${STATE_WORDS[String(payload.to)] ?? String(payload.to).toLowerCase()}.`;
    case "evidence.submitted":
      return `${actor} submitted evidence for ${what}.`;
    case "evidence.reviewed":
      return payload.decision === "APPROVE" ? `${actor} approved the evidence for ${what}.` : `${actor} asked for changes to the evidence for ${what}.`;
    case "comment.created":
      return `${actor} commented on ${what}.`;
    case "assignment.created":
      return `${actor} assigned the track.`;
    case "assignment.completed":
      return `The track was completed.`;
    case "assignment.upgraded":
      return `${actor} moved the assignment to a newer version of its track.`;
    case "assignment.nudged":
      return `${actor} sent the hire a nudge.`;
    // The hourly scan's (no actor): once when overdue and weekly after, once per stretch of being stuck.
    case "assignment.overdue":
      return `The track is overdue: ${plural(payload.daysLate, "day")} past its due day.`;
    case "assignment.stuck":
      return payload.inProgress === true ? `Stuck: an item has been in progress for ${plural(payload.stuckDays, "day")}.` : `Stuck: no progress for ${plural(payload.stuckDays, "day")}.`;
  }
}

export async function listActivity(ctx: OrgContext, { limit, before }: ActivityQuery) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const visible: Prisma.EventWhereInput = isManagerRole(ctx.membership.role) ? {} : { subjectId: { in: await memberAssignmentIds(ctx) } };
  const page = await db.event.findMany({
    where: { organizationId, subjectType: "assignment", type: { in: [...ACTIVITY_TYPES] }, ...visible, ...(before === undefined ? {} : { sequence: { lt: BigInt(before) } }) },
    orderBy: { sequence: "desc" },
    // One more than asked tells whether an older page exists without a count.
    take: limit + 1,
    select: { sequence: true, type: true, subjectId: true, payload: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
  });
  const events = page.slice(0, limit);
  const assignments = await db.assignment.findMany({
    where: { organizationId, id: { in: [...new Set(events.map((event) => event.subjectId))] } },
    select: { id: true, versionId: true, assignee: { select: { id: true, name: true, email: true } } },
  });
  const byId = new Map(assignments.map((assignment) => [assignment.id, assignment]));
  const trees = await progressTrees(prismaRunner(db), organizationId, assignments.map((assignment) => assignment.versionId));
  const titles = new Map([...trees].map(([versionId, tree]) => [versionId, new Map(tree.map((node) => [node.key, node.title]))]));
  return {
    items: events.map((event) => {
      const payload = (event.payload ?? {}) as Record<string, unknown>;
      const assignment = byId.get(event.subjectId);
      const key = typeof payload.key === "string" ? payload.key : null;
      const itemTitle = key && assignment ? (titles.get(assignment.versionId)?.get(key) ?? null) : null;
      const type = event.type as (typeof ACTIVITY_TYPES)[number];
      return {
        sequence: Number(event.sequence),
        type,
        at: event.createdAt,
        actor: event.actor,
        assignmentId: event.subjectId,
        hire: assignment?.assignee ?? null,
        itemTitle,
        text: sentence(type, nameOf(event.actor), itemTitle, payload),
      };
    }),
    nextBefore: page.length > limit ? Number(events.at(-1)!.sequence) : null,
  };
}
