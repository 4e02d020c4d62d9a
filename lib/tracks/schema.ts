import { z } from "zod";
import { pageQueryFields } from "@/lib/http/pagination";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { MAX_OUTLINE_BYTES } from "@/lib/outline";
import { decodeCreatedAtCursor } from "@/lib/http/cursor";
import { LIBRARY_IDS } from "./library-ids";

/**
 * The import body wraps up to MAX_OUTLINE_BYTES of text in JSON, whose escaping
 * (a newline becomes `\n`, a quote `\"`) makes it larger than the text; the
 * parser still refuses text over MAX_OUTLINE_BYTES with a line-numbered error.
 */
export const IMPORT_BODY_LIMIT_BYTES = 2 * MAX_OUTLINE_BYTES;

export const TRACKS_PAGE_DEFAULT = 25;
export const TRACKS_PAGE_MAX = 100;

export const tracksParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });
/** A track id that cannot exist fails here and answers 404, like one of another organization. */
export const trackParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, trackId: z.cuid() });
export const versionParamsSchema = z.strictObject({
  orgSlug: orgSlugSchema,
  trackId: z.cuid(),
  number: z.coerce.number().int().min(1).max(1_000_000),
});

const roadmapTextSchema = z.string().min(1, "Paste the roadmap text.").meta({ description: "The roadmap in Cairn's text format or in Markdown (at most 1 MiB)." });
/** Which format the text is in; "auto" (the default) detects it (decision 0031). */
const importFormatSchema = z
  .enum(["auto", "text", "markdown"])
  .default("auto")
  .meta({ description: "`text` (Cairn's text format), `markdown`, or `auto` (the default) to detect which from the text." });
const trackTitleSchema = z.string().trim().min(1, "A title has at least 1 character.").max(200, "A title has at most 200 characters.");

export const previewImportSchema = z.strictObject({ text: roadmapTextSchema, format: importFormatSchema });

export const createTrackSchema = z.union([
  z.strictObject({
    title: trackTitleSchema.optional(),
    text: roadmapTextSchema,
    format: importFormatSchema,
    tidyTitles: z
      .boolean()
      .default(false)
      .meta({ description: "Tidy the imported titles (lib/outline/tidy-title.ts): emoji and decorative symbols stripped, SHOUTED words in Title case except acronyms, whitespace collapsed. Off by default; a `title` given here is kept as typed." }),
  }),
  z.strictObject({ title: trackTitleSchema.optional(), library: z.enum(LIBRARY_IDS).meta({ description: "A built-in track to start from." }) }),
]);
export type CreateTrackInput = z.output<typeof createTrackSchema>;

export const listTracksQuerySchema = z.strictObject({
  ...pageQueryFields({ noun: "track", max: TRACKS_PAGE_MAX, default: TRACKS_PAGE_DEFAULT, decode: decodeCreatedAtCursor }),
});
export type ListTracksQuery = z.output<typeof listTracksQuerySchema>;

export const exportQuerySchema = z.strictObject({ format: z.enum(["text", "markdown", "json"]).default("json") });

const parseErrorSchema = z.object({ line: z.number(), column: z.number(), code: z.string(), message: z.string() });
const repairSchema = z.object({ line: z.number(), column: z.number().optional(), kind: z.string(), message: z.string(), before: z.string(), after: z.string() });
/** The one definition of the counts (decision 0040): items are leaves, topics group them, sections are the top. */
const sectionsField = z.number().meta({ description: "Top-level sections." });
const topicsField = z.number().meta({ description: "Topics: items with items under them. They group and never count for progress." });
const itemsField = z
  .number()
  .meta({ description: "Items: nodes without children, what a hire marks and what progress counts. Before decision 0040 this counted topics too: the old figure is `items + topics`." });
const statsSchema = z.object({
  sections: sectionsField,
  topics: topicsField,
  items: itemsField,
  optional: z.number().meta({ description: "Items and topics marked optional." }),
  maxDepth: z.number(),
});

export const importPreviewSchema = z.object({
  ok: z.boolean(),
  format: z.enum(["text", "markdown"]).meta({ description: "The format the text was read in." }),
  detected: z.boolean().meta({ description: "True when the format was detected (`format: auto`), false when it was asked for." }),
  title: z.string().nullable().meta({ description: "The document's `#` title after repairs; null without one." }),
  errors: z.array(parseErrorSchema),
  repairCount: z.number().meta({ description: "Every repair the import would make; `repairs` lists the first 1,000 of them by line." }),
  repairs: z.array(repairSchema),
  warnings: z.array(z.object({ line: z.number(), code: z.string(), message: z.string() })),
  stats: statsSchema.nullable().meta({ description: "Null when the text has errors." }),
  tree: z
    .array(z.object({ depth: z.number(), kind: z.enum(["SECTION", "ITEM"]), title: z.string(), optional: z.boolean(), line: z.number(), links: z.number().meta({ description: "How many links the item has." }) }))
    .meta({ description: "Every node in pre-order; empty when the text has errors." }),
});

const nodeCountsSchema = z.object({ sections: sectionsField, topics: topicsField, items: itemsField });

export const versionSummarySchema = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(["DRAFT", "PUBLISHED"]),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  counts: nodeCountsSchema,
});

export const trackSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  archivedAt: z.date().nullable(),
  latestVersion: versionSummarySchema.nullable(),
});
export type TrackSummary = z.output<typeof trackSummarySchema>;

export const trackPageSchema = z.object({
  items: z.array(trackSummarySchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
});

export const trackDetailSchema = trackSummarySchema.extend({ versions: z.array(versionSummarySchema).meta({ description: "Newest first." }) });

const resourceSchema = z.object({ title: z.string().optional(), url: z.string() });

/** A due relative to the assignment's start (lib/outline/due-marker.ts, decision 0030). */
export const relativeDueSchema = z
  .object({ unit: z.enum(["day", "week"]), count: z.number() })
  .meta({ description: "Due on day `count` of the assignment (day 1 is its start date), or at the end of its week `count`." });

export const trackNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  stableKey: z.string().meta({ description: "Names this node across versions; survives renames and moves." }),
  ordinal: z.number().meta({ description: "Pre-order index in the version, from 0." }),
  position: z.number(),
  depth: z.number(),
  kind: z.enum(["SECTION", "ITEM"]),
  title: z.string(),
  description: z.string().nullable(),
  optional: z.boolean(),
  evidenceRequired: z.boolean(),
  verificationRequired: z.boolean().meta({ description: "Evidence is approved only once GitHub verified it (decision 0034)." }),
  estimatedMinutes: z.number().nullable(),
  due: relativeDueSchema.nullable().meta({ description: "The node's own relative due; an item is due at the earliest of its own and its ancestors'." }),
  resources: z.array(resourceSchema),
});
export type TrackNodeOut = z.output<typeof trackNodeSchema>;

export const versionTreeSchema = z.object({
  track: z.object({ id: z.string(), title: z.string() }),
  version: versionSummarySchema.extend({ updatedAt: z.date() }),
  nodes: z.array(trackNodeSchema).meta({ description: "Every node in pre-order (a parent before its children)." }),
});

export const libraryListSchema = z.object({
  items: z.array(z.object({ id: z.enum(LIBRARY_IDS), title: z.string(), description: z.string(), counts: nodeCountsSchema.extend({ optional: z.number().meta({ description: "Items and topics marked optional." }) }) })),
});
