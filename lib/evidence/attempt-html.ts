/** An attempt's stored HTML (lib/markdown/stored-html.ts): its note's and its review comment's, refreshed on read when another renderer made them. */
import { sql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";
import { isCurrentRenderer, MARKDOWN_RENDERER, renderForStorage, saveRenderedHtml, servedHtml } from "@/lib/markdown/stored-html";

export interface AttemptHtmlRow {
  id: string;
  note: string | null;
  noteHtml: string | null;
  reviewComment: string | null;
  reviewCommentHtml: string | null;
  htmlRenderer: string | null;
}

/** The columns a new attempt stores beside its note. */
export function attemptHtmlColumns(note: string | null) {
  return { noteHtml: renderForStorage(note), reviewCommentHtml: null, htmlRenderer: MARKDOWN_RENDERER };
}

/**
 * The columns a review stores: its comment's HTML, and the note's again only if another
 * renderer made it (one renderer stands for both columns of the row). A note never
 * changes after submission.
 */
export function reviewHtmlColumns(attempt: AttemptHtmlRow, reviewComment: string | null) {
  return {
    noteHtml: isCurrentRenderer(attempt.htmlRenderer) ? attempt.noteHtml : renderForStorage(attempt.note),
    reviewCommentHtml: renderForStorage(reviewComment),
    htmlRenderer: MARKDOWN_RENDERER,
  };
}

/** The HTML to serve for a row (rendered now when stale; withCurrentAttemptHtml saves it). */
export function attemptHtml(row: AttemptHtmlRow) {
  return { noteHtml: servedHtml(row.note, row.noteHtml, row.htmlRenderer), reviewCommentHtml: servedHtml(row.reviewComment, row.reviewCommentHtml, row.htmlRenderer) };
}

/** The rows with HTML this renderer made: stale ones are rendered now, and saved for the next reader. */
export async function withCurrentAttemptHtml<Row extends AttemptHtmlRow>(ctx: OrgContext, rows: Row[]): Promise<Row[]> {
  const stale = rows.filter((row) => !isCurrentRenderer(row.htmlRenderer) && (row.note !== null || row.reviewComment !== null));
  if (stale.length === 0) return rows;
  const rendered = new Map(stale.map((row) => [row.id, { noteHtml: renderForStorage(row.note), reviewCommentHtml: renderForStorage(row.reviewComment) }]));
  const column = <K extends keyof AttemptHtmlRow>(key: K) => stale.map((row) => row[key]);
  await saveRenderedHtml(
    ctx.log,
    "evidence attempt",
    sql`
      UPDATE "EvidenceAttempt" e SET "noteHtml" = v.note_html, "reviewCommentHtml" = v.review_html, "htmlRenderer" = ${MARKDOWN_RENDERER}
      FROM unnest(
        ${column("id")}::text[], ${column("note")}::text[], ${stale.map((row) => rendered.get(row.id)!.noteHtml)}::text[],
        ${column("reviewComment")}::text[], ${stale.map((row) => rendered.get(row.id)!.reviewCommentHtml)}::text[]
      ) AS v(id, note, note_html, review, review_html)
      WHERE e.id = v.id AND e."organizationId" = ${ctx.organization.id}
        -- Still the text that was rendered (a review since stored its own), and not being written now.
        AND e.note IS NOT DISTINCT FROM v.note AND e."reviewComment" IS NOT DISTINCT FROM v.review
        AND e."htmlRenderer" IS DISTINCT FROM ${MARKDOWN_RENDERER}
        AND e.id IN (SELECT id FROM "EvidenceAttempt" WHERE id = ANY(${column("id")}::text[]) FOR UPDATE SKIP LOCKED)`,
  );
  return rows.map((row) => (rendered.has(row.id) ? { ...row, ...rendered.get(row.id)!, htmlRenderer: MARKDOWN_RENDERER } : row));
}
