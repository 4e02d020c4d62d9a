/**
 * Parsing pasted outline text without holding up the event loop. Parsing is linear, but 1 MiB of
 * short lines still takes up to ~190 ms of CPU (decision 0015), during which no page, API call,
 * socket or job could run. So text of `OFF_THREAD_MIN_LENGTH` or more goes to the parser thread
 * that server.ts starts (`lib/server/outline-parser-thread.ts`), reached through globalThis like
 * the Socket.IO server, since Next.js loads route modules in a module graph of its own. Shorter
 * text, and any text when no thread runs (scripts, most tests), is parsed inline.
 *
 * The outline is in the text format or in Markdown (decision 0031): "auto" (the default) detects
 * which (`detectOutlineFormat`, one linear pass), an explicit choice overrides the detection, and
 * both formats go the same way (inline or to the thread).
 */
import { detectOutlineFormat, parseMarkdownOutline, parseOutline } from "@/lib/outline";
import type { ParseResult, OutlineFormatName } from "@/lib/outline";

/** 64 Ki characters: the worst inline case (a line break every few characters) takes ~12 ms. */
export const OFF_THREAD_MIN_LENGTH = 64 * 1024;

export type ImportFormat = OutlineFormatName | "auto";

export interface OutlineParser {
  parse(text: string, format?: OutlineFormatName): Promise<ParseResult>;
}

const globalForParser = globalThis as unknown as { __cairnOutlineParser?: OutlineParser };

export function setOutlineParser(parser: OutlineParser | undefined): void {
  globalForParser.__cairnOutlineParser = parser;
}

/** The format `text` is read in: the one asked for, or the detected one for "auto". */
export function resolveFormat(text: string, format: ImportFormat = "auto"): { format: OutlineFormatName; detected: boolean } {
  return format === "auto" ? { format: detectOutlineFormat(text), detected: true } : { format, detected: false };
}

export async function parseOutlineText(text: string, format: OutlineFormatName = "text"): Promise<ParseResult> {
  const parser = globalForParser.__cairnOutlineParser;
  if (parser && text.length >= OFF_THREAD_MIN_LENGTH) return parser.parse(text, format);
  return format === "markdown" ? parseMarkdownOutline(text) : parseOutline(text);
}
