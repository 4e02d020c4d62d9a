/**
 * The two version reads answer with their own Responses: the tree carries an ETag
 * (and a 304 skips reading the nodes), and the text export is not JSON.
 */
import { invalidInput } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { OutlineSerializeError } from "@/lib/outline";
import { exportFileName, exportMarkdown, exportText } from "./export-version";
import { etagMatches, findVersion, versionEtag, versionTree } from "./read-version";
import { versionTreeSchema } from "./schema";
import type { TrackNodeOut } from "./schema";

// The client may keep the tree but must ask again (with If-None-Match) before using it.
const REVALIDATE = "private, no-cache";

export async function versionResponse(ctx: OrgContext, request: Request, trackId: string, number: number): Promise<Response> {
  const version = await findVersion(ctx, trackId, number);
  const etag = versionEtag(version);
  if (etagMatches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { etag, "cache-control": REVALIDATE } });
  }
  const tree = versionTreeSchema.parse(await versionTree(ctx, version));
  return Response.json(tree, { headers: { etag, "cache-control": REVALIDATE } });
}

export async function exportResponse(ctx: OrgContext, trackId: string, number: number, format: "text" | "markdown" | "json") {
  const version = await findVersion(ctx, trackId, number);
  const tree = await versionTree(ctx, version);
  if (format === "json") return tree;
  const markdown = format === "markdown";
  const body = markdown ? markdownOf(version.track.title, number, tree.nodes) : textOf(version.track.title, number, tree.nodes);
  return new Response(body, {
    headers: {
      "content-type": markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(version.track.title, number, markdown ? "md" : "txt")}"`,
      "cache-control": "no-store",
    },
  });
}

/** Markdown holds everything but a title the editor could not have saved; such a node is a 422 like the text export's. */
function markdownOf(title: string, number: number, nodes: readonly TrackNodeOut[]): string {
  try {
    return exportMarkdown(title, nodes);
  } catch (error) {
    if (!(error instanceof OutlineSerializeError)) throw error;
    throw invalidInput("query.format", `Version ${number} cannot be written as Markdown: ${error.message}. Export it as JSON instead.`);
  }
}

/**
 * The text format holds titles, the tree, the optional flag and one-paragraph
 * plain descriptions. A description the editor allowed but the format cannot
 * hold (blank lines, a line that starts like a bullet) makes the text export a
 * 422 naming the node, rather than a file that would import as something else;
 * the JSON export carries everything.
 */
function textOf(title: string, number: number, nodes: readonly TrackNodeOut[]): string {
  try {
    return exportText(title, nodes);
  } catch (error) {
    if (!(error instanceof OutlineSerializeError)) throw error;
    const message = `Version ${number} cannot be written in the text format: ${error.message}. Export it as JSON instead, or change that description.`;
    throw invalidInput("query.format", message);
  }
}
