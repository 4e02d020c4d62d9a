/**
 * The two version reads answer with their own Responses: the tree carries an ETag
 * (and a 304 skips reading the nodes), and the text export is not JSON.
 */
import type { OrgContext } from "@/lib/http/handle";
import { exportFileName, exportText } from "./export-version";
import { etagMatches, findVersion, versionEtag, versionTree } from "./read-version";
import { versionTreeSchema } from "./schema";

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

export async function exportResponse(ctx: OrgContext, trackId: string, number: number, format: "text" | "json") {
  const version = await findVersion(ctx, trackId, number);
  const tree = await versionTree(ctx, version);
  if (format === "json") return tree;
  return new Response(exportText(version.track.title, tree.nodes), {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(version.track.title, number, "txt")}"`,
      "cache-control": "no-store",
    },
  });
}
