import { z } from "zod";
import { assignmentItemParamsSchema, assignmentsParamsSchema, personSchema } from "@/lib/assignments/schema";
import { decodeCreatedAtCursor } from "@/lib/http/cursor";
import { pageQueryFields } from "@/lib/http/pagination";
import { MARKDOWN_MAX_LENGTH } from "@/lib/markdown/render-markdown";

/** How long the author may still change a comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;

export const itemCommentsParamsSchema = assignmentItemParamsSchema;
export const commentParamsSchema = assignmentsParamsSchema.extend({ commentId: z.cuid() });

export const COMMENTS_PAGE_DEFAULT = 30;
export const COMMENTS_PAGE_MAX = 100;

export const listItemCommentsQuerySchema = z.strictObject({
  ...pageQueryFields({ noun: "comment", max: COMMENTS_PAGE_MAX, default: COMMENTS_PAGE_DEFAULT, decode: decodeCreatedAtCursor }),
});
export type ListItemCommentsQuery = z.output<typeof listItemCommentsQuerySchema>;

export const commentBodySchema = z.strictObject({
  body: z
    .string()
    .max(MARKDOWN_MAX_LENGTH, `Keep a comment under ${MARKDOWN_MAX_LENGTH.toLocaleString("en")} characters.`)
    .transform((text) => text.trim())
    .refine((text) => text.length > 0, "Write something first.")
    .meta({ description: "Markdown, shown sanitized." }),
});
export type CommentBodyInput = z.output<typeof commentBodySchema>;

export const commentSchema = z.object({
  id: z.string(),
  author: personSchema,
  body: z.string().nullable().meta({ description: "Markdown; null once deleted." }),
  bodyHtml: z.string().nullable().meta({ description: "body as sanitized HTML, ready to insert; null once deleted." }),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deleted: z.boolean(),
  editableUntil: z.date().nullable().meta({ description: "Until when the caller may edit it; null when they may not." }),
  canDelete: z.boolean(),
});
export type CommentOut = z.output<typeof commentSchema>;

export const commentPageSchema = z.object({
  items: z.array(commentSchema).meta({ description: "Newest first (by creation time, then id)." }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the older comments; null when there are none." }),
});
