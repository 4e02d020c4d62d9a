/**
 * Input and output shapes of the editor's endpoints: renaming a track and
 * adding, changing, moving and deleting a draft's nodes.
 */
import { z } from "zod";
import { MAX_DUE_DAYS, MAX_DUE_WEEKS, MAX_OUTLINE_ITEMS, splitDueMarker } from "@/lib/outline";
import { trackNodeSchema, versionParamsSchema, versionSummarySchema } from "./schema";

export const MAX_NODE_TITLE = 300;
export const MAX_NODE_DESCRIPTION = 10_000;
export const MAX_RESOURCES = 20;
export const MAX_ESTIMATED_MINUTES = 100_000;

/** Stable keys are made by the server (base64url); a restored node brings its old one back. */
export const stableKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "A node key is 8 to 64 letters, digits, - or _.")
  .meta({ description: "A node's stable key (`stableKey`)." });

export const nodeParamsSchema = versionParamsSchema.extend({ key: stableKeySchema });

// One line, no surrounding whitespace: what the text format can write back (lib/outline/serialize.ts).
export const nodeTitleSchema = z
  .string()
  .trim()
  .min(1, "A title has at least 1 character.")
  .max(MAX_NODE_TITLE, `A title has at most ${MAX_NODE_TITLE} characters.`)
  .regex(/^[^\r\n]*$/, "A title is one line.")
  .refine((title) => !/^={3,}$/.test(title), "A title cannot be only “=” signs.")
  // The text format would read such a title back as a due (lib/outline/due-marker.ts).
  .refine((title) => splitDueMarker(title).kind === "none", "Set the due date in the Due field, not at the end of the title.");

/** A relative due as the editor sends it; null clears it (decision 0030). */
export const dueInputSchema = z
  .strictObject({
    unit: z.enum(["day", "week"]),
    count: z.number().int("A due is a whole number of days or weeks.").min(1, "Days and weeks count from 1."),
  })
  .superRefine((due, ctx) => {
    const max = due.unit === "day" ? MAX_DUE_DAYS : MAX_DUE_WEEKS;
    if (due.count > max) ctx.addIssue({ code: "custom", path: ["count"], message: `At most ${due.unit} ${max.toLocaleString("en")}.` });
  })
  .meta({ description: "Due on day `count` of the assignment (day 1 is its start date) or at the end of its week `count`; null clears it." });

const descriptionSchema = z
  .string()
  .max(MAX_NODE_DESCRIPTION, `A description has at most ${MAX_NODE_DESCRIPTION.toLocaleString("en")} characters.`)
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .transform((text) => (text === "" ? null : text))
  .nullable()
  .meta({ description: "Markdown; an empty string clears it." });

const httpUrlSchema = z
  .string()
  .trim()
  .max(2000, "A link has at most 2,000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "A link is an http:// or https:// address.");

export const resourceInputSchema = z.strictObject({
  title: z.string().trim().max(200, "A link title has at most 200 characters.").optional(),
  url: httpUrlSchema,
});

const nodeFields = {
  description: descriptionSchema.optional(),
  optional: z.boolean().optional(),
  evidenceRequired: z.boolean().optional().meta({ description: "The item is done only when evidence for it is approved." }),
  verificationRequired: z
    .boolean()
    .optional()
    .meta({ description: "Evidence for the item is approved only once GitHub verified it: a pull request or commit of the hire's linked account (decision 0034)." }),
  estimatedMinutes: z.number().int("Minutes are a whole number.").min(1, "At least 1 minute.").max(MAX_ESTIMATED_MINUTES).nullable().optional(),
  resources: z.array(resourceInputSchema).max(MAX_RESOURCES, `At most ${MAX_RESOURCES} links per item.`).optional(),
  due: dueInputSchema.nullable().optional(),
};

export const updateNodeSchema = z
  .strictObject({ title: nodeTitleSchema.optional(), ...nodeFields })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "Send at least one field to change.");
export type UpdateNodeInput = z.output<typeof updateNodeSchema>;

export const newNodeSchema = z.strictObject({
  kind: z.enum(["SECTION", "ITEM"]),
  title: nodeTitleSchema,
  ...nodeFields,
  stableKey: stableKeySchema.optional().meta({ description: "Only to restore a node removed earlier (undo); new nodes get a fresh key." }),
  parentIndex: z.number().int().min(0).optional().meta({ description: "For every node but the first: the index (in `nodes`) of its parent." }),
});
export type NewNodeInput = z.output<typeof newNodeSchema>;

const destinationFields = {
  parentKey: stableKeySchema.nullable().meta({ description: "The new parent's key; null for the top level." }),
  position: z.number().int().min(0).optional().meta({ description: "Index among the parent's children; the end when omitted." }),
};

export const addNodesSchema = z
  .strictObject({
    ...destinationFields,
    nodes: z
      .array(newNodeSchema)
      .min(1, "Send the node to add.")
      .max(MAX_OUTLINE_ITEMS)
      .meta({ description: "The node to add, then (to restore a removed subtree) its descendants in pre-order." }),
  })
  .superRefine((body, ctx) => {
    body.nodes.forEach((node, index) => {
      const parentIndex = node.parentIndex;
      if (index === 0 ? parentIndex !== undefined : parentIndex === undefined || parentIndex >= index) {
        ctx.addIssue({ code: "custom", path: ["nodes", index, "parentIndex"], message: index === 0 ? "The first node takes `parentKey`, not `parentIndex`." : "Name an earlier node as the parent." });
      }
    });
  });
export type AddNodesInput = z.output<typeof addNodesSchema>;

export const moveNodeSchema = z.strictObject(destinationFields);
export type MoveNodeInput = z.output<typeof moveNodeSchema>;

export const updateTrackSchema = z
  .strictObject({
    title: z.string().trim().min(1, "A title has at least 1 character.").max(200, "A title has at most 200 characters.").optional(),
    description: z.string().trim().max(2000, "A description has at most 2,000 characters.").transform((text) => text || null).nullable().optional(),
  })
  .refine((body) => body.title !== undefined || body.description !== undefined, "Send a title or a description.");

/** What every edit answers: the version after it (its new ETag for If-Match) and the nodes it touched. */
export const editResultSchema = z.object({
  version: versionSummarySchema.extend({ updatedAt: z.date(), etag: z.string().meta({ description: "Send as `If-Match` with the next edit to refuse it (412) if someone else changed the draft meanwhile." }) }),
  nodes: z.array(trackNodeSchema).meta({ description: "Added or moved: the node and its descendants; changed: the node; removed: what was removed (send them back to restore)." }),
});
export type EditResult = z.output<typeof editResultSchema>;
