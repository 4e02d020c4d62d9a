import { z } from "zod";
import { assignmentItemParamsSchema, assignmentsParamsSchema, countsSchema, itemProgressSchema, personSchema } from "@/lib/assignments/schema";
import { ASSIGNMENT_STATUSES } from "@/lib/assignments/schema";
import { decodeCreatedAtCursor } from "@/lib/http/cursor";
import { pageQueryFields } from "@/lib/http/pagination";
import { MARKDOWN_MAX_LENGTH } from "@/lib/markdown/render-markdown";
import { stableKeySchema } from "@/lib/tracks/edit-schema";
import { EVIDENCE_LINK_KINDS, evidenceLinkSchema } from "./evidence-link";
import { verificationSchema } from "./github/verification-out";

export const EVIDENCE_STATUSES = ["SUBMITTED", "APPROVED", "CHANGES_REQUESTED"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export const REVIEW_DECISIONS = ["APPROVE", "REQUEST_CHANGES"] as const;
export const REVIEW_QUEUE_PAGE_DEFAULT = 25;
export const REVIEW_QUEUE_PAGE_MAX = 100;

export const itemEvidenceParamsSchema = assignmentItemParamsSchema;
export const attemptParamsSchema = assignmentsParamsSchema.extend({ attemptId: z.cuid() });
export const fileParamsSchema = assignmentsParamsSchema.extend({ fileId: z.cuid() });

const markdownText = (what: string) =>
  z
    .string()
    .max(MARKDOWN_MAX_LENGTH, `Keep the ${what} under ${MARKDOWN_MAX_LENGTH.toLocaleString("en")} characters.`)
    .transform((text) => text.trim() || undefined);

/** A link, a note and/or files (multipart); at least one of them (checked with the files: lib/evidence/submit-evidence.ts). */
export const submitEvidenceSchema = z.strictObject({
  // An empty field of a form means "no link".
  link: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), evidenceLinkSchema.optional()).meta({
    description: "An http(s) address; GitHub and GitLab pull/merge requests and commits are recognised.",
  }),
  note: markdownText("note").optional().meta({ description: "Markdown, shown sanitized to the hire's mentors." }),
});
export type SubmitEvidenceInput = z.output<typeof submitEvidenceSchema>;

export const reviewEvidenceSchema = z
  .strictObject({
    decision: z.enum(REVIEW_DECISIONS),
    comment: markdownText("comment").optional().meta({ description: "Markdown; required when requesting changes." }),
  })
  .refine((body) => body.decision !== "REQUEST_CHANGES" || body.comment !== undefined, { message: "Say what should change.", path: ["comment"] });
export type ReviewEvidenceInput = z.output<typeof reviewEvidenceSchema>;

export const evidenceLinkOutSchema = z.object({
  url: z.string(),
  kind: z.enum(EVIDENCE_LINK_KINDS),
  label: z.string().meta({ description: "How to show it: acme/api#42 for a pull request, the address otherwise." }),
});

export const attemptSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  stableKey: z.string(),
  number: z.number().meta({ description: "1 for the first attempt at this item, then 2, 3… for each resubmission." }),
  status: z.enum(EVIDENCE_STATUSES),
  link: evidenceLinkOutSchema.nullable(),
  note: z.string().nullable(),
  noteHtml: z.string().nullable().meta({ description: "The note rendered to sanitized HTML." }),
  files: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mime: z.string().meta({ description: "The type its content was recognised as." }),
      size: z.number(),
      url: z.string().meta({ description: "The download (an attachment, for those who see the assignment)." }),
    }),
  ),
  submittedBy: personSchema,
  submittedAt: z.date(),
  verification: verificationSchema.nullable(),
  review: z
    .object({
      reviewer: personSchema.nullable(),
      at: z.date(),
      comment: z.string().nullable(),
      commentHtml: z.string().nullable(),
    })
    .nullable(),
});
export type AttemptOut = z.output<typeof attemptSchema>;

export const itemEvidenceSchema = z.object({
  items: z.array(attemptSchema).meta({ description: "Every attempt at the item, newest first." }),
  canSubmit: z.boolean().meta({ description: "Whether the caller may submit an attempt now (the assignee, with none waiting or approved)." }),
  canReview: z.boolean().meta({ description: "Whether the caller may review the waiting attempt (one of the mentors or an admin, not its author)." }),
});

export const assignmentProgressSchema = z.object({ id: z.string(), status: z.enum(ASSIGNMENT_STATUSES), progress: countsSchema });

export const reviewResultSchema = z.object({
  attempt: attemptSchema,
  item: itemProgressSchema.nullable().meta({ description: "The item's progress after an approval (DONE); null when changes were requested." }),
  assignment: assignmentProgressSchema,
});

export const reviewQueueQuerySchema = z.strictObject({
  ...pageQueryFields({ noun: "attempt", max: REVIEW_QUEUE_PAGE_MAX, default: REVIEW_QUEUE_PAGE_DEFAULT, decode: decodeCreatedAtCursor }),
  assigneeId: z.string().min(1).max(64).optional(),
  trackId: z.cuid().optional(),
  sectionKey: stableKeySchema.optional().meta({ description: "Only items under this section (by stable key)." }),
  overdue: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "`true`: only attempts waiting more working days than the organization's review target." }),
});
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

export const reviewQueueEntrySchema = z.object({
  attempt: attemptSchema,
  assignment: z.object({ id: z.string(), track: z.object({ id: z.string(), title: z.string() }), assignee: personSchema }),
  item: z.object({ key: z.string(), title: z.string(), section: z.object({ key: z.string(), title: z.string() }).nullable() }),
  waiting: z.object({
    workingDays: z.number().meta({ description: "Working days (Monday to Friday, UTC) since the day it was submitted." }),
    overdue: z.boolean().meta({ description: "Waiting more working days than the organization's review target." }),
  }),
});
export type ReviewQueueEntry = z.output<typeof reviewQueueEntrySchema>;

export const reviewQueueSchema = z.object({
  items: z.array(reviewQueueEntrySchema).meta({ description: "Waiting attempts, oldest first." }),
  nextCursor: z.string().nullable(),
  total: z.number().meta({ description: "How many attempts wait for the caller with these filters." }),
  reviewTargetDays: z.number().meta({ description: "The organization's review target in working days." }),
  overdueCount: z.number().meta({ description: "How many of the waiting attempts (with the other filters) are past the target." }),
});

export const BULK_APPROVE_MAX = 100;

export const bulkApproveSchema = z
  .strictObject({
    attemptIds: z.array(z.cuid()).min(1, "Choose at least one attempt.").max(BULK_APPROVE_MAX, `Approve at most ${BULK_APPROVE_MAX} at once.`).optional(),
    assignmentId: z.cuid().optional().meta({ description: "With sectionKey: every waiting attempt of this hire's assignment under the section." }),
    sectionKey: stableKeySchema.optional(),
  })
  .refine((body) => (body.attemptIds !== undefined) !== (body.assignmentId !== undefined && body.sectionKey !== undefined), {
    message: "Send attemptIds, or assignmentId with sectionKey.",
    path: ["attemptIds"],
  });
export type BulkApproveInput = z.output<typeof bulkApproveSchema>;

export const bulkApproveResultSchema = z.object({
  approved: z.array(attemptSchema).meta({ description: "The attempts approved, in order." }),
  assignments: z.array(assignmentProgressSchema).meta({ description: "Each assignment touched, as it is now." }),
});
