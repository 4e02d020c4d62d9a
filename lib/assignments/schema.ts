import { z } from "zod";
import { calendarDaySchema } from "@/lib/http/calendar-day";
import { decodeCreatedAtCursor } from "@/lib/http/cursor";
import { pageQueryFields } from "@/lib/http/pagination";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { stableKeySchema } from "@/lib/tracks/edit-schema";
import { trackNodeSchema } from "@/lib/tracks/schema";
import { versionDiffSchema } from "@/lib/tracks/diff-schema";

export const ASSIGNMENTS_PAGE_DEFAULT = 25;
export const ASSIGNMENTS_PAGE_MAX = 100;
/** A cohort is assigned in one request. */
export const MAX_COHORT = 200;
export const MAX_MENTORS = 10;
export const MAX_NOTE = 10_000;

export const assignmentsParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });
export const assignmentParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, assignmentId: z.cuid() });
export const assignmentItemParamsSchema = assignmentParamsSchema.extend({ key: stableKeySchema });

export const userIdSchema = z.string().min(1).max(64);
/** A calendar day, as the organization plans in days rather than instants. */
const daySchema = calendarDaySchema();

export const createAssignmentsSchema = z
  .strictObject({
    trackId: z.cuid(),
    versionNumber: z.number().int().min(1).optional().meta({ description: "A published version; the latest published one when omitted." }),
    assigneeIds: z
      .array(userIdSchema)
      .min(1, "Choose at least one person.")
      .max(MAX_COHORT, `Assign at most ${MAX_COHORT} people at once.`)
      .meta({ description: "User ids of active members: one person or a cohort." }),
    mentorIds: z.array(userIdSchema).min(1, "Choose at least one mentor.").max(MAX_MENTORS, `At most ${MAX_MENTORS} mentors.`),
    startDate: daySchema.optional().meta({ description: "Today (UTC) when omitted." }),
    dueDate: daySchema.optional(),
    skippedKeys: z.array(stableKeySchema).max(1000).default([]).meta({ description: "Stable keys of branches that do not apply: each node and everything under it." }),
  })
  .superRefine((body, ctx) => {
    if (body.dueDate && body.startDate && body.dueDate < body.startDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date is on or after the start date." });
    if (new Set(body.assigneeIds).size !== body.assigneeIds.length) ctx.addIssue({ code: "custom", path: ["assigneeIds"], message: "Each person once." });
    if (new Set(body.mentorIds).size !== body.mentorIds.length) ctx.addIssue({ code: "custom", path: ["mentorIds"], message: "Each mentor once." });
  });
export type CreateAssignmentsInput = z.output<typeof createAssignmentsSchema>;

export const ASSIGNMENT_STATUSES = ["ACTIVE", "COMPLETED", "ARCHIVED"] as const;

export const listAssignmentsQuerySchema = z.strictObject({
  ...pageQueryFields({ noun: "assignment", max: ASSIGNMENTS_PAGE_MAX, default: ASSIGNMENTS_PAGE_DEFAULT, decode: decodeCreatedAtCursor }),
  assigneeId: userIdSchema.optional(),
  mentorId: userIdSchema.optional(),
  trackId: z.cuid().optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional().meta({ description: "ACTIVE and COMPLETED when omitted; archived ones only when asked for." }),
  overdue: z.enum(["true", "false"]).transform((value) => value === "true").optional().meta({ description: "Active assignments past their due date (or the others)." }),
});
export type ListAssignmentsQuery = z.output<typeof listAssignmentsQuerySchema>;

export const updateAssignmentSchema = z
  .strictObject({
    mentorIds: z.array(userIdSchema).min(1, "Choose at least one mentor.").max(MAX_MENTORS).optional(),
    dueDate: daySchema.nullable().optional(),
    archived: z.boolean().optional().meta({ description: "true archives the assignment; false brings it back." }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "Send at least one field to change.");
export type UpdateAssignmentInput = z.output<typeof updateAssignmentSchema>;

export const PROGRESS_STATES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"] as const;

const notApplicableReasonSchema = z.string().trim().min(1, "Say why it does not apply.").max(500);

export const bulkUpdateItemsSchema = z
  .strictObject({
    keys: z.array(stableKeySchema).min(1, "List at least one item.").max(1000, "At most 1,000 items at once."),
    state: z.enum(PROGRESS_STATES),
    notApplicableReason: notApplicableReasonSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.state === "NOT_APPLICABLE" && !body.notApplicableReason) ctx.addIssue({ code: "custom", path: ["notApplicableReason"], message: "Say why these items do not apply." });
  });
export type BulkUpdateItemsInput = z.output<typeof bulkUpdateItemsSchema>;

const linkSchema = z.strictObject({
  title: z.string().trim().max(200).optional(),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "A link is an http:// or https:// address."),
});

export const updateItemSchema = z
  .strictObject({
    state: z.enum(PROGRESS_STATES).optional(),
    notApplicableReason: notApplicableReasonSchema.optional(),
    note: z.string().max(MAX_NOTE).transform((text) => text.trim() || null).nullable().optional().meta({ description: "Markdown, seen by the hire and their mentors; empty clears it." }),
    links: z.array(linkSchema).max(20).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "Send at least one field to change.");
export type UpdateItemInput = z.output<typeof updateItemSchema>;

export const personSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() });
/** An assignment's counts (lib/progress): over items only, the leaves; topics and sections never count (decision 0040). */
export const countsSchema = z
  .object({
    total: z.number().meta({ description: "Counted items: the items (leaves) neither skipped nor not applicable; what `percent` is out of." }),
    done: z.number().meta({ description: "Counted items done." }),
    inProgress: z.number().meta({ description: "Counted items in progress." }),
    notApplicable: z.number().meta({ description: "Items marked not applicable by the hire (or under a topic they marked): not counted." }),
    skipped: z.number().meta({ description: "Items in branches skipped when the track was assigned: not counted." }),
    percent: z.number().meta({ description: "floor(100 · done / total); 100 when every item is skipped or not applicable." }),
  })
  .meta({ description: "Items only (nodes without children): `total + skipped + notApplicable` is every item of the version." });

