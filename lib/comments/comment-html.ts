/** A comment's stored HTML (lib/markdown/stored-html.ts): set with its body, refreshed on read when another renderer made it. */
import { sql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";
import { isCurrentRenderer, MARKDOWN_RENDERER, renderForStorage, saveRenderedHtml } from "@/lib/markdown/stored-html";

export interface CommentHtmlRow {
  id: string;
  body: string | null;
  bodyHtml: string | null;
  htmlRenderer: string | null;
}

/** The columns a write of `body` sets beside it (a deleted comment's body is null, and so is its HTML). */
export function commentHtmlColumns(body: string | null) {
  return { bodyHtml: renderForStorage(body), htmlRenderer: MARKDOWN_RENDERER };
}

/** The rows with HTML this renderer made: stale ones are rendered now, and saved for the next reader. */
export async function withCurrentCommentHtml<Row extends CommentHtmlRow>(ctx: OrgContext, rows: Row[]): Promise<Row[]> {
  const stale = rows.filter((row) => row.body !== null && !isCurrentRenderer(row.htmlRenderer));
  if (stale.length === 0) return rows;
  const rendered = new Map(stale.map((row) => [row.id, renderForStorage(row.body)!]));
  await saveRenderedHtml(
    ctx.log,
    "comment",
    sql`
      UPDATE "ItemComment" c SET "bodyHtml" = v.html, "htmlRenderer" = ${MARKDOWN_RENDERER}
      FROM unnest(${stale.map((row) => row.id)}::text[], ${stale.map((row) => row.body)}::text[], ${stale.map((row) => rendered.get(row.id))}::text[]) AS v(id, body, html)
      WHERE c.id = v.id AND c."organizationId" = ${ctx.organization.id}
        -- Still the text that was rendered (an edit since stored its own), and not being written now.
        AND c.body = v.body AND c."htmlRenderer" IS DISTINCT FROM ${MARKDOWN_RENDERER}
        AND c.id IN (SELECT id FROM "ItemComment" WHERE id = ANY(${stale.map((row) => row.id)}::text[]) FOR UPDATE SKIP LOCKED)`,
  );
  return rows.map((row) => (rendered.has(row.id) ? { ...row, bodyHtml: rendered.get(row.id)!, htmlRenderer: MARKDOWN_RENDERER } : row));
}
