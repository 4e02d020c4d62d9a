/**
 * Markdown is rendered once, when it is written, and its sanitized HTML stored beside
 * it with the renderer that made it (decision 0020): a read serves the stored HTML
 * instead of running markdown-it and sanitize-html again (up to ~7 ms for a long note,
 * per note, per read). HTML another renderer made, or none did (rows written before the
 * columns existed), is rendered again when read: a renderer change therefore takes
 * effect on every row, and a sanitizer fix is never undone by an old stored copy.
 *
 * The stored HTML is only ever what renderMarkdown produced from the stored markdown:
 * no API accepts HTML, and a write that changes the markdown stores its HTML in the
 * same statement.
 */
import type { Logger } from "@/lib/observability/logger";
import { queryRows } from "@/lib/db/sql";
import type { Statement } from "@/lib/db/sql";
import { MARKDOWN_RENDERER, renderMarkdown } from "./render-markdown";

export { MARKDOWN_RENDERER };

/** The HTML to store for markdown written now (null for none). */
export function renderForStorage(source: string | null): string | null {
  return source === null ? null : renderMarkdown(source);
}

/** Whether a row's stored HTML was made by this renderer. */
export function isCurrentRenderer(renderer: string | null): boolean {
  return renderer === MARKDOWN_RENDERER;
}

/** The HTML to serve: the stored copy when this renderer made it, otherwise rendered now. */
export function servedHtml(source: string | null, stored: string | null, renderer: string | null): string | null {
  if (source === null) return null;
  return isCurrentRenderer(renderer) && stored !== null ? stored : renderMarkdown(source);
}

/**
 * Saves HTML rendered on a read for the next reader. Best effort: the reader already has
 * its HTML, so a failure is logged, never answered. The statement must only touch rows
 * whose markdown is still what was rendered and skip rows another transaction holds
 * (FOR UPDATE SKIP LOCKED), so a read never waits on a write nor overwrites a newer one.
 */
export async function saveRenderedHtml(log: Logger, what: string, statement: Statement): Promise<void> {
  try {
    await queryRows(statement);
  } catch (error) {
    log.warn({ err: error, what }, "could not store rendered markdown; it is rendered again on the next read");
  }
}