export const assignmentSummarySchema = z.object({
  id: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  track: z.object({ id: z.string(), title: z.string() }),
  version: z.object({ id: z.string(), number: z.number() }),
  assignee: personSchema,
  mentors: z.array(personSchema),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  skippedKeys: z.array(z.string()),
  completedAt: z.date().nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  progress: countsSchema,
});
export type AssignmentSummary = z.output<typeof assignmentSummarySchema>;

export const assignmentPageSchema = z.object({ items: z.array(assignmentSummarySchema), nextCursor: z.string().nullable() });
export const createdAssignmentsSchema = z.object({ items: z.array(assignmentSummarySchema) });

export const itemProgressSchema = z.object({
  stableKey: z.string(),
  state: z.enum(PROGRESS_STATES),
  notApplicableReason: z.string().nullable(),
  note: z.string().nullable().meta({ description: "Seen only by the hire and their mentors; null for anyone else." }),
  links: z.array(z.object({ title: z.string().optional(), url: z.string() })),
  updatedAt: z.date(),
  archived: z.boolean().meta({ description: "The item is not in the assignment's version any more (after an upgrade): kept, not counted." }),
});
export type ItemProgressOut = z.output<typeof itemProgressSchema>;

export const upgradeNoticeSchema = z
  .object({
    fromNumber: z.number(),
    toNumber: z.number(),
    added: z.number().meta({ description: "Nodes the new version added." }),
    removed: z.number().meta({ description: "Nodes the new version removed." }),
    renamed: z.number(),
    moved: z.number(),
    archived: z.array(z.object({ stableKey: z.string(), title: z.string(), state: z.enum(PROGRESS_STATES) })).meta({ description: "The hire's progress on removed items: kept in history, no longer counted." }),
    upgradedAt: z.iso.datetime(),
  })
  .meta({ description: "What the last upgrade made by someone else changed, until the hire dismisses it." });
export type UpgradeNotice = z.output<typeof upgradeNoticeSchema>;

export const assignmentDetailSchema = z.object({
  assignment: assignmentSummarySchema,
  nodes: z.array(trackNodeSchema).meta({ description: "The version's tree in pre-order." }),
  progress: z.array(itemProgressSchema).meta({ description: "Items that left NOT_STARTED or carry a note; the rest are NOT_STARTED." }),
  evidence: z
    .record(z.string(), z.enum(["SUBMITTED", "APPROVED", "CHANGES_REQUESTED"]))
    .meta({
      description:
        "Each item's latest evidence attempt status by stable key (SUBMITTED: waiting for review); items without attempts are absent. The attempts themselves are at `GET …/items/{key}/evidence`.",
    }),
  sections: z.array(z.object({ key: z.string(), counts: countsSchema })),
  nextUp: z.array(z.object({ key: z.string(), title: z.string(), state: z.enum(PROGRESS_STATES) })),
  archivedItems: z
    .array(z.object({ stableKey: z.string(), title: z.string() }))
    .meta({ description: "Items with archived progress (gone from this version after an upgrade), with their last title: their progress rows are in `progress` with `archived: true`." }),
  upgradeNotice: upgradeNoticeSchema.nullable().meta({ description: "For the assignee only (null for anyone else): what the last upgrade someone else made changed, until dismissed." }),
  newerVersion: z
    .object({ number: z.number() })
    .nullable()
    .meta({ description: "The track's latest published version when it is newer than the assignment's (`GET …/upgrade` previews the move); null when the assignment is on it." }),
});

export const itemUpdateResultSchema = z.object({
  item: itemProgressSchema,
  assignment: z.object({ id: z.string(), status: z.enum(ASSIGNMENT_STATUSES), progress: countsSchema }),
});

