import { z } from "zod";
import { assignmentItemParamsSchema, assignmentsParamsSchema, personSchema } from "@/lib/assignments/schema";
import { MARKDOWN_MAX_LENGTH } from "@/lib/markdown/render-markdown";

/** How long the author may still change a comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;

export const itemCommentsParamsSchema = assignmentItemParamsSchema;
export const commentParamsSchema = assignmentsParamsSchema.extend({ commentId: z.cuid() });

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
  bodyHtml: z.string().nullable(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deleted: z.boolean(),
  editableUntil: z.date().nullable().meta({ description: "Until when the caller may edit it; null when they may not." }),
  canDelete: z.boolean(),
});
export type CommentOut = z.output<typeof commentSchema>;

export const commentListSchema = z.object({ items: z.array(commentSchema).meta({ description: "Oldest first." }) });
