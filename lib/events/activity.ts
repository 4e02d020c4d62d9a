/**
 * The activity feed: the latest events the caller may see (the rooms' rule,
 * lib/realtime/rooms.ts), newest first, as lines (activity-lines.ts: a person's
 * rapid changes in one section are one line; a review or a submission is one line,
 * the progress change it made being part of it), each with its actor and, for an
 * assignment's events, the hire and the item to open. Pages go back by sequence
 * (`before`): the sequence is gap-free and fixed at commit (lib/db/events.ts), and a
 * line ends where its neighbour rule says, whatever the page, so a page boundary never
 * splits, skips or repeats a line, even while new events arrive at the top. The log is
 * read in batches until the page's last line is known to be complete (the next event
 * starts another line, or the log ends): four statements a batch (the events, their
 * actors, their assignments, and once per process the trees), one batch as a rule.
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
import { ACTIVITY_TYPES, foldIntoLines, lineSentence } from "./activity-lines";
import type { ActivityEvent, ActivityType, ItemPlace } from "./activity-lines";

export { ACTIVITY_TYPES };

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
      sequence: z.number().meta({ description: "The line's first (oldest) event; pass it as `before` to read what came before it." }),
      lastSequence: z.number().meta({ description: "The line's newest event (the same as `sequence` for a line of one event)." }),
      events: z.number().meta({ description: "How many events the line stands for (a person's rapid changes in one section are one line)." }),
      type: z.enum(ACTIVITY_TYPES).meta({ description: "The newest event's type." }),
      at: z.date().meta({ description: "When the newest event happened." }),
      actor: personSchema.nullable(),
      assignmentId: z.string(),
      hire: personSchema.nullable(),
      itemKey: z.string().nullable().meta({ description: "The stable key of the item the line is about (the newest event's), to open it; null for the assignment's own events." }),
      itemTitle: z.string().nullable(),
      text: z.string().meta({ description: "What happened, in a sentence." }),
    }),
  ),
  nextBefore: z.number().nullable().meta({ description: "Pass as `before` for the next (older) page; null when there is none." }),
});

const nameOf = (person: { name: string | null; email: string } | null | undefined) => person?.name?.trim() || person?.email || "Someone";

type Person = { id: string; name: string | null; email: string };
type Assignment = { id: string; versionId: string; assignee: Person };

/** Events read per batch: enough for a page of lines unless people changed many items in a row. */
const batchSize = (limit: number) => Math.min(4 * limit + 1, 400);

export async function listActivity(ctx: OrgContext, { limit, before }: ActivityQuery) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const visible: Prisma.EventWhereInput = isManagerRole(ctx.membership.role) ? {} : { subjectId: { in: await memberAssignmentIds(ctx) } };
  const assignments = new Map<string, Assignment>();
  const actors = new Map<string, Person | null>();
  const titles = new Map<string, Map<string, ItemPlace>>();
  const placeOf = (assignmentId: string, key: string) => {
    const assignment = assignments.get(assignmentId);
    return (assignment && titles.get(assignment.versionId)?.get(key)) ?? null;
  };

  const lines: ActivityEvent[][] = [];
  let cursor = before;
  let more = false;
  for (;;) {
    const take = batchSize(limit);
    const batch = await db.event.findMany({
      where: {
        organizationId,
        subjectType: "assignment",
        type: { in: [...ACTIVITY_TYPES] },
        ...visible,
        ...(cursor === undefined ? {} : { sequence: { lt: BigInt(cursor) } }),
      },
      orderBy: { sequence: "desc" },
      take,
      select: { sequence: true, type: true, subjectId: true, payload: true, createdAt: true, actorId: true, actor: { select: { id: true, name: true, email: true } } },
    });
    await loadPlaces(ctx, batch.map((event) => event.subjectId), assignments, titles);
    const events = batch.map((event): ActivityEvent => {
      actors.set(event.actorId ?? "", event.actor);
      return { sequence: Number(event.sequence), type: event.type as ActivityType, at: event.createdAt, actorId: event.actorId, assignmentId: event.subjectId, payload: (event.payload ?? {}) as Record<string, unknown> };
    });
    // The progress change a submission or a review made is told by that event's own line (one review, one line).
    foldIntoLines(lines, events.filter((event) => !(event.type === "progress.updated" && event.payload.via === "evidence")), placeOf);
    // A line after the page's last one proves that one complete, and that older activity exists.
    if (lines.length > limit) {
      more = true;
      break;
    }
    if (batch.length < take) break;
    cursor = events.at(-1)!.sequence;
  }

  const page = lines.slice(0, limit);
  return {
    items: page.map((line) => {
      const newest = line[0]!;
      const oldest = line.at(-1)!;
      const assignment = assignments.get(newest.assignmentId);
      const actor = newest.actorId === null ? null : (actors.get(newest.actorId) ?? null);
      const itemKey = typeof newest.payload.key === "string" ? newest.payload.key : null;
      return {
        sequence: oldest.sequence,
        lastSequence: newest.sequence,
        events: line.length,
        type: newest.type,
        at: newest.at,
        actor,
        assignmentId: newest.assignmentId,
        hire: assignment?.assignee ?? null,
        itemKey,
        itemTitle: itemKey ? (placeOf(newest.assignmentId, itemKey)?.title ?? null) : null,
        text: lineSentence(line, nameOf(actor), placeOf),
      };
    }),
    nextBefore: more ? page.at(-1)!.at(-1)!.sequence : null,
  };
}

/** The assignments not read yet and their versions' items (title and the node grouping them). */
async function loadPlaces(ctx: OrgContext, assignmentIds: string[], assignments: Map<string, Assignment>, places: Map<string, Map<string, ItemPlace>>) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const missing = [...new Set(assignmentIds)].filter((id) => !assignments.has(id));
  if (missing.length === 0) return;
  const read = await db.assignment.findMany({
    where: { organizationId, id: { in: missing } },
    select: { id: true, versionId: true, assignee: { select: { id: true, name: true, email: true } } },
  });
  for (const assignment of read) assignments.set(assignment.id, assignment);
  const versions = read.map((assignment) => assignment.versionId).filter((versionId) => !places.has(versionId));
  if (versions.length === 0) return;
  const trees = await progressTrees(prismaRunner(db), organizationId, versions);
  for (const [versionId, tree] of trees) {
    const byKey = new Map(tree.map((node) => [node.key, node]));
    places.set(
      versionId,
      new Map(
        tree.map((node) => {
          const parent = node.parentKey === null ? undefined : byKey.get(node.parentKey);
          // The node that groups the item (a section, or an item with children): what a run of changes is "in".
          return [node.key, { title: node.title, section: parent ? { key: parent.key, title: parent.title } : null }];
        }),
      ),
    );
  }
}
