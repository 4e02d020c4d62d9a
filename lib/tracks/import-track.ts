import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { outlineStats, tidyDocument } from "@/lib/outline";
import type { ParseError } from "@/lib/outline";
import { libraryTrack } from "./library";
import { insertNodes } from "./insert-nodes";
import { nodeRows } from "./node-rows";
import { parseOutlineText, resolveFormat } from "./outline-parser";
import type { CreateTrackInput, TrackSummary } from "./schema";

const TITLE_MAX = 200;

/**
 * Creates a track from roadmap text (pasted text or Markdown, or a built-in library track): the
 * Track, its version 1 as a draft and every node, in one transaction of a constant
 * number of statements whatever the size of the tree, ending with track.created.
 * Text with errors writes nothing and answers 422 listing them. `tidyTitles` tidies every
 * title as the preview showed (the same pure function).
 */
export async function importTrack(ctx: OrgContext, input: CreateTrackInput): Promise<TrackSummary> {
  const text = "library" in input ? libraryTrack(input.library).text : input.text;
  const { format } = "library" in input ? { format: "text" as const } : resolveFormat(text, input.format);
  const parsed = await parseOutlineText(text, format);
  if (!parsed.ok) throw parseFailed(parsed.errors);
  // Tidying is the importer's choice, made in the preview (never forced): titles only, the tree is the same.
  const document = "tidyTitles" in input && input.tidyTitles ? tidyDocument(parsed.document) : parsed.document;
  const stats = outlineStats(document);
  const title = (input.title ?? document.title?.trim() ?? "").slice(0, TITLE_MAX) || "Untitled track";
  const organizationId = ctx.organization.id;

  const { track, version } = await getDb().$transaction(async (tx) => {
    const track = await tx.track.create({ data: { organizationId, title } });
    const version = await tx.trackVersion.create({
      data: { organizationId, trackId: track.id, number: 1, status: "DRAFT", createdById: ctx.user.id, sourceHash: createHash("sha256").update(text).digest("hex") },
    });
    const scope = { organizationId, versionId: version.id };
    await insertNodes(tx, scope, nodeRows(document, scope));
    await recordEvent(tx, {
      organizationId,
      type: "track.created",
      actorId: ctx.user.id,
      subjectType: "track",
      subjectId: track.id,
      payload: { title, sections: stats.sections, topics: stats.topics, items: stats.items, ...("library" in input ? { library: input.library } : { format }) },
    });
    return { track, version };
  });

  ctx.log.info({ trackId: track.id, items: stats.items }, "track imported");
  return {
    id: track.id,
    title: track.title,
    description: track.description,
    createdAt: track.createdAt,
    updatedAt: track.updatedAt,
    archivedAt: track.archivedAt,
    latestVersion: {
      id: version.id,
      number: version.number,
      status: version.status,
      publishedAt: version.publishedAt,
      createdAt: version.createdAt,
      counts: { sections: stats.sections, topics: stats.topics, items: stats.items },
    },
  };
}

/** The parser's errors as a 422: field issues like any validation failure, plus line and column. */
function parseFailed(errors: ParseError[]): AppError {
  const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  return new AppError("VALIDATION_FAILED", `The roadmap text has ${count}; nothing was imported.`, {
    issues: errors.map((error) => ({ path: "body.text", message: error.message })),
    parseErrors: errors.map(({ line, column, code, message }) => ({ line, column, code, message })),
  });
}
