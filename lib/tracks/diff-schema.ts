import { z } from "zod";
import { versionSummarySchema } from "./schema";

export const diffQuerySchema = z.strictObject({
  from: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .meta({ description: "The version to compare with; the highest version number below `number` when omitted. May be later than `number`." }),
});

/** The fields besides title and place that a diff compares, in the order it lists them. */
export const DIFF_FIELDS = ["kind", "description", "optional", "evidenceRequired", "verificationRequired", "estimatedMinutes", "due", "resources"] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

const kindSchema = z.enum(["SECTION", "ITEM"]);
const pathSchema = z.array(z.string()).meta({ description: "Titles of the node's ancestors, outermost first; empty at the top level." });

const entryFields = {
  stableKey: z.string(),
  kind: kindSchema,
  title: z.string().meta({ description: "The title in the version the node is in (the newer one when it is in both)." }),
};

const subtreeEntrySchema = z.object({
  ...entryFields,
  path: pathSchema,
  descendants: z.number().meta({ description: "How many nodes below this one were added (or removed) with it; they are not listed separately." }),
});

export const versionDiffSchema = z.object({
  counts: z
    .object({ added: z.number(), removed: z.number(), renamed: z.number(), moved: z.number(), changed: z.number() })
    .meta({ description: "`added` and `removed` count every node, including those folded into an entry; the others count entries." }),
  added: z.array(subtreeEntrySchema).meta({ description: "Nodes only in the later version: the top of each new subtree, in its pre-order." }),
  removed: z.array(subtreeEntrySchema).meta({ description: "Nodes only in the earlier version: the top of each removed subtree, with its path in that version." }),
  renamed: z.array(z.object({ ...entryFields, fromTitle: z.string(), toTitle: z.string(), path: pathSchema })),
  moved: z
    .array(
      z.object({
        ...entryFields,
        reason: z.enum(["parent", "order"]).meta({ description: "`parent`: under another parent; `order`: the same parent, reordered among the siblings both versions share." }),
        fromPath: pathSchema,
        toPath: pathSchema,
        fromPosition: z.number(),
        toPosition: z.number(),
      }),
    )
    .meta({ description: "Only the nodes that moved: a moved subtree is its root, and a reorder lists the fewest siblings that explain it." }),
  changed: z.array(z.object({ ...entryFields, path: pathSchema, fields: z.array(z.enum(DIFF_FIELDS)) })),
});
export type VersionDiff = z.output<typeof versionDiffSchema>;

export const versionDiffResponseSchema = z.object({
  track: z.object({ id: z.string(), title: z.string() }),
  from: versionSummarySchema,
  to: versionSummarySchema,
  ...versionDiffSchema.shape,
});