export const bulkUpdateResultSchema = z.object({
  items: z.array(itemProgressSchema).meta({ description: "Every listed item as it is now." }),
  assignment: itemUpdateResultSchema.shape.assignment,
});

export const itemHistorySchema = z.object({
  items: z
    .array(
      z.object({
        at: z.date(),
        actor: personSchema.nullable(),
        from: z.enum(PROGRESS_STATES),
        to: z.enum(PROGRESS_STATES),
        noteChanged: z.boolean(),
        linksChanged: z.boolean(),
      }),
    )
    .meta({ description: "Newest first (at most 200)." }),
});

export const upgradeQuerySchema = z.strictObject({
  to: z.coerce.number().int().min(1).max(1_000_000).optional().meta({ description: "A published version number; the latest published one when omitted." }),
});

export const upgradeSchema = z.strictObject({
  toVersionNumber: z.number().int().min(1).meta({ description: "The version the preview showed: applying never moves further than what was previewed." }),
});
export type UpgradeInput = z.output<typeof upgradeSchema>;

const progressMoveSchema = z.object({ stableKey: z.string(), title: z.string(), state: z.enum(PROGRESS_STATES), hasNote: z.boolean() });

const upgradeOutcomeFields = {
  from: z.object({ number: z.number() }),
  to: z.object({ number: z.number() }),
  progress: z.object({
    kept: z.number().meta({ description: "Progress rows whose item is in the new version (renamed or moved ones included)." }),
    archived: z.array(progressMoveSchema).meta({ description: "Progress on items the new version no longer has: kept and shown, no longer counted." }),
    restored: z.array(progressMoveSchema).meta({ description: "Archived progress whose item the new version brings back." }),
  }),
  skippedDropped: z.array(z.string()).meta({ description: "Skipped branches that the new version no longer has." }),
};

export const upgradePreviewSchema = z.object({ ...upgradeOutcomeFields, diff: versionDiffSchema });
export const upgradeResultSchema = z.object({ ...upgradeOutcomeFields, assignment: itemUpdateResultSchema.shape.assignment });

// ── The hire's notice of an upgrade, and upgrading many hires from the track ──

export const upgradeNoticeResultSchema = z.object({ upgradeNotice: z.null() });

export const TRACK_UPGRADE_MAX = 200;

export const trackUpgradeParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, trackId: z.cuid() });

export const trackUpgradeCandidatesSchema = z.object({
  track: z.object({ id: z.string(), title: z.string() }),
  latest: z.object({ number: z.number() }).nullable().meta({ description: "The latest published version; null when none is published." }),
  assignments: z
    .array(
      z.object({
        id: z.string(),
        assignee: personSchema,
        from: z.object({ number: z.number() }),
        changes: z.object({ added: z.number(), removed: z.number(), renamed: z.number(), moved: z.number() }).meta({ description: "The version diff from the hire's version to the latest." }),
        progress: z.object({
          kept: z.number().meta({ description: "Progress rows whose item is in the latest version (renamed and moved ones included)." }),
          archived: z.array(z.object({ stableKey: z.string(), title: z.string(), state: z.enum(PROGRESS_STATES) })).meta({ description: "Progress on items the latest version no longer has: kept in history, not counted." }),
          restored: z.number().meta({ description: "Archived progress the latest version brings back." }),
        }),
      }),
    )
    .meta({ description: "Every active assignment of the track on an older version than the latest, the oldest version first." }),
});

export const trackUpgradeSchema = z.strictObject({
  toVersionNumber: z.number().int().min(1).max(1_000_000).meta({ description: "The version the list showed: no hire is moved further than that." }),
  assignmentIds: z
    .array(z.cuid())
    .min(1, "Choose at least one hire.")
    .max(TRACK_UPGRADE_MAX, `Upgrade at most ${TRACK_UPGRADE_MAX} hires at once.`)
    .refine((ids) => new Set(ids).size === ids.length, "List each assignment once."),
});
export type TrackUpgradeInput = z.output<typeof trackUpgradeSchema>;

export const TRACK_UPGRADE_OUTCOMES = ["upgraded", "not_found", "conflict", "failed"] as const;

export const trackUpgradeResultSchema = z.object({
  upgraded: z.number(),
  failed: z.number().meta({ description: "Every outcome other than `upgraded`." }),
  results: z
    .array(
      z.object({
        assignmentId: z.string(),
        outcome: z.enum(TRACK_UPGRADE_OUTCOMES).meta({
          description: "`not_found`: no such assignment on this track (another organization's ids included); `conflict`: already on that version or newer, or archived; `failed`: it could not be saved (nothing changed for that hire).",
        }),
        message: z.string().nullable(),
        assignee: personSchema.nullable(),
        from: z.object({ number: z.number() }).nullable(),
        to: z.object({ number: z.number() }).nullable(),
        progress: z.object({ kept: z.number(), archived: z.number(), restored: z.number() }).nullable(),
      }),
    )
    .meta({ description: "One per listed id, in the order sent." }),
});
